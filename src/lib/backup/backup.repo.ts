/**
 * Backup and restore against the database: reading everything for a backup in one read
 * transaction, recording that a backup was made, previewing a restore, and restoring in one
 * read-write transaction (all or nothing). IndexedDB only: all of it works offline.
 */
import { db, type ChangeRow, type SettingRow } from '$lib/db';
import { withKeys } from '$lib/contacts/contacts.repo';
import { BOOKKEEPING_SETTINGS, changeKey, leaveUncounted } from './changes';
export { backupStatus } from './status';
import { BACKUP_TABLES, type BackupFile, type BackupTable, type DatabaseRows } from './backup';

/** Rows read per request while backing up, so progress can be reported as it goes. */
const CHUNK = 500;

const dataTables = () => BACKUP_TABLES.map((name) => db.table(name));

/** Progress of a backup read: rows read so far of the total. */
export type ReadProgress = (done: number, total: number) => void;

/**
 * Reads every table for a backup, in one read transaction so the file is one consistent moment.
 * Rows are read in chunks of 500 by primary key and `onProgress` is told after each chunk. Also
 * returns the changes the backup covers, for markBackedUp(). Rejects when storage fails.
 */
export async function readForBackup(
	onProgress: ReadProgress = () => {}
): Promise<{ rows: DatabaseRows; covered: ChangeRow[] }> {
	return db.transaction('r', [...dataTables(), db.changes], async () => {
		const counts = await Promise.all(dataTables().map((t) => t.count()));
		const total = counts.reduce((a, b) => a + b, 0);
		let done = 0;
		onProgress(done, total);
		const out: Record<string, unknown[]> = {};
		for (const name of BACKUP_TABLES) {
			const table = db.table(name);
			// Every table's primary key is one property: `id`, or `key` for settings.
			const keyPath = String(table.schema.primKey.keyPath);
			const rows: unknown[] = [];
			let last: unknown = undefined;
			for (;;) {
				const query = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
				const chunk: unknown[] = await query.limit(CHUNK).toArray();
				rows.push(...chunk);
				done += chunk.length;
				onProgress(done, total);
				if (chunk.length < CHUNK) break;
				last = (chunk[chunk.length - 1] as Record<string, unknown>)[keyPath];
			}
			out[name] = rows;
		}
		const covered = await db.changes.toArray();
		return { rows: out as unknown as DatabaseRows, covered };
	});
}

/**
 * Records that a backup was handed to the browser at `at`: sets the backup time and clears the
 * changes the backup covered. A row changed again since it was read keeps its newer change.
 */
export async function markBackedUp(covered: ChangeRow[], at: string): Promise<void> {
	await db.transaction('rw', [db.settings, db.changes], async () => {
		const now = await db.changes.bulkGet(covered.map((c) => c.key));
		const stale = covered.filter((c, i) => now[i]?.at === c.at).map((c) => c.key);
		await db.changes.bulkDelete(stale);
		await db.settings.put({ key: 'lastBackupAt', value: at });
	});
}

/** What a restore would do, for the preview. */
export interface RestorePlan {
	/** Per table: rows new to this device, and rows already here (by id) that will be replaced. */
	tables: Record<BackupTable, { added: number; updated: number }>;
	/** Settings whose value will change (keys). */
	settingsChanged: string[];
	/** References the file makes to rows that are neither in it nor on this device. */
	warnings: string[];
	/** When the backup was made. */
	exportedAt: string;
}

function keyOf(table: BackupTable, row: unknown): string {
	const r = row as { id?: string; key?: string };
	return (table === 'settings' ? r.key : r.id) ?? '';
}

/**
 * Previews a restore of a checked backup against what is on the device: per table how many rows
 * are added and how many updated (merged by id), which settings change, and references to events,
 * sessions or people found neither in the file nor on the device. Reads only.
 */
