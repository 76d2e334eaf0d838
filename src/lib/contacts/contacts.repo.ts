/**
 * People: contacts saved from scans (or by hand), de-duplication against people already met,
 * merge, edit, delete with undo, and indexed search. The scan log itself is in
 * $lib/capture/scans.repo. Everything is IndexedDB only, so it all works offline. Each use case is
 * one transaction listing its tables.
 */
import { db, newId, nowIso, type ContactRow, type Rating } from '$lib/db';
import { canonicalLinkedIn, safeHttpUrl, type CardFields } from '$lib/capture/payload';
import { fold, phoneKeys, queryWords, searchWords } from './keys';

/** What the review sheet (or the manual form) hands over to be saved. */
export interface ContactDraft extends CardFields {
	tags?: string[];
	rating?: Rating;
	eventId?: string;
	sessionId?: string;
	/** When they met; defaults to now. */
	metAt?: string;
}

export class ContactValidationError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ContactValidationError';
	}
}

function clean(list: string[] | undefined, map: (s: string) => string | undefined = (s) => s) {
	const out: string[] = [];
	for (const item of list ?? []) {
		const value = map(item.trim());
		if (value && !out.includes(value)) out.push(value);
	}
	return out;
}

function cleanTags(tags: string[] | undefined): string[] {
	const out: string[] = [];
	for (const tag of tags ?? []) {
		const t = tag.trim().replace(/^#/, '');
		if (t && !out.some((o) => fold(o) === fold(t))) out.push(t);
	}
	return out;
}

/** Normalises a draft into a row: trimmed, http(s)-only links, derived search and phone keys. */
function toRow(draft: ContactDraft, base: { id: string; createdAt: string }): ContactRow {
	const emails = clean(draft.emails, (e) => e.toLowerCase() || undefined);
	const phones = clean(draft.phones);
	const urls = clean(draft.urls, (u) => safeHttpUrl(u));
	const linkedin = draft.linkedin ? canonicalLinkedIn(draft.linkedin) : undefined;
	const tags = cleanTags(draft.tags);
	const opt = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
	const name =
		opt(draft.name) ??
		([opt(draft.givenName), opt(draft.familyName)].filter(Boolean).join(' ') ||
			opt(draft.org) ||
			emails[0] ||
			phones[0] ||
			'');
	if (!name && !linkedin && urls.length === 0)
		throw new ContactValidationError('Add a name, an email, a phone number or a link.');
	const row: ContactRow = {
		id: base.id,
		name,
		emails,
		phones,
		urls,
		note: draft.note?.trim() ?? '',
		tags,
		metAt: draft.metAt ?? base.createdAt,
		createdAt: base.createdAt,
		updatedAt: nowIso(),
		words: [],
		phoneKeys: []
	};
	const optional = {
		givenName: opt(draft.givenName),
		familyName: opt(draft.familyName),
		org: opt(draft.org),
		title: opt(draft.title),
		address: opt(draft.address),
		linkedin,
		rating: draft.rating,
		eventId: draft.eventId,
		sessionId: draft.sessionId
	};
	for (const [key, value] of Object.entries(optional)) {
		if (value !== undefined) (row as unknown as Record<string, unknown>)[key] = value;
	}
	return withKeys(row);
}

/** The row with its derived search words and phone keys rebuilt (saves, merges, restores). */
export function withKeys(row: ContactRow): ContactRow {
	const keys = phoneKeys(row.phones);
	return {
		...row,
		words: searchWords(row),
		phoneKeys: [...new Set([...keys, ...keys.map((k) => k.replace(/^\+/, ''))])]
	};
}

/**
 * People already saved who share an email (case-insensitive), a phone number (by digits) or a
 * LinkedIn profile with the draft, newest first. Empty when there is no match.
 */
export async function findDuplicates(
	draft: Pick<ContactDraft, 'emails' | 'phones' | 'linkedin'>
): Promise<ContactRow[]> {
	const emails = clean(draft.emails, (e) => e.toLowerCase() || undefined);
	const keys = phoneKeys(draft.phones);
	const phoneMatch = [...new Set([...keys, ...keys.map((k) => k.replace(/^\+/, ''))])];
	const linkedin = draft.linkedin ? canonicalLinkedIn(draft.linkedin) : undefined;
	const ids = new Set<string>();
	if (emails.length)
		for (const id of await db.contacts.where('emails').anyOf(emails).primaryKeys()) ids.add(id);
	if (phoneMatch.length)
		for (const id of await db.contacts.where('phoneKeys').anyOf(phoneMatch).primaryKeys())
			ids.add(id);
	if (linkedin)
		for (const id of await db.contacts.where('linkedin').equals(linkedin).primaryKeys())
			ids.add(id);
	const rows = (await db.contacts.bulkGet([...ids])).filter((r): r is ContactRow => !!r);
	return rows.sort(newestFirst);
}

/**
 * Saves a new contact, and links the scan it came from (if any) in the same transaction. Throws
 * ContactValidationError when there is nothing to identify the person by (nothing written).
 */
export async function saveContact(
	draft: ContactDraft,
	options: { scanId?: string } = {}
): Promise<ContactRow> {
	const at = nowIso();
	const row = toRow(draft, { id: newId(), createdAt: at });
	await db.transaction('rw', [db.contacts, db.scans], async () => {
		await db.contacts.add(row);
		if (options.scanId) await db.scans.update(options.scanId, { contactId: row.id });
	});
	return row;
}

function union(a: string[], b: string[], key: (s: string) => string = (s) => s): string[] {
	const out = [...a];
	for (const item of b) if (!out.some((o) => key(o) === key(item))) out.push(item);
	return out;
}

/**
 * Merges a draft into a contact met before: every email, phone, link and tag from both is kept;
 * empty fields are filled from the draft, existing ones are never overwritten; a new note is added
 * below the old one. Links the scan, if any. Returns the merged row and the row as it was (for
 * Undo). Throws when the contact no longer exists.
 */
export async function mergeIntoContact(
	contactId: string,
	draft: ContactDraft,
	options: { scanId?: string } = {}
): Promise<{ contact: ContactRow; previous: ContactRow }> {
	return db.transaction('rw', [db.contacts, db.scans], async () => {
		const existing = await db.contacts.get(contactId);
		if (!existing) throw new Error('That person is no longer saved on this device.');
		const incoming = toRow(
			{ ...draft, name: draft.name || existing.name },
			{
				id: existing.id,
				createdAt: existing.createdAt
			}
		);
		const notes = [existing.note, incoming.note].filter((n) => n.length > 0);
		const merged: ContactRow = withKeys({
			...incoming,
			...stripUndefined(existing),
			name: existing.name || incoming.name,
			emails: union(existing.emails, incoming.emails),
			phones: union(existing.phones, incoming.phones, (p) => p.replace(/[^\d]/g, '')),
			urls: union(existing.urls, incoming.urls),
			tags: union(existing.tags, incoming.tags, fold),
			note: [...new Set(notes)].join('\n\n'),
			rating: existing.rating ?? incoming.rating,
			updatedAt: nowIso()
		});
		await db.contacts.put(merged);
		if (options.scanId) await db.scans.update(options.scanId, { contactId });
		return { contact: merged, previous: existing };
	});
}

function stripUndefined<T extends object>(row: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(row).filter(([, v]) => v !== undefined && v !== '')
	) as Partial<T>;
}

