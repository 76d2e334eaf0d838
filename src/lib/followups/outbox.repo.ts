/**
 * The follow-up outbox: drafting, queueing, sending, "replied", "not now" and waking, on top of the
 * pure cadence in plan.ts. Each use case is one read-write transaction over the tables it needs;
 * transitions come from plan.ts as a FollowUpWrite and are applied with bulkAdd/bulkUpdate.
 * IndexedDB only, so everything works offline.
 */
import {
	db,
	newId,
	type ContactRow,
	type EventRow,
	type FollowUpRow,
	type Id,
	type SessionRow
} from '$lib/db';
import { getSetting } from '$lib/settings/settings.repo';
import { defaultChannel } from './channels';
import {
	defaultDueAt,
	firstSentWithin,
	markSent,
	newFollowUp,
	onNotNow,
	onReplied,
	OPEN_STATUSES,
	queueFollowUp,
	wakeAll,
	type CadenceSettings,
	type Compose,
	type FollowUpPlanRow,
	type FollowUpWrite,
	type MessageKind
} from './plan';
import {
	DEFAULT_TEMPLATES,
	mergeFieldsFor,
	renderTemplate,
	templatesFor,
	type MessageTemplate
} from './templates';
import { templatesInUse } from './templates.repo';

const TABLES = () => [db.followups, db.contacts, db.events, db.sessions, db.settings];

/** What a message about one contact is written from. */
export interface ContactContext {
	contact: ContactRow;
	event?: EventRow;
	session?: SessionRow;
}

/** The rows a use case changed, as they were before, so Undo can put them back. */
export interface FollowUpSnapshot {
	previous: FollowUpPlanRow[];
	added: Id[];
}

async function contextOf(contactId: Id): Promise<ContactContext | undefined> {
	const contact = await db.contacts.get(contactId);
	if (!contact) return undefined;
	const [event, session] = await Promise.all([
		contact.eventId ? db.events.get(contact.eventId) : undefined,
		contact.sessionId ? db.sessions.get(contact.sessionId) : undefined
	]);
	return { contact, event, session };
}

/** What every message is written with: the user's card and their templates. */
interface Writer {
	me: { name?: string; intro?: string };
	templates: MessageTemplate[];
}

async function writer(): Promise<Writer> {
	const [name, intro, templates] = await Promise.all([
		getSetting('myName'),
		getSetting('myIntro'),
		templatesInUse()
	]);
	return { me: { name, intro }, templates };
}

async function cadence(): Promise<Partial<CadenceSettings> | undefined> {
	return getSetting('followUpCadence');
}

/**
 * Renders the user's template of `kind` (`templateId` when it exists, else the first of that
 * kind) for a contact; the built-in set stands in where the user's has none.
 */
function render(
	context: ContactContext | undefined,
	{ me, templates }: Writer,
	kind: MessageKind,
	sendAt: string,
	templateId?: string
) {
	const choices = templatesFor(kind, templates);
	const template =
		choices.find((t) => t.id === templateId) ??
		choices[0] ??
		templatesFor(kind)[0] ??
		DEFAULT_TEMPLATES[0]!;
	return renderTemplate(
		template,
		mergeFieldsFor({
			contact: context?.contact,
			event: context?.event,
			session: context?.session,
			me,
			sendAt
		})
	);
}

async function composerFor(contactIds: Id[], sendAt: string): Promise<Compose> {
	const me = await writer();
	const contexts = new Map<Id, ContactContext | undefined>();
	for (const id of new Set(contactIds)) contexts.set(id, await contextOf(id));
	return (request) => render(contexts.get(request.contactId), me, request.kind, sendAt);
}

async function apply(write: FollowUpWrite): Promise<FollowUpSnapshot> {
	const keys = write.update.map((u) => u.key);
	const previous = (await db.followups.bulkGet(keys)).filter(
		(row): row is FollowUpRow => row !== undefined
	);
	if (write.add.length) await db.followups.bulkAdd(write.add);
	if (write.update.length) await db.followups.bulkUpdate(write.update);
	return { previous, added: write.add.map((row) => row.id) };
}

