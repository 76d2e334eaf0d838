/**
 * The due-notification bookkeeping in IndexedDB: which due follow-ups the last notification was
 * about (settings key `followUpNotified`), read and updated in one transaction so two checks at
 * once (app opened and tab made visible) cannot both decide to notify.
 */
import { db, type ContactRow } from '$lib/db';
import { getSetting, setSetting } from '$lib/settings/settings.repo';
import { notifyDecision, type NotifyDecision } from './notify';
import { followUpSections, OPEN_STATUSES } from './plan';

/**
 * Decides whether the follow-ups due at `now` deserve a notification, and records the due set as
 * notified when it does (or prunes it when it does not). Call only when the user opted in and
 * the browser allows notifications; show the notification when `show` is true.
 * Rejects when storage fails.
 */
export async function claimDueNotification(now: string): Promise<NotifyDecision> {
	return db.transaction('rw', [db.followups, db.contacts, db.settings], async () => {
		const open = await db.followups
			.where('status')
			.anyOf([...OPEN_STATUSES])
			.toArray();
		const due = followUpSections(open, now).due;
		const contacts = (await db.contacts.bulkGet(due.map((entry) => entry.contactId))).filter(
			(contact): contact is ContactRow => contact !== undefined
		);
		// Rows of deleted contacts are not shown anywhere, so they are not announced either.
		const present = new Set(contacts.map((contact) => contact.id));
		const before = await getSetting('followUpNotified');
		const decision = notifyDecision(
			due.filter((entry) => present.has(entry.contactId)).map((entry) => entry.row),
			before,
			contacts.map((contact) => contact.name)
		);
		// Rewriting an unchanged set would wake every live query on settings for nothing.
		if (JSON.stringify(before) !== JSON.stringify(decision.remember)) {
			await setSetting('followUpNotified', decision.remember);
		}
		return decision;
	});
}