/** Replaces a contact's editable fields. Throws when it no longer exists or is left empty. */
export async function updateContact(id: string, draft: ContactDraft): Promise<ContactRow> {
	return db.transaction('rw', [db.contacts], async () => {
		const existing = await db.contacts.get(id);
		if (!existing) throw new Error('That person is no longer saved on this device.');
		const row = toRow({ ...draft, metAt: draft.metAt ?? existing.metAt }, existing);
		await db.contacts.put(row);
		return row;
	});
}

/**
 * Deletes a contact and returns what Undo needs: the row and the scans that pointed at it (they
 * stay logged, unlinked, so the raw scan is never lost).
 */
export async function deleteContact(
	id: string
): Promise<{ contact: ContactRow; scanIds: string[] } | undefined> {
	return db.transaction('rw', [db.contacts, db.scans], async () => {
		const contact = await db.contacts.get(id);
		if (!contact) return undefined;
		const scanIds = await db.scans.where('contactId').equals(id).primaryKeys();
		for (const scanId of scanIds) await db.scans.update(scanId, { contactId: undefined });
		await db.contacts.delete(id);
		return { contact, scanIds };
	});
}

/**
 * Undoes a merge: the contact goes back to how it was and the scan that was merged in is unread
 * again (still logged).
 */
export async function undoMerge(previous: ContactRow, scanId?: string): Promise<void> {
	await db.transaction('rw', [db.contacts, db.scans], async () => {
		await db.contacts.put(previous);
		if (scanId) await db.scans.update(scanId, { contactId: undefined });
	});
}

