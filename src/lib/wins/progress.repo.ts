/**
 * Reads what the progress card on Today is worked out from, and remembers which reached goals
 * have been celebrated. IndexedDB only, so it works offline; the sums are in progress.ts.
 */
import { db, type ContactRow, type FollowUpRow, type Id, type SessionRow } from '$lib/db';
import { getSetting, setSetting } from '$lib/settings/settings.repo';

/** An event's contacts, their follow-ups, the sessions they were met in, and what was celebrated. */
export interface ProgressRows {
	contacts: ContactRow[];
	followups: FollowUpRow[];
	sessions: SessionRow[];
	/** Keys of celebrations already shown (see celebrationKey in progress.ts). */
	celebrated: string[];
}

/**
 * Everything the progress card needs for one event, in one read transaction. An event with no
 * contacts gives empty lists. Rejects when storage cannot be read (the card shows it).
 */
export async function readProgress(eventId: Id): Promise<ProgressRows> {
	return db.transaction('r', [db.contacts, db.followups, db.sessions, db.settings], async () => {
		const contacts = await db.contacts.where('eventId').equals(eventId).toArray();
		const ids = contacts.map((contact) => contact.id);
		const sessionIds = [
			...new Set(contacts.flatMap((contact) => (contact.sessionId ? [contact.sessionId] : [])))
		];
		const [followups, sessions, celebrated] = await Promise.all([
			ids.length ? db.followups.where('contactId').anyOf(ids).toArray() : [],
			db.sessions.bulkGet(sessionIds),
			getSetting('celebratedGoals')
		]);
		return {
			contacts,
			followups,
			sessions: sessions.filter((session): session is SessionRow => session !== undefined),
			celebrated: Array.isArray(celebrated) ? celebrated : []
		};
	});
}

/**
 * Remembers celebrations as shown, so they never appear again (added to the `celebratedGoals`
 * setting; keys already there are kept once). Rejects when the write fails.
 */
export async function rememberCelebrated(keys: readonly string[]): Promise<void> {
	if (!keys.length) return;
	await db.transaction('rw', [db.settings], async () => {
		const seen = (await getSetting('celebratedGoals')) ?? [];
		await setSetting('celebratedGoals', [...new Set([...seen, ...keys])]);
	});
}