export async function planRestore(backup: BackupFile): Promise<RestorePlan> {
	return db.transaction('r', dataTables(), async () => {
		const tables = {} as RestorePlan['tables'];
		const present: Record<string, Set<string>> = {};
		for (const name of BACKUP_TABLES) {
			const rows = backup.tables[name] as unknown[];
			const keys = rows.map((row) => keyOf(name, row));
			const existing = await db.table(name).bulkGet(keys);
			const updated = existing.filter((row) => row !== undefined).length;
			tables[name] = { added: keys.length - updated, updated };
			present[name] = new Set(keys);
		}
		const settingsChanged: string[] = [];
		const current = await db.settings.bulkGet(backup.tables.settings.map((s) => s.key));
		backup.tables.settings.forEach((setting, i) => {
			if (JSON.stringify(current[i]?.value) !== JSON.stringify(setting.value))
				settingsChanged.push(setting.key);
		});

		const missing = async (table: 'events' | 'sessions' | 'contacts', ids: string[]) => {
			const wanted = [...new Set(ids)].filter((id) => !present[table]?.has(id));
			const found = await db.table(table).bulkGet(wanted);
			return new Set(wanted.filter((_id, i) => found[i] === undefined));
		};
		const warnings: string[] = [];
		const check = async (
			rows: { ref?: string }[],
			table: 'events' | 'sessions' | 'contacts',
			say: (n: number) => string
		) => {
			const gone = await missing(
				table,
				rows.flatMap((r) => (r.ref ? [r.ref] : []))
			);
			const n = rows.filter((r) => r.ref && gone.has(r.ref)).length;
			if (n) warnings.push(say(n));
		};
		const t = backup.tables;
		const plural = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);
		await check(
			t.contacts.map((c) => ({ ref: c.eventId })),
			'events',
			(n) =>
				`${plural(n, 'One person belongs', 'people belong')} to an event that is neither in the file nor on this device.`
		);
		await check(
			t.sessions.map((s) => ({ ref: s.eventId })),
			'events',
			(n) =>
				`${plural(n, 'One session belongs', 'sessions belong')} to an event that is neither in the file nor on this device.`
		);
		await check(
			t.contacts.map((c) => ({ ref: c.sessionId })),
			'sessions',
			(n) =>
				`${plural(n, 'One person was met', 'people were met')} in a session that is neither in the file nor on this device.`
		);
		await check(
			t.followups.map((f) => ({ ref: f.contactId })),
			'contacts',
			(n) =>
				`${plural(n, 'One follow-up is', 'follow-ups are')} for someone who is neither in the file nor on this device.`
		);
		await check(
			t.scans.map((s) => ({ ref: s.contactId })),
			'contacts',
			(n) =>
				`${plural(n, 'One scan points', 'scans point')} to someone who is neither in the file nor on this device.`
		);
		return { tables, settingsChanged, warnings, exportedAt: backup.exportedAt };
	});
}

/**
 * Restores a checked backup: every row is put by id (added, or replacing the row with the same id;
 * rows on the device that the file doesn't hold stay), settings included, in one read-write
 * transaction, so a failure changes nothing. Contacts' search and phone keys are rebuilt by the
 * contacts repo, never taken from the file. The restored rows become the backup baseline: their
 * changes are cleared and the backup time is the file's, unless a later backup was made here.
 */
export async function restoreBackup(backup: BackupFile): Promise<number> {
	return db.transaction('rw', [...dataTables(), db.changes], async (tx) => {
		// The restored rows' changes are cleared below: don't count them on the way in.
		leaveUncounted(tx.idbtrans);
		let written = 0;
		const restoredKeys: string[] = [];
		for (const name of BACKUP_TABLES) {
			let rows = backup.tables[name] as unknown[];
			if (name === 'contacts')
				rows = backup.tables.contacts.map((c) => withKeys({ ...c, words: [], phoneKeys: [] }));
			if (name === 'settings')
				rows = (rows as SettingRow[]).filter((s) => !BOOKKEEPING_SETTINGS.includes(s.key));
			await db.table(name).bulkPut(rows);
			written += rows.length;
			for (const row of rows) restoredKeys.push(changeKey(name, keyOf(name, row)));
		}
		await db.changes.bulkDelete(restoredKeys);
		const last = await db.settings.get('lastBackupAt');
		const previous = typeof last?.value === 'string' ? last.value : '';
		// In UTC like every stamp, and never in the future (a file's clock may be wrong).
		const madeAt = new Date(Math.min(Date.parse(backup.exportedAt), Date.now())).toISOString();
		if (madeAt > previous) await db.settings.put({ key: 'lastBackupAt', value: madeAt });
		return written;
	});
}
