/**
 * The app's one database. Importing this module never touches IndexedDB by itself: Dexie opens
 * lazily on the first query, which only ever runs in the browser (and in tests on fake-indexeddb).
 */
import { AppDB } from './app-db';
import { requestPersistenceOnce } from './storage';
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

let lastStamp = 0;

/**
 * The current instant as the ISO string stored in rows. Stamps taken within the same millisecond
 * are nudged apart by a millisecond each, so rows written in a burst keep the order they were
 * written in; a clock set back by more than a moment is followed as it is.
 */
export function nowIso(): string {
	const now = Date.now();
	lastStamp = now <= lastStamp && lastStamp - now < 50 ? lastStamp + 1 : now;
	return new Date(lastStamp).toISOString();
}
