/**
 * Deleting data for good: one event's data, or everything. Each is one read-write transaction, so
 * it happens entirely or not at all. There is no Undo here — the screens ask for a typed
 * confirmation and suggest a backup first. IndexedDB only: works offline.
 */
import { db, type EventRow } from '$lib/db';

/** How many rows of each kind a deletion removed. */
export interface DeletedCounts {
	events: number;
	sessions: number;
	contacts: number;
	scans: number;
	followups: number;
	prompts: number;
}

/**
 * Deletes an event and everything that belongs to it: its sessions, the people met there, their
 * scans (and scans logged at the event but never saved as a person), their follow-ups, and the
 * saved conversation starters of its sessions. When it was the active event, the most recent
 * remaining event becomes active (or none). Returns what was removed, or undefined when the event
 * is not on this device (nothing changes).
 */
export async function deleteEventData(
	eventId: string
): Promise<{ event: EventRow; deleted: DeletedCounts } | undefined> {
	const tables = [db.events, db.sessions, db.contacts, db.scans, db.followups, db.prompts];
	return db.transaction('rw', [...tables, db.settings], async () => {
		const event = await db.events.get(eventId);
		if (!event) return undefined;
		const sessionIds = await db.sessions.where('eventId').equals(eventId).primaryKeys();
		const contactIds = await db.contacts.where('eventId').equals(eventId).primaryKeys();
		const scanIds = new Set([
			...(await db.scans.where('eventId').equals(eventId).primaryKeys()),
			...(await db.scans.where('contactId').anyOf(contactIds).primaryKeys())
		]);
		const followupIds = await db.followups.where('contactId').anyOf(contactIds).primaryKeys();
		const promptIds = await db.prompts.where('sessionId').anyOf(sessionIds).primaryKeys();

		await db.prompts.bulkDelete(promptIds);
		await db.followups.bulkDelete(followupIds);
		await db.scans.bulkDelete([...scanIds]);
		await db.contacts.bulkDelete(contactIds);
		await db.sessions.bulkDelete(sessionIds);
		await db.events.delete(eventId);

		const active = await db.settings.get('activeEventId');
		if (active?.value === eventId) {
			const rest = await db.events.toArray();
			rest.sort(
				(a, b) => b.startDate.localeCompare(a.startDate) || b.createdAt.localeCompare(a.createdAt)
			);
			const next = rest[0];
			if (next) await db.settings.put({ key: 'activeEventId', value: next.id });
			else await db.settings.delete('activeEventId');
		}
		return {
			event,
			deleted: {
				events: 1,
				sessions: sessionIds.length,
				contacts: contactIds.length,
				scans: scanIds.size,
				followups: followupIds.length,
				prompts: promptIds.length
			}
		};
	});
}

/**
 * Deletes everything Hallway keeps on this device — every table and every setting, and the count
 * of changes since the last backup — in one transaction. Afterwards the app is as on first run.
 */
export async function deleteEverything(): Promise<void> {
	const tables = [
		db.events,
		db.sessions,
		db.contacts,
		db.scans,
		db.followups,
		db.prompts,
		db.settings
	];
	await db.transaction('rw', [...tables, db.changes], async () => {
		for (const table of tables) await table.clear();
		// Last: the clears above were counted as changes, and there is nothing left to back up.
		await db.changes.clear();
	});
}