/** Puts a deleted contact back exactly as it was, relinking its scans (Undo). */
export async function restoreContact(deleted: {
	contact: ContactRow;
	scanIds: string[];
}): Promise<void> {
	await db.transaction('rw', [db.contacts, db.scans], async () => {
		await db.contacts.put(deleted.contact);
		for (const scanId of deleted.scanIds)
			await db.scans.update(scanId, { contactId: deleted.contact.id });
	});
}

export interface ContactFilter {
	text?: string;
	eventId?: string;
	sessionId?: string;
	tag?: string;
	rating?: Rating;
	limit?: number;
}

/**
 * People matching a filter, newest first. Text search matches the start of any word of the name,
 * organisation, title, note, tags or emails, accent- and case-insensitively; every typed word must
 * match. It reads through the `words` index for the longest typed word, so it stays fast at
 * thousands of contacts, then checks the rest in memory.
 */
export async function searchContacts(filter: ContactFilter = {}): Promise<ContactRow[]> {
	const limit = filter.limit ?? 200;
	const terms = queryWords(filter.text ?? '');
	const matches = (c: ContactRow) =>
		(!filter.eventId || c.eventId === filter.eventId) &&
		(!filter.sessionId || c.sessionId === filter.sessionId) &&
		(!filter.tag || c.tags.some((t) => fold(t) === fold(filter.tag ?? ''))) &&
		(!filter.rating || c.rating === filter.rating) &&
		terms.every((term) => c.words.some((w) => w.startsWith(term)));

	if (terms.length > 0) {
		const longest = terms.reduce((a, b) => (b.length > a.length ? b : a));
		const ids = [...new Set(await db.contacts.where('words').startsWith(longest).primaryKeys())];
		if (ids.length > limit * 4) {
			// Many matches (one typed letter): walking newest first and stopping at `limit` reads
			// far fewer rows than fetching every match to sort them.
			const candidates = new Set(ids);
			const out: ContactRow[] = [];
			await db.contacts
				.orderBy('createdAt')
				.reverse()
				.until(() => out.length >= limit)
				.each((c) => {
					if (candidates.has(c.id) && matches(c)) out.push(c);
				});
			return out;
		}
		const rows = (await db.contacts.bulkGet(ids)).filter((r): r is ContactRow => !!r && matches(r));
		// Newest first, ties by id descending: the same order as the createdAt index reversed.
		return rows.sort(newestFirst).slice(0, limit);
	}
	const out: ContactRow[] = [];
	await db.contacts
		.orderBy('createdAt')
		.reverse()
		.until(() => out.length >= limit)
		.each((c) => {
			if (matches(c)) out.push(c);
		});
	return out;
}

function newestFirst(a: ContactRow, b: ContactRow): number {
	if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
	return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** One contact, or undefined. */
export function getContact(id: string): Promise<ContactRow | undefined> {
	return db.contacts.get(id);
}

/** Every distinct tag in use, for the filter list. */
export async function listTags(): Promise<string[]> {
	const tags = (await db.contacts.orderBy('tags').uniqueKeys()) as string[];
	return tags.sort((a, b) => a.localeCompare(b));
}
