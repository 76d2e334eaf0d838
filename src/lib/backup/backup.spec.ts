import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, type ContactRow, type EventRow } from '$lib/db';
import { saveContact, type ContactDraft } from '$lib/contacts/contacts.repo';
import { createEvent } from '$lib/events/events.repo';
import {
	BACKUP_TABLES,
	MAX_BACKUP_BYTES,
	backupFileName,
	backupPieces,
	parseBackup,
	readBackupFile,
	serialiseBackup
} from './backup';
import { backupStatus, planRestore, readForBackup, restoreBackup } from './backup.repo';
import { deleteEverything } from './delete.repo';
import { randomDatabase, type RandomDatabase } from './test-rows';

// IndexedDB is faked in memory but slow on a busy machine: give every test room.
vi.setConfig({ testTimeout: 60_000 });

const draft = (fields: Partial<ContactDraft> & { name: string }): ContactDraft => ({
	emails: [],
	phones: [],
	urls: [],
	...fields
});

const meta = { exportedAt: '2026-06-02T18:00:00.000Z', appVersion: '0.1.0' };

beforeEach(async () => {
	await db.delete();
	await db.open();
});

async function seed(rows: RandomDatabase) {
	await db.transaction(
		'rw',
		BACKUP_TABLES.map((t) => db.table(t)),
		async () => {
			for (const table of BACKUP_TABLES) await db.table(table).bulkAdd(rows[table]);
		}
	);
}

/** Every table as stored, settings without bookkeeping. */
async function snapshot() {
	const out: Record<string, unknown[]> = {};
	for (const table of BACKUP_TABLES) out[table] = await db.table(table).toArray();
	out.settings = (out.settings as { key: string }[]).filter((s) => s.key !== 'lastBackupAt');
	return out;
}

