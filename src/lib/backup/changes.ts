/**
 * Counting "changes since your last backup".
 *
 * How we count, and why: a DBCore middleware sees every write that reaches IndexedDB (adds, puts,
 * updates, deletes, clears), from every repo, without each repo having to remember. For each row
 * written or deleted it records `<table>/<key>` in the `changes` table, **in the same transaction**
 * (the middleware adds `changes` to every read-write transaction's scope), so a write that is
 * rolled back is never counted and a counted write is never lost. The count is the number of
 * distinct rows touched: typing a name that is saved as you type is one change, not one per
 * keystroke, and a deleted row counts even though nothing of it is left to timestamp. Counting
 * rows by `updatedAt` after the backup time would miss deletions and the tables without stamps
 * (scans, prompts, settings).
 *
 * A backup clears exactly the changes it saw (a row changed again while the file was being
 * written stays counted); a restore clears the changes of the rows it restored; deleting
 * everything clears them all. Bookkeeping keys (the backup time) are not the user's data and are
 * never counted.
 */
import type {
	DBCore,
	DBCoreMutateRequest,
	DBCoreTable,
	DBCoreTransaction,
	Middleware
} from 'dexie';
import type { ChangeRow } from '$lib/db/types';

/** The table the middleware writes to. */
export const CHANGES_TABLE = 'changes';

/** Settings that are bookkeeping, not the user's data: never counted, never backed up. */
export const BOOKKEEPING_SETTINGS: readonly string[] = ['lastBackupAt'];

/**
 * Transactions whose writes are not counted: a restore, which clears the changes of every row it
 * writes anyway, so counting them first would only double its writes. Keyed by the native
 * IDBTransaction (what Dexie's DBCore passes as `trans`); a transaction not found here is counted.
 */
const uncounted = new WeakSet<object>();

/** Leaves the writes of this transaction (Dexie.currentTransaction.idbtrans) uncounted. */
export function leaveUncounted(idbTransaction: IDBTransaction): void {
	uncounted.add(idbTransaction);
}

/** The key a changed row is recorded under. */
export function changeKey(table: string, key: unknown): string {
	return `${table}/${String(key)}`;
}

/** The keys a mutation touches, before it runs (deletes) or from its request (adds, puts). */
async function touchedKeys(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
	switch (req.type) {
		case 'add':
		case 'put': {
			const extract = table.schema.primaryKey.extractKey;
			// Inbound keys (every Hallway table) are read from the rows: modify() sends no keys.
			const keys: unknown[] = extract
				? req.values.map((value): unknown => extract(value))
				: (req.keys ?? []);
			return keys;
		}
		case 'delete': {
			// Deleting a row that isn't there changes nothing.
			const rows: unknown[] = await table.getMany({ trans: req.trans, keys: req.keys });
			const keys: unknown[] = req.keys;
			return keys.filter((_key, i) => rows[i] !== undefined);
		}
		case 'deleteRange': {
			const result = await table.query({
				trans: req.trans,
				values: false,
				query: { index: table.schema.primaryKey, range: req.range }
			});
			const keys: unknown[] = result.result;
			return keys;
		}
	}
}

function record(
	down: DBCore,
	trans: DBCoreTransaction,
	tableName: string,
	keys: unknown[],
	now: () => string
) {
	const counted =
		tableName === 'settings'
			? keys.filter((key) => !BOOKKEEPING_SETTINGS.includes(String(key)))
			: keys;
	if (counted.length === 0) return Promise.resolve();
	const at = now();
	const values: ChangeRow[] = counted.map((key) => ({
		key: changeKey(tableName, key),
		table: tableName,
		at
	}));
	return down.table(CHANGES_TABLE).mutate({ trans, type: 'put', values });
}

/**
 * The middleware. `now` stamps each change (nowIso in the app). Registered on the app's one
 * database in $lib/db/index.ts; works offline like every other write.
 */
export function changeCounter(now: () => string): Middleware<DBCore> {
	return {
		stack: 'dbcore',
		name: 'changes-since-backup',
		create(down) {
			const hasChanges = down.schema.tables.some((t) => t.name === CHANGES_TABLE);
			if (!hasChanges) return down;
			return {
				...down,
				transaction(stores, mode, options) {
					const scope =
						mode === 'readwrite' && !stores.includes(CHANGES_TABLE)
							? [...stores, CHANGES_TABLE]
							: stores;
					return down.transaction(scope, mode, options);
				},
				table(name) {
					const table = down.table(name);
					if (name === CHANGES_TABLE) return table;
					return {
						...table,
						async mutate(req) {
							if (uncounted.has(req.trans)) return table.mutate(req);
							const before =
								req.type === 'add' || req.type === 'put' ? [] : await touchedKeys(table, req);
							const response = await table.mutate(req);
							let keys = before;
							if (req.type === 'add' || req.type === 'put') {
								const all = await touchedKeys(table, req);
								keys = all.filter((_key, i) => !(i in response.failures));
							}
							await record(down, req.trans, name, keys, now);
							return response;
						}
					};
				}
			};
		}
	};
}