async function rowsOf(contactId: Id): Promise<FollowUpPlanRow[]> {
	return db.followups.where('contactId').equals(contactId).toArray();
}

/**
 * Starts (or reopens) the first message to a contact: returns their open draft or queued row when
 * there is one, else saves a new draft rendered from the first "first message" template, on the
 * channel the contact can be reached by, due the next morning at 09:00 in the event's zone.
 * Undefined when the contact is gone.
 */
export async function startFollowUp(contactId: Id, now: string): Promise<FollowUpRow | undefined> {
	return db.transaction('rw', TABLES(), async () => {
		const context = await contextOf(contactId);
		if (!context) return undefined;
		const open = (await rowsOf(contactId)).find(
			(row) => row.status === 'draft' || row.status === 'queued'
		);
		if (open) return open;
		const dueAt = defaultDueAt({
			now,
			timeZone: context.event?.timeZone ?? '',
			choice: 'next-morning'
		});
		const message = render(context, await writer(), 'first', dueAt);
		const row = newFollowUp({
			id: newId(),
			contactId,
			channel: defaultChannel(context.contact),
			...message,
			dueAt,
			now
		});
		await db.followups.add(row);
		return row;
	});
}

/**
 * A first message rendered from a chosen template for a contact (the composer's template picker);
 * undefined when the contact is gone.
 */
export async function renderFirstMessage(
	contactId: Id,
	templateId: string,
	sendAt: string
): Promise<{ subject: string; body: string } | undefined> {
	return db.transaction('r', TABLES(), async () => {
		const context = await contextOf(contactId);
		return context ? render(context, await writer(), 'first', sendAt, templateId) : undefined;
	});
}

/** Saves edits to an open follow-up as they are typed (subject, body, channel, due time). */
export async function saveDraft(
	id: Id,
	changes: Partial<Pick<FollowUpRow, 'subject' | 'body' | 'channel' | 'dueAt'>>,
	now: string
): Promise<void> {
	await db.transaction('rw', [db.followups], async () => {
		const row = await db.followups.get(id);
		if (!row || !OPEN_STATUSES.includes(row.status)) return;
		await db.followups.update(id, { ...changes, updatedAt: now });
	});
}

/** "Queue": a draft becomes ready to send at `dueAt` (a queued row only moves its due time). */
export async function queueDraft(id: Id, dueAt: string, now: string): Promise<void> {
	await db.transaction('rw', [db.followups], async () => {
		const row = await db.followups.get(id);
		if (row) await apply(queueFollowUp(row, now, dueAt));
	});
}

/** Deletes a draft that was never queued ("Discard draft"); other rows are left alone. */
export async function discardDraft(id: Id): Promise<void> {
	await db.transaction('rw', [db.followups], async () => {
		const row = await db.followups.get(id);
		if (row?.status === 'draft') await db.followups.delete(id);
	});
}

/**
 * The user confirmed "Sent?": records the send and queues the next nudge (rendered from its own
 * template), all in one transaction. Returns what Undo needs.
 */
export async function confirmSent(id: Id, sentAt: string, now: string): Promise<FollowUpSnapshot> {
	return db.transaction('rw', TABLES(), async () => {
		const row = await db.followups.get(id);
		if (!row) return { previous: [], added: [] };
		const context = await contextOf(row.contactId);
		const write = markSent(row, {
			sentAt,
			now,
			timeZone: context?.event?.timeZone ?? '',
			settings: await cadence(),
			newId,
			compose: await composerFor([row.contactId], now)
		});
		return apply(write);
	});
}

/** "They replied": ends the contact's cadence. Returns what Undo needs. */
export async function markReplied(contactId: Id, now: string): Promise<FollowUpSnapshot> {
	return db.transaction('rw', [db.followups], async () =>
		apply(onReplied(await rowsOf(contactId), now))
	);
}

/** "Not now": snoozes the contact (90 days by default). Returns what Undo needs. */
export async function markNotNow(contactId: Id, now: string): Promise<FollowUpSnapshot> {
	return db.transaction('rw', TABLES(), async () => {
		const context = await contextOf(contactId);
		const write = onNotNow(await rowsOf(contactId), {
			now,
			timeZone: context?.event?.timeZone ?? '',
			settings: await cadence(),
			newId
		});
		return apply(write);
	});
}

