import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/db';
import { saveContact } from '$lib/contacts/contacts.repo';
import { createEvent } from '$lib/events/events.repo';
import {
	addSession,
	applyImport,
	previewImport,
	SessionValidationError,
	sessionsOf,
	setStarred,
	updateSession
} from './sessions.repo';
import type { ScheduleImport } from './types';

function agenda(overrides: Partial<ScheduleImport['sessions'][number]>[] = []): ScheduleImport {
	const base = [
		{
			externalId: 'k1',
			title: 'Opening keynote',
			start: '2026-06-02T07:00:00.000Z',
			end: '2026-06-02T08:00:00.000Z',
			room: 'Main Hall',
			speakers: ['Ana Lima']
		},
		{
			externalId: 't2',
			title: 'Design systems at scale',
			start: '2026-06-02T08:30:00.000Z',
			end: '2026-06-02T09:15:00.000Z',
			room: 'Room B',
			track: 'Design',
			speakers: ['Bo Chen']
		},
		{
			externalId: 't3',
			title: 'Closing panel',
			start: '2026-06-03T15:00:00.000Z',
			end: '2026-06-03T16:00:00.000Z',
			room: 'Main Hall',
			speakers: []
		}
	];
	return {
		format: 'frab-json',
		sessions: base.map((s, i) => ({ ...s, ...(overrides[i] ?? {}) })),
		warnings: [],
		floating: false
	};
}

let eventId = '';

beforeEach(async () => {
	await db.delete();
	await db.open();
	eventId = (
		await createEvent({
			name: 'Conf',
			startDate: '2026-06-02',
			endDate: '2026-06-03',
			timeZone: 'Europe/Berlin'
		})
	).id;
});

describe('agenda import', () => {
	it('previews without writing, then applies in one go', async () => {
		const plan = await previewImport(eventId, agenda());
		expect(plan).toMatchObject({ added: 3, updated: 0, unchanged: 0, remove: [] });
		expect(plan.days).toEqual(['2026-06-02', '2026-06-03']);
		expect(plan.rooms).toEqual(['Main Hall', 'Room B']);
		expect(await db.sessions.count()).toBe(0);
		await applyImport(plan);
		expect((await sessionsOf(eventId)).map((s) => s.title)).toEqual([
			'Opening keynote',
			'Design systems at scale',
			'Closing panel'
		]);
	});

	it('re-importing an updated agenda updates in place and keeps contacts linked and stars', async () => {
		await applyImport(await previewImport(eventId, agenda()));
		const talk = (await sessionsOf(eventId)).find((s) => s.externalId === 't2');
		const contact = await saveContact({
			name: 'Ana',
			emails: ['ana@example.com'],
			phones: [],
			urls: [],
			eventId,
			sessionId: talk?.id
		});
		await setStarred(talk!.id, true);

		const updated = agenda([{}, { title: 'Design systems at scale (moved)', room: 'Room C' }]);
		updated.sessions.pop();
		const plan = await previewImport(eventId, updated);
		expect(plan).toMatchObject({ added: 0, updated: 1, unchanged: 1, keptLinked: 0 });
		expect(plan.remove).toHaveLength(1);
		await applyImport(plan);

		const after = await db.sessions.get(talk!.id);
		expect(after).toMatchObject({
			title: 'Design systems at scale (moved)',
			room: 'Room C',
			starred: true
		});
		expect((await db.contacts.get(contact.id))?.sessionId).toBe(talk!.id);
		expect(await db.sessions.count()).toBe(2);
	});

	it('keeps a session that left the file when someone was met there', async () => {
		await applyImport(await previewImport(eventId, agenda()));
		const panel = (await sessionsOf(eventId)).find((s) => s.externalId === 't3');
		await saveContact({
			name: 'Cy',
			emails: [],
			phones: ['+49 30 1234567'],
			urls: [],
			eventId,
			sessionId: panel?.id
		});
		const shorter = agenda();
		shorter.sessions.pop();
		const plan = await previewImport(eventId, shorter);
		expect(plan).toMatchObject({ keptLinked: 1, remove: [] });
	});

	it('matches sessions without ids by title and start', async () => {
		const noIds = agenda().sessions.map(({ externalId: _id, ...s }) => s);
		await applyImport(
			await previewImport(eventId, { ...agenda(), format: 'csv', sessions: noIds })
		);
		const again = await previewImport(eventId, { ...agenda(), format: 'csv', sessions: noIds });
		expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
	});
});

describe('sessions by hand', () => {
	it('adds and edits a session, with clear validation', async () => {
		const s = await addSession(eventId, {
			title: '  Hallway track ',
			start: '2026-06-02T12:00:00.000Z',
			end: '2026-06-02T13:00:00.000Z',
			speakers: [' Ana ', '']
		});
		expect(s).toMatchObject({ title: 'Hallway track', speakers: ['Ana'] });
		await expect(
			addSession(eventId, {
				title: 'x',
				start: '2026-06-02T12:00:00Z',
				end: '2026-06-02T11:00:00Z'
			})
		).rejects.toBeInstanceOf(SessionValidationError);
		await expect(
			addSession(eventId, {
				title: ' ',
				start: '2026-06-02T12:00:00Z',
				end: '2026-06-02T13:00:00Z'
			})
		).rejects.toThrow('Give the session a title.');
		const edited = await updateSession(s.id, {
			title: 'Hallway track',
			start: s.start,
			end: '2026-06-02T13:30:00.000Z',
			room: 'Foyer'
		});
		expect(edited).toMatchObject({ id: s.id, room: 'Foyer', end: '2026-06-02T13:30:00.000Z' });
	});
});
