import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ContactValidationError } from '$lib/contacts/contacts.repo';
import { formFromCard } from '$lib/contacts/draft';
import { db, type SessionRow } from '$lib/db';
import { createEvent } from '$lib/events/events.repo';
import {
	captureCode,
	mergeInto,
	metBeforeLine,
	quickSave,
	RepeatFilter,
	reviewForm,
	saveAsNew,
	sessionsForReview,
	type ContactCapture
} from './scanner-flow';

const badge = [
	'BEGIN:VCARD',
	'VERSION:3.0',
	'N:Løvlie;Åse',
	'FN:Åse Løvlie',
	'ORG:Nordlys AS',
	'EMAIL;TYPE=INTERNET:ase@nordlys.example',
	'TEL;TYPE=CELL:+47 912 34 567',
	'END:VCARD'
].join('\r\n');

function session(eventId: string, id: string, start: string, end: string): SessionRow {
	return {
		id,
		eventId,
		title: id,
		start,
		end,
		speakers: [],
		createdAt: start,
		updatedAt: start
	};
}

async function eventWithAgenda() {
	const event = await createEvent({
		name: 'Nordic.js',
		startDate: '2026-06-02',
		endDate: '2026-06-03',
		timeZone: 'Europe/Oslo'
	});
	await db.sessions.bulkAdd([
		session(event.id, 'keynote', '2026-06-02T07:00:00.000Z', '2026-06-02T08:00:00.000Z'),
		session(event.id, 'talk', '2026-06-02T08:15:00.000Z', '2026-06-02T09:00:00.000Z'),
		session(event.id, 'day-two', '2026-06-03T07:00:00.000Z', '2026-06-03T08:00:00.000Z')
	]);
	return event;
}

async function captured(raw: string, eventId?: string): Promise<ContactCapture> {
	const capture = await captureCode(raw, 'camera', { eventId });
	if (capture.kind !== 'contact') throw new Error(`not a contact: ${capture.reason}`);
	return capture;
}

beforeEach(async () => {
	await db.delete();
	await db.open();
});

describe('captureCode', () => {
	it('logs an unreadable code with its reason and reads nothing more', async () => {
		const capture = await captureCode('J3NHHSZN2VK', 'camera', { eventId: 'e1' });
		expect(capture.kind).toBe('unread');
		const scans = await db.scans.toArray();
		expect(scans).toHaveLength(1);
		expect(scans[0]).toMatchObject({ raw: 'J3NHHSZN2VK', format: 'unknown', eventId: 'e1' });
		expect(capture.kind === 'unread' && capture.reason).toBe(scans[0]?.reason);
		expect(await db.contacts.count()).toBe(0);
	});

	it('reads a person, with the session in progress at the scan time', async () => {
		const event = await eventWithAgenda();
		vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-06-02T08:30:00.000Z') });
		try {
			const capture = await captured(badge, event.id);
			expect(capture.card.name).toBe('Åse Løvlie');
			expect(capture.scan).toMatchObject({
				format: 'vcard',
				source: 'camera',
				eventId: event.id,
				scannedAt: '2026-06-02T08:30:00.000Z'
			});
			expect(capture.metBefore).toBeUndefined();
			expect(capture.session?.id).toBe('talk');
			expect(reviewForm(capture).sessionId).toBe('talk');
		} finally {
			vi.useRealTimers();
		}
	});

	it('finds the person met before, with the event they were met at', async () => {
		const event = await eventWithAgenda();
		const first = await saveAsNew(reviewForm(await captured(badge, event.id)), {
			eventId: event.id
		});
		const again = await captured(badge.replace('FN:Åse Løvlie', 'FN:Åse L.'), event.id);
		expect(again.metBefore?.contact.id).toBe(first.contact.id);
		expect(again.metBefore?.eventName).toBe('Nordic.js');
		expect(metBeforeLine(again.metBefore!, 'en-GB')).toMatch(
			/^Met before — Åse Løvlie, Nordic\.js, \d{1,2} \w+ \d{4}$/
		);
	});
});