/** Undo: puts changed rows back as they were and removes the rows a use case added. */
export async function restoreFollowUps(snapshot: FollowUpSnapshot): Promise<void> {
	await db.transaction('rw', [db.followups], async () => {
		if (snapshot.added.length) await db.followups.bulkDelete(snapshot.added);
		if (snapshot.previous.length) await db.followups.bulkPut(snapshot.previous);
	});
}

/**
 * Wakes every snoozed row whose time has come as a "checking back in" message. Run when the app
 * opens or becomes visible. Returns how many woke.
 */
export async function wakeDue(now: string): Promise<number> {
	return db.transaction('rw', TABLES(), async () => {
		const snoozed = await db.followups
			.where('[status+dueAt]')
			.between(['snoozed', ''], ['snoozed', now], true, true)
			.toArray();
		if (!snoozed.length) return 0;
		const write = wakeAll(snoozed, {
			now,
			compose: await composerFor(
				snoozed.map((row) => row.contactId),
				now
			)
		});
		await apply(write);
		return write.update.length;
	});
}

/**
 * Every follow-up row whose contact is still saved: what the Follow-ups screen works its sections
 * and counts out from. Rows of a contact deleted since are left out (hidden, not shown nameless;
 * Undo brings them back). Reads the rows and the contacts' keys only, not the contacts.
 */
export async function listFollowUpRows(): Promise<FollowUpPlanRow[]> {
	return db.transaction('r', [db.followups, db.contacts], async () => {
		const [rows, contactIds] = await Promise.all([
			db.followups.toArray(),
			db.contacts.toCollection().primaryKeys()
		]);
		const saved = new Set(contactIds);
		return rows.filter((row) => saved.has(row.contactId));
	});
}

/**
 * The contacts (each with their event) that a screen is showing follow-ups for, by id; contacts
 * no longer saved are missing from the map.
 */
export async function followUpPeople(contactIds: readonly Id[]): Promise<Map<Id, ContactContext>> {
	return db.transaction('r', [db.contacts, db.events], async () => {
		const contacts = (await db.contacts.bulkGet([...new Set(contactIds)])).filter(
			(c): c is ContactRow => c !== undefined
		);
		const eventIds = [...new Set(contacts.flatMap((c) => (c.eventId ? [c.eventId] : [])))];
		const events = new Map(
			(await db.events.bulkGet(eventIds)).flatMap((e) => (e ? [[e.id, e] as const] : []))
		);
		return new Map(
			contacts.map((contact) => [
				contact.id,
				{ contact, event: contact.eventId ? events.get(contact.eventId) : undefined }
			])
		);
	});
}

/** Rows that can fall due (draft, queued, snoozed): what the tab's due count is computed from. */
export function openFollowUps(): Promise<FollowUpPlanRow[]> {
	return db.followups
		.where('status')
		.anyOf([...OPEN_STATUSES])
		.toArray();
}

/** One contact's rows, for the person page's follow-up section. */
export function followUpsOf(contactId: Id): Promise<FollowUpPlanRow[]> {
	return rowsOf(contactId);
}

/**
 * The 72-hour goal: of an event's contacts, how many got their first message sent within
 * `withinHours` of meeting them.
 */
export async function firstFollowUpGoal(
	eventId: Id,
	withinHours: number
): Promise<{ people: number; followedUp: number }> {
	return db.transaction('r', [db.contacts, db.followups], async () => {
		const contacts = await db.contacts.where('eventId').equals(eventId).toArray();
		let followedUp = 0;
		for (const contact of contacts) {
			if (firstSentWithin(await rowsOf(contact.id), contact.metAt, withinHours)) followedUp++;
		}
		return { people: contacts.length, followedUp };
	});
}

/** A contact with their event and session, for the composer; undefined when the contact is gone. */
export function contactContext(contactId: Id): Promise<ContactContext | undefined> {
	return db.transaction('r', [db.contacts, db.events, db.sessions], () => contextOf(contactId));
}
