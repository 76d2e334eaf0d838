/**
 * Reading and seeding Hallway's IndexedDB from a test, through the browser's own IndexedDB API.
 * The database is opened without a version number, so the app's schema version is never bumped.
 */
import type { Page } from '@playwright/test';
import type { ContactRow, ScanRow, SessionRow } from '../../../src/lib/db/types';

type Table = 'contacts' | 'scans' | 'sessions' | 'settings' | 'events' | 'followups';

/** Every row of a table. */
export function readAll<T>(page: Page, table: Table): Promise<T[]> {
	return page.evaluate(
		(name) =>
			new Promise<T[]>((resolve, reject) => {
				const open = indexedDB.open('hallway');
				open.onerror = () => reject(open.error ?? new Error('open failed'));
				open.onsuccess = () => {
					const db = open.result;
					const request = db.transaction(name, 'readonly').objectStore(name).getAll();
					request.onerror = () => reject(request.error ?? new Error('read failed'));
					request.onsuccess = () => {
						db.close();
						resolve(request.result as T[]);
					};
				};
			}),
		table
	);
}

/** Writes rows as they are (put: replaces rows with the same key). */
export function putAll(page: Page, table: Table, rows: unknown[]): Promise<void> {
	return page.evaluate(
		({ name, items }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('hallway');
				open.onerror = () => reject(open.error ?? new Error('open failed'));
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(name, 'readwrite');
					for (const item of items) tx.objectStore(name).put(item);
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error ?? new Error('write failed'));
				};
			}),
		{ name: table, items: rows }
	);
}

export const contacts = (page: Page) => readAll<ContactRow>(page, 'contacts');
export const scans = (page: Page) => readAll<ScanRow>(page, 'scans');

/** The active event's id (set by creating an event through the UI). */
export async function activeEventId(page: Page): Promise<string> {
	const settings = await readAll<{ key: string; value: unknown }>(page, 'settings');
	const id = settings.find((s) => s.key === 'activeEventId')?.value;
	if (typeof id !== 'string') throw new Error('No active event: create one first.');
	return id;
}

/** Seeds an agenda for an event: [id, title, start, end] with ISO UTC times. */
export async function seedSessions(
	page: Page,
	eventId: string,
	sessions: [id: string, title: string, start: string, end: string][]
): Promise<void> {
	const rows: SessionRow[] = sessions.map(([id, title, start, end]) => ({
		id,
		eventId,
		title,
		start,
		end,
		speakers: [],
		createdAt: start,
		updatedAt: start
	}));
	await putAll(page, 'sessions', rows);
}
