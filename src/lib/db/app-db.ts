/**
 * The one Dexie schema. Every change is a new `version(n)` with an upgrade function and a test
 * that opens the previous version's data (see app-db.spec.ts).
 */
import Dexie, { type EntityTable } from 'dexie';
import type {
	ChangeRow,
	ContactRow,
	EventRow,
	FollowUpRow,
	PromptRow,
	ScanRow,
	SessionRow,
	SettingRow
} from './types';

export const DB_NAME = 'hallway';

export class AppDB extends Dexie {
	events!: EntityTable<EventRow, 'id'>;
	sessions!: EntityTable<SessionRow, 'id'>;
	contacts!: EntityTable<ContactRow, 'id'>;
	scans!: EntityTable<ScanRow, 'id'>;
	followups!: EntityTable<FollowUpRow, 'id'>;
	prompts!: EntityTable<PromptRow, 'id'>;
	settings!: EntityTable<SettingRow, 'key'>;
	changes!: EntityTable<ChangeRow, 'key'>;

	constructor(name = DB_NAME) {
		super(name);
		this.version(1).stores({
			events: 'id, startDate, updatedAt',
			sessions: 'id, eventId, [eventId+start], [eventId+externalId], start',
			contacts:
				'id, eventId, sessionId, createdAt, updatedAt, metAt, rating, *tags, *emails, *phoneKeys, linkedin, *words',
			scans: 'id, scannedAt, contactId, eventId, format',
			followups: 'id, contactId, status, dueAt, [status+dueAt]',
			prompts: 'id, kind, sessionId, createdAt',
			settings: 'key'
		});
		// v2: the rows changed since the last backup. A new, empty table: nothing to upgrade.
		this.version(2).stores({ changes: 'key' });
	}
}

/** Every table of the user's data, for transactions and wipes that touch them all. */
export function allTables(db: AppDB) {
	return [db.events, db.sessions, db.contacts, db.scans, db.followups, db.prompts, db.settings];
}
