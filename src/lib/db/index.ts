/**
 * The app's one database. Importing this module never touches IndexedDB by itself: Dexie opens
 * lazily on the first query, which only ever runs in the browser (and in tests on fake-indexeddb).
 */
import { AppDB } from './app-db';
import { requestPersistenceOnce } from './persist';
import { changeCounter } from '$lib/backup/changes';

export const db = new AppDB();

// Ask the browser to keep our data (navigator.storage.persist) the first time anything is written:
// asking on first load, before the user has done anything, is refused more often.
db.use({
	stack: 'dbcore',
	name: 'persist-on-first-write',
	create(down) {
		return {
			...down,
			table(name) {
				const table = down.table(name);
				return {
					...table,
					mutate(req) {
						requestPersistenceOnce();
						return table.mutate(req);
					}
				};
			}
		};
	}
});

// Every write also records which row changed, for "N changes since your last backup".
db.use(changeCounter(() => nowIso()));

export * from './types';
export { AppDB } from './app-db';

/** A new random id for any row. */
export function newId(): string {
	return crypto.randomUUID();
}

/** The current instant as the ISO string stored in rows. */
export function nowIso(): string {
	return new Date().toISOString();
}
