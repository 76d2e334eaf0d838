/**
 * Read models for the People screens: contacts with the names of the event and session where the
 * user met them. Used inside live queries, so they re-run when any of those tables change.
 */
import { db, type ContactRow, type EventRow, type SessionRow } from '$lib/db';
import { sessionsOf } from '$lib/schedule/sessions.repo';
import { searchContacts, type ContactFilter } from './contacts.repo';
import { PeopleIndex } from './people-index';
import { formatWhen } from '$lib/ui/when';

export interface PersonListItem {
	contact: ContactRow;
	event?: Pick<EventRow, 'id' | 'name' | 'timeZone'>;
	session?: SessionRow;
}

async function withPlaces(contacts: ContactRow[]): Promise<PersonListItem[]> {
	const eventIds = [...new Set(contacts.flatMap((c) => (c.eventId ? [c.eventId] : [])))];
	const sessionIds = [...new Set(contacts.flatMap((c) => (c.sessionId ? [c.sessionId] : [])))];
	const [events, sessions] = await Promise.all([
		db.events.bulkGet(eventIds),
		db.sessions.bulkGet(sessionIds)
	]);
	const eventById = new Map(events.flatMap((e) => (e ? [[e.id, e] as const] : [])));
	const sessionById = new Map(sessions.flatMap((s) => (s ? [[s.id, s] as const] : [])));
	return contacts.map((contact) => ({
		contact,
		event: contact.eventId ? eventById.get(contact.eventId) : undefined,
		session: contact.sessionId ? sessionById.get(contact.sessionId) : undefined
	}));
}

/** People matching a filter (see searchContacts), each with where they were met. */
export async function listPeople(filter: ContactFilter): Promise<PersonListItem[]> {
	return withPlaces(await searchContacts(filter));
}

/**
 * Everyone, with where they were met, as an in-memory search index (People's search box): one
 * read of the contacts table and the events and sessions they point at. Used inside a live query,
 * so the index is rebuilt when any of those tables change.
 */
export async function loadPeopleIndex(): Promise<PeopleIndex> {
	return new PeopleIndex(await withPlaces(await db.contacts.toArray()));
}

/** One person with where they were met and the scans they came from; undefined when gone. */
export async function getPerson(id: string) {
	const contact = await db.contacts.get(id);
	if (!contact) return undefined;
	const [item] = await withPlaces([contact]);
	const scans = await db.scans.where('contactId').equals(id).toArray();
	const sessions = contact.eventId ? await sessionsOf(contact.eventId) : [];
	return { ...(item as PersonListItem), scans, sessions };
}

/** "Tue 2 Jun, 10:40" in the event's zone (or the device's), for "where and when met". */
export const formatMetAt = formatWhen;
