import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/db';
import {
	createEvent,
	EventValidationError,
	getActiveEvent,
	listEvents,
	setActiveEvent,
	updateEvent
} from './events.repo';
import type { EventInput } from './validate';

const base: EventInput = {
	name: 'JSConf EU',
	startDate: '2026-06-02',
	endDate: '2026-06-03',
	timeZone: 'Europe/Berlin',
	venue: 'Arena Berlin'
};

beforeEach(async () => {
	await db.delete();
	await db.open();
});

describe('createEvent', () => {
	it('stores the event with a string id and trimmed fields, and makes the first one active', async () => {
		const created = await createEvent({ ...base, name: '  JSConf EU  ', venue: ' ' });
		expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
		const stored = await db.events.get(created.id);
		expect(stored?.name).toBe('JSConf EU');
		expect(stored?.venue).toBeUndefined();
		expect(stored?.goals).toEqual({ peopleToMeet: 10, followUpWithinHours: 72 });
		expect((await getActiveEvent())?.id).toBe(created.id);
	});

	it('leaves the active event alone unless asked to activate the new one', async () => {
		// Same start date: newest first. A tick apart, so creation order is not left to chance.
		const tick = () => new Promise((r) => setTimeout(r, 3));
		const first = await createEvent(base);
		await tick();
		const second = await createEvent({ ...base, name: 'Second' });
		expect((await getActiveEvent())?.id).toBe(first.id);
		await tick();
		const third = await createEvent({ ...base, name: 'Third' }, { activate: true });
		expect((await getActiveEvent())?.id).toBe(third.id);
		expect((await listEvents()).map((e) => e.id)).toEqual([third.id, second.id, first.id]);
	});

	it('refuses an empty name and an end before the start, writing nothing', async () => {
		await expect(createEvent({ ...base, name: '   ' })).rejects.toThrow('Give the event a name.');
		const error = await createEvent({
			...base,
			startDate: '2026-06-03',
			endDate: '2026-06-01'
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(EventValidationError);
		expect((error as EventValidationError).errors).toEqual({
			endDate: 'The last day is before the first day.'
		});
		expect(await db.events.count()).toBe(0);
		expect(await getActiveEvent()).toBeUndefined();
	});

	it('refuses impossible dates, unknown time zones and negative goals', async () => {
		const error = (await createEvent({
			...base,
			startDate: '2026-02-30',
			timeZone: 'Mars/Olympus',
			goals: { peopleToMeet: -1 }
		}).catch((e: unknown) => e)) as EventValidationError;
		expect(Object.keys(error.errors).sort()).toEqual(['goals', 'startDate', 'timeZone']);
		expect(await db.events.count()).toBe(0);
	});
});

describe('updateEvent', () => {
	it('changes the fields and keeps the id and creation time', async () => {
		const created = await createEvent(base);
		const updated = await updateEvent(created.id, {
			...base,
			name: 'JSConf EU 2026',
			endDate: '2026-06-04',
			goals: { peopleToMeet: 25, followUpWithinHours: 48 }
		});
		expect(updated.id).toBe(created.id);
		expect(updated.createdAt).toBe(created.createdAt);
		const stored = await db.events.get(created.id);
		expect(stored?.name).toBe('JSConf EU 2026');
		expect(stored?.endDate).toBe('2026-06-04');
		expect(stored?.goals.peopleToMeet).toBe(25);
	});

	it('rejects invalid edits and leaves the stored event unchanged', async () => {
		const created = await createEvent(base);
		await expect(updateEvent(created.id, { ...base, name: '' })).rejects.toBeInstanceOf(
			EventValidationError
		);
		expect((await db.events.get(created.id))?.name).toBe('JSConf EU');
	});

	it('says so when the event is gone', async () => {
		await expect(updateEvent('missing', base)).rejects.toThrow('no longer exists');
	});
});

describe('setActiveEvent', () => {
	it('switches the active event, and refuses an unknown id without changing it', async () => {
		const first = await createEvent(base);
		const second = await createEvent({ ...base, name: 'Second' });
		await setActiveEvent(second.id);
		expect((await getActiveEvent())?.name).toBe('Second');
		await expect(setActiveEvent('nope')).rejects.toThrow();
		expect((await getActiveEvent())?.id).toBe(second.id);
		await setActiveEvent(first.id);
		expect((await getActiveEvent())?.id).toBe(first.id);
	});
});