describe('saving from a scan', () => {
	it('saves a new person at the scan time and links the scan; Undo deletes them only', async () => {
		const capture = await captured(badge, 'e1');
		const saved = await saveAsNew(
			{ ...reviewForm(capture), note: 'Wants the slides' },
			{
				eventId: 'e1',
				scan: capture.scan
			}
		);
		expect(saved.merged).toBe(false);
		expect(saved.contact).toMatchObject({
			name: 'Åse Løvlie',
			eventId: 'e1',
			metAt: capture.scan.scannedAt,
			note: 'Wants the slides'
		});
		expect((await db.scans.get(capture.scan.id))?.contactId).toBe(saved.contact.id);

		await saved.undo();
		expect(await db.contacts.count()).toBe(0);
		const scan = await db.scans.get(capture.scan.id);
		expect(scan?.raw).toBe(badge);
		expect(scan?.contactId).toBeUndefined();
	});

	it('merges into the person met before; Undo puts them back exactly as they were', async () => {
		const first = await saveAsNew(
			formFromCard({ name: 'Åse Løvlie', emails: ['ase@nordlys.example'] })
		);
		const before = await db.contacts.get(first.contact.id);
		const capture = await captured(badge);
		const merged = await mergeInto(first.contact.id, reviewForm(capture), { scan: capture.scan });
		expect(merged.merged).toBe(true);
		expect(merged.contact.phones).toEqual(['+47 912 34 567']);
		expect((await db.scans.get(capture.scan.id))?.contactId).toBe(first.contact.id);

		await merged.undo();
		expect(await db.contacts.get(first.contact.id)).toEqual(before);
		expect(await db.contacts.count()).toBe(1);
	});

	it('quick save merges a person met before into the newest match instead of saving twice', async () => {
		const capture = await captured(badge);
		const first = await quickSave(capture);
		expect(first.merged).toBe(false);
		const second = await quickSave(await captured(badge));
		expect(second.merged).toBe(true);
		expect(second.contact.id).toBe(first.contact.id);
		expect(await db.contacts.count()).toBe(1);
		expect(await db.scans.count()).toBe(2);
	});

	it('saves a person typed in at the given time, with no scan', async () => {
		const saved = await saveAsNew(formFromCard({ name: 'Kari Nordmann' }), {
			eventId: 'e1',
			at: '2026-06-02T08:30:00.000Z'
		});
		expect(saved.contact).toMatchObject({ eventId: 'e1', metAt: '2026-06-02T08:30:00.000Z' });
		expect(await db.scans.count()).toBe(0);
	});

	it('refuses an empty form and writes nothing', async () => {
		await expect(saveAsNew(formFromCard())).rejects.toBeInstanceOf(ContactValidationError);
		expect(await db.contacts.count()).toBe(0);
	});
});

describe('sessionsForReview', () => {
	it("offers the day's sessions in the event's time zone, else all of them", async () => {
		const event = await eventWithAgenda();
		const day = await sessionsForReview(event.id, '2026-06-02T10:00:00.000Z');
		expect(day.map((s) => s.id)).toEqual(['keynote', 'talk']);
		const after = await sessionsForReview(event.id, '2026-06-10T10:00:00.000Z');
		expect(after.map((s) => s.id)).toEqual(['keynote', 'talk', 'day-two']);
		expect(await sessionsForReview(undefined, '2026-06-02T10:00:00.000Z')).toEqual([]);
	});

	it('always includes the inferred session', async () => {
		const event = await eventWithAgenda();
		const late = session(event.id, 'late', '2026-06-01T21:30:00.000Z', '2026-06-01T22:30:00.000Z');
		const list = await sessionsForReview(event.id, '2026-06-02T10:00:00.000Z', late);
		expect(list.map((s) => s.id)).toEqual(['late', 'keynote', 'talk']);
	});
});

describe('RepeatFilter', () => {
	it('takes a code once while it stays in view, and again after it has been gone a while', () => {
		const filter = new RepeatFilter(10_000);
		expect(filter.accept('A', 0)).toBe(true);
		// Every frame it is seen restarts the window.
		for (let t = 100; t <= 30_000; t += 100) expect(filter.accept('A', t)).toBe(false);
		expect(filter.accept('A', 40_001)).toBe(true);
	});

	it('lets a different code through, and does not take back a code seen within 10 s', () => {
		const filter = new RepeatFilter(10_000);
		expect(filter.accept('A', 0)).toBe(true);
		expect(filter.accept('B', 3_000)).toBe(true);
		expect(filter.accept('A', 6_000)).toBe(false);
		expect(filter.accept('B', 9_000)).toBe(false);
		expect(filter.accept('A', 17_000)).toBe(true);
	});

	it('can count a sighting without taking it (a badge still in view after its review)', () => {
		const filter = new RepeatFilter(10_000);
		expect(filter.accept('A', 0)).toBe(true);
		filter.seen('A', 60_000);
		expect(filter.accept('A', 60_500)).toBe(false);
		expect(filter.accept('A', 80_000)).toBe(true);
	});

	it('in strict mode, never takes the same code twice in a row', () => {
		const filter = new RepeatFilter(10_000);
		expect(filter.accept('A', 0, { strict: true })).toBe(true);
		expect(filter.accept('A', 60_000, { strict: true })).toBe(false);
		expect(filter.accept('B', 61_000, { strict: true })).toBe(true);
		expect(filter.accept('A', 120_000, { strict: true })).toBe(true);
	});
});