function byKey<T>(rows: T[], key: (row: T) => string): T[] {
	return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

async function backupText(): Promise<string> {
	const { rows } = await readForBackup();
	return serialiseBackup(rows, meta);
}

function valid(text: string) {
	const parsed = parseBackup(text);
	if (!parsed.ok) throw new Error(`${parsed.message} ${parsed.issues.join('; ')}`);
	return parsed.backup;
}

describe('backup round trip', () => {
	it('is lossless: export, wipe, import gives the same rows in every table', async () => {
		await fc.assert(
			fc.asyncProperty(randomDatabase, async (rows) => {
				await deleteEverything();
				await seed(rows);
				const text = await backupText();
				await deleteEverything();
				expect(await db.contacts.count()).toBe(0);
				await restoreBackup(valid(text));
				const after = await snapshot();
				expect(after.events).toEqual(byKey(rows.events, (r) => r.id));
				expect(after.sessions).toEqual(byKey(rows.sessions, (r) => r.id));
				expect(after.contacts).toEqual(byKey(rows.contacts, (r) => r.id));
				expect(after.scans).toEqual(byKey(rows.scans, (r) => r.id));
				expect(after.followups).toEqual(byKey(rows.followups, (r) => r.id));
				expect(after.prompts).toEqual(byKey(rows.prompts, (r) => r.id));
				expect(after.settings).toEqual(byKey(rows.settings, (r) => r.key));
			}),
			{ numRuns: 40 }
		);
	}, 300_000);

	it('writes the versioned shape, one row per line, without derived keys or bookkeeping', async () => {
		const event = await createEvent({
			name: 'Jornadas São Paulo',
			startDate: '2026-06-02',
			endDate: '2026-06-02',
			timeZone: 'America/Sao_Paulo'
		});
		await saveContact(draft({ name: 'Zoë Ñúñez', emails: ['zoe@example.com'], eventId: event.id }));
		await db.settings.put({ key: 'lastBackupAt', value: '2026-06-01T00:00:00.000Z' });
		const text = await backupText();
		const file = JSON.parse(text) as Record<string, unknown> & {
			tables: Record<string, Record<string, unknown>[]>;
		};
		expect(file).toMatchObject({ format: 'hallway-backup', version: 1, ...meta });
		expect(Object.keys(file.tables)).toEqual([...BACKUP_TABLES]);
		expect(file.tables.contacts?.[0]?.name).toBe('Zoë Ñúñez');
		expect(file.tables.contacts?.[0]).not.toHaveProperty('words');
		expect(file.tables.contacts?.[0]).not.toHaveProperty('phoneKeys');
		expect(file.tables.settings?.map((s) => s.key)).toEqual(['activeEventId']);
		expect(text.split('\n').length).toBeGreaterThan(BACKUP_TABLES.length + 2);
		expect(serialiseBackup((await readForBackup()).rows, meta)).toBe(text);
	});

	it('reads in chunks and reports progress up to the total', async () => {
		const rows: EventRow[] = Array.from({ length: 1234 }, (_, i) => ({
			id: `e${String(i).padStart(5, '0')}`,
			name: `Event ${i}`,
			startDate: '2026-06-02',
			endDate: '2026-06-02',
			timeZone: 'UTC',
			goals: { peopleToMeet: 1, followUpWithinHours: 72 },
			createdAt: meta.exportedAt,
			updatedAt: meta.exportedAt
		}));
		await db.events.bulkAdd(rows);
		const seen: [number, number][] = [];
		const { rows: read } = await readForBackup((done, total) => seen.push([done, total]));
		expect(read.events).toHaveLength(1234);
		expect(seen[0]).toEqual([0, 1234]);
		expect(seen.at(-1)).toEqual([1234, 1234]);
		expect(seen.length).toBeGreaterThanOrEqual(4);
		expect([...backupPieces(read, meta)].length).toBeGreaterThan(1234);
	});

	it('names the file by the local date', () => {
		expect(backupFileName(new Date(2026, 5, 2, 23, 59))).toBe('hallway-backup-2026-06-02.json');
	});
});

/** A small valid backup to tamper with. */
async function sample() {
	const event = await createEvent({
		name: 'Tamper Conf',
		startDate: '2026-06-02',
		endDate: '2026-06-02',
		timeZone: 'Europe/Berlin'
	});
	await saveContact(draft({ name: 'Ana Lima', emails: ['ana@example.com'], eventId: event.id }));
	await saveContact(draft({ name: 'Bo Chen', phones: ['+49 30 1234567'], eventId: event.id }));
	const text = await backupText();
	await deleteEverything();
	return JSON.parse(text) as {
		format: unknown;
		version: unknown;
		tables: Record<string, Record<string, unknown>[]>;
	};
}

describe('tampered backups are refused and nothing is written', () => {
	async function refused(content: string, expected: RegExp, issue?: string) {
		const before = await snapshot();
		const parsed = await readBackupFile(new Blob([content]));
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(`${parsed.message} ${parsed.issues.join(' | ')}`).toMatch(expected);
		if (issue) expect(parsed.issues).toContain(issue);
		expect(await snapshot()).toEqual(before);
	}

	it('refuses invalid JSON', async () => {
		await refused('{"format":"hallway-backup", "version": 1,', /isn't valid JSON/);
	});

	it('refuses another format', async () => {
		const file = await sample();
		file.format = 'someone-else';
		await refused(JSON.stringify(file), /isn't a Hallway backup/);
		await refused('[1,2,3]', /isn't a Hallway backup/);
	});

	it('refuses a newer version with "update first", and an unknown one', async () => {
		const file = await sample();
		file.version = 99;
		await refused(JSON.stringify(file), /newer Hallway .*update Hallway first/);
		file.version = '1';
		await refused(JSON.stringify(file), /version isn't one Hallway knows/);
		file.version = 0;
		await refused(JSON.stringify(file), /version isn't one Hallway knows/);
	});

	it('refuses missing fields and wrong types, naming where', async () => {
		const file = await sample();
		const ana = file.tables.contacts![0]!;
		ana.emails = 5;
		delete ana.name;
		await refused(JSON.stringify(file), /2 problems/, 'contacts[0].emails: expected an array');
		const again = await sample();
		delete again.tables.contacts![1]!.name;
		await refused(JSON.stringify(again), /one problem/, 'contacts[1].name: missing');
		const noTables = await sample();
		delete (noTables as { tables?: unknown }).tables;
		await refused(JSON.stringify(noTables), /one problem/, 'tables: missing');
	});

	it('refuses a bad enum, bad dates and a bad setting value', async () => {
		const file = await sample();
		file.tables.contacts![0]!.rating = 'lukewarm';
		file.tables.contacts![1]!.metAt = 'yesterday';
		file.tables.settings!.push({ key: 'quickSave', value: 'yes' });
		file.tables.events![0]!.endDate = '2026-06-01';
		await refused(JSON.stringify(file), /4 problems/);
		const parsed = parseBackup(JSON.stringify(file));
		expect(parsed.ok ? [] : parsed.issues).toEqual([
			'events[0].endDate: expected a last day on or after the first day',
			'contacts[0].rating: expected one of hot, warm, cold',
			'contacts[1].metAt: expected a date and time like 2026-06-02T09:00:00.000Z',
			'settings[1].value: expected true or false'
		]);
	});

	it('refuses duplicate ids in a table', async () => {
		const file = await sample();
		file.tables.contacts![1]!.id = file.tables.contacts![0]!.id;
		await refused(JSON.stringify(file), /one problem/);
		const parsed = parseBackup(JSON.stringify(file));
		expect(parsed.ok ? [] : parsed.issues[0]).toMatch(/^contacts\[1\]\.id: ".+" appears twice$/);
	});

	it('names only the first few problems', async () => {
		const file = await sample();
		for (const contact of file.tables.contacts!) {
			contact.emails = 'x';
			contact.phones = 'y';
			contact.tags = 'z';
		}
		const parsed = parseBackup(JSON.stringify(file));
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.message).toMatch(/6 problems/);
		expect(parsed.issues).toHaveLength(6);
		expect(parsed.issues.at(-1)).toBe('…and 1 more');
	});

	it('refuses a file over 50 MB from its size, without reading it', async () => {
		const text = vi.fn(() => Promise.resolve('{}'));
		const before = await snapshot();
		const parsed = await readBackupFile({ size: MAX_BACKUP_BYTES + 1, text });
		expect(parsed.ok).toBe(false);
		expect(parsed.ok ? '' : parsed.message).toMatch(/over 50 MB/);
		expect(text).not.toHaveBeenCalled();
		expect(await snapshot()).toEqual(before);
	});

	it('skips settings this version does not know, and never restores bookkeeping', async () => {
		const file = await sample();
		file.tables.settings!.push({ key: 'fromTheFuture', value: 1 });
		file.tables.settings!.push({ key: 'lastBackupAt', value: '2020-01-01T00:00:00.000Z' });
		const parsed = parseBackup(JSON.stringify(file));
		expect(parsed.ok && parsed.skippedSettings).toEqual(['fromTheFuture']);
		expect(parsed.ok && parsed.backup.tables.settings.map((s) => s.key)).toEqual(['activeEventId']);
	});
});

describe('restore', () => {
	it('previews added and updated rows, changed settings and dangling references', async () => {
		const event = await createEvent({
			name: 'Preview Conf',
			startDate: '2026-06-02',
			endDate: '2026-06-02',
			timeZone: 'UTC'
		});
		const ana = await saveContact(
			draft({ name: 'Ana Lima', emails: ['ana@x.example'], eventId: event.id })
		);
		await saveContact(draft({ name: 'Bo Chen', emails: ['bo@x.example'], eventId: event.id }));
		await db.settings.put({ key: 'myName', value: 'Rosa' });
		const backup = valid(await backupText());
		// On the device since: Ana edited, Bo gone, a new person, another name.
		await db.contacts.update(ana.id, { note: 'changed' });
		const bo = backup.tables.contacts.find((c) => c.name === 'Bo Chen')!;
		await db.contacts.delete(bo.id);
		await saveContact(draft({ name: 'Cy Dee', emails: ['cy@x.example'] }));
		await db.settings.put({ key: 'myName', value: 'Rosa D.' });
		// And the file mentions an event that exists nowhere.
		backup.tables.contacts.push({ ...bo, id: 'ghost', eventId: 'no-such-event' });

		const plan = await planRestore(backup);
		expect(plan.tables.contacts).toEqual({ added: 2, updated: 1 });
		expect(plan.tables.events).toEqual({ added: 0, updated: 1 });
		expect(plan.tables.settings).toEqual({ added: 0, updated: 2 });
		expect(plan.tables.sessions).toEqual({ added: 0, updated: 0 });
		expect(plan.settingsChanged).toEqual(['myName']);
		expect(plan.warnings).toEqual([
			'One person belongs to an event that is neither in the file nor on this device.'
		]);
		expect(await db.contacts.count()).toBe(2);

		await restoreBackup(backup);
		expect((await db.contacts.toArray()).map((c) => c.name).sort()).toEqual([
			'Ana Lima',
			'Bo Chen',
			'Bo Chen',
			'Cy Dee'
		]);
		expect((await db.contacts.get(ana.id))?.note).toBe('');
		expect((await db.settings.get('myName'))?.value).toBe('Rosa');
	});

	it('rebuilds search keys instead of trusting the file', async () => {
		await saveContact(draft({ name: 'José Núñez', phones: ['+49 30 1234567'] }));
		const file = JSON.parse(await backupText()) as {
			tables: { contacts: Record<string, unknown>[] };
		};
		file.tables.contacts[0]!.words = ['planted'];
		file.tables.contacts[0]!.phoneKeys = ['000'];
		await deleteEverything();
		await restoreBackup(valid(JSON.stringify(file)));
		const [row] = await db.contacts.toArray();
		expect(row?.words).toEqual(['jose', 'nunez']);
		expect(row?.phoneKeys).toContain('+49301234567');
		expect(await db.contacts.where('words').equals('planted').count()).toBe(0);
	});

	it('is all or nothing: a failure part-way writes nothing', async () => {
		await createEvent({
			name: 'Atomic Conf',
			startDate: '2026-06-02',
			endDate: '2026-06-02',
			timeZone: 'UTC'
		});
		await saveContact(draft({ name: 'Ana Lima', emails: ['ana@x.example'] }));
		const backup = valid(await backupText());
		await deleteEverything();
		// Storage fails on the fifth table, after events, sessions, contacts and scans were put.
		const table = db.table.bind(db) as (name: string) => ReturnType<typeof db.table>;
		const spy = vi
			.spyOn(db, 'table')
			.mockImplementation((name: string): ReturnType<typeof db.table> => {
				const real = table(name);
				if (name !== 'followups') return real;
				return Object.assign(Object.create(real) as typeof real, {
					bulkPut: () => Promise.reject(new Error('disk full'))
				});
			});
		await expect(restoreBackup(backup)).rejects.toThrow('disk full');
		spy.mockRestore();
		expect(await db.events.count()).toBe(0);
		expect(await db.contacts.count()).toBe(0);
		expect(await db.settings.count()).toBe(0);
		expect((await backupStatus()).changes).toBe(0);
	});

	it('keeps contacts a restore does not touch', async () => {
		const backup = valid(await backupText());
		const kept: ContactRow = await saveContact(draft({ name: 'Kept', emails: ['k@x.example'] }));
		await restoreBackup(backup);
		expect(await db.contacts.get(kept.id)).toEqual(kept);
	});
});
