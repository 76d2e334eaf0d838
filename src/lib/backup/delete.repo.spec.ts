import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, type EventRow } from '$lib/db';
import { backupStatus } from './backup.repo';
import { BACKUP_TABLES } from './backup';
import { deleteEventData, deleteEverything } from './delete.repo';

vi.setConfig({ testTimeout: 60_000 });

beforeEach(async () => {
	await db.delete();
	await db.open();
});

const at = '2026-06-02T09:00:00.000Z';

function event(id: string, startDate: string): EventRow {
	return {
		id,
		name: `Event ${id}`,
		startDate,
		endDate: startDate,
		timeZone: 'UTC',
		goals: { peopleToMeet: 5, followUpWithinHours: 72 },
		createdAt: at,
		updatedAt: at
	};
}

/** Two events, each with a session, a person, their scan, a follow-up and a saved prompt. */
async function seedTwoEvents() {
	await db.events.bulkAdd([
		event('A', '2026-06-02'),
		event('B', '2026-05-01'),
		event('C', '2026-01-01')
	]);
	for (const e of ['A', 'B']) {
		await db.sessions.add({
			id: `s${e}`,
			eventId: e,
			title: `Talk ${e}`,
			start: at,
			end: at,
			speakers: [],
			createdAt: at,
			updatedAt: at
		});
		await db.contacts.add({
			id: `c${e}`,
			eventId: e,
			sessionId: `s${e}`,
			name: `Person ${e}`,
			emails: [],
			phones: [],
			urls: [],
			note: '',
			tags: [],
			metAt: at,
			createdAt: at,
			updatedAt: at,
			words: [],
			phoneKeys: []
		});
		await db.scans.bulkAdd([
			{
				id: `scan${e}`,
				raw: 'x',
				format: 'vcard',
				source: 'camera',
				scannedAt: at,
				contactId: `c${e}`
			},
			{ id: `unread${e}`, raw: 'y', format: 'unknown', source: 'camera', scannedAt: at, eventId: e }
		]);
		await db.followups.add({
			id: `f${e}`,
			contactId: `c${e}`,
			step: 0,
			channel: 'email',
			subject: 'Hi',
			body: 'Hello',
			dueAt: at,
			status: 'queued',
			createdAt: at,
			updatedAt: at
		});
		await db.prompts.add({
			id: `p${e}`,
			kind: 'opener',
			text: 'So?',
			sessionId: `s${e}`,
			createdAt: at
		});
	}
	await db.prompts.add({ id: 'own', kind: 'own', text: 'Mine', createdAt: at });
	await db.settings.bulkPut([
		{ key: 'activeEventId', value: 'A' },
		{ key: 'myName', value: 'Rosa' }
	]);
}

const ids = async (table: (typeof BACKUP_TABLES)[number]) =>
	(await db.table(table).toCollection().primaryKeys()).map(String).sort();

describe('deleteEventData', () => {
	it("removes exactly that event's rows and nothing else", async () => {
		await seedTwoEvents();
		const result = await deleteEventData('A');
		expect(result?.deleted).toEqual({
			events: 1,
			sessions: 1,
			contacts: 1,
			scans: 2,
			followups: 1,
			prompts: 1
		});
		expect(await ids('events')).toEqual(['B', 'C']);
		expect(await ids('sessions')).toEqual(['sB']);
		expect(await ids('contacts')).toEqual(['cB']);
		expect(await ids('scans')).toEqual(['scanB', 'unreadB']);
		expect(await ids('followups')).toEqual(['fB']);
		expect(await ids('prompts')).toEqual(['own', 'pB']);
		// The most recent remaining event becomes the active one; other settings stay.
		expect(await db.settings.get('activeEventId')).toEqual({ key: 'activeEventId', value: 'B' });
		expect(await db.settings.get('myName')).toEqual({ key: 'myName', value: 'Rosa' });
	});

	it('changes nothing for an event that is not there', async () => {
		await seedTwoEvents();
		const before = await Promise.all(BACKUP_TABLES.map((t) => db.table(t).toArray()));
		expect(await deleteEventData('nope')).toBeUndefined();
		expect(await Promise.all(BACKUP_TABLES.map((t) => db.table(t).toArray()))).toEqual(before);
	});

	it('leaves no active event when the last one goes', async () => {
		await db.events.add(event('only', '2026-06-02'));
		await db.settings.put({ key: 'activeEventId', value: 'only' });
		await deleteEventData('only');
		expect(await db.settings.get('activeEventId')).toBeUndefined();
	});
});

describe('deleteEverything', () => {
	it('empties every table, settings and the change count', async () => {
		await seedTwoEvents();
		expect((await backupStatus()).changes).toBeGreaterThan(0);
		await deleteEverything();
		for (const table of BACKUP_TABLES) expect(await db.table(table).count()).toBe(0);
		expect(await backupStatus()).toEqual({ changes: 0, lastBackupAt: undefined });
	});
});
