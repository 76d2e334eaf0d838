/**
 * What happens to a decoded QR code, as repo calls and no UI: log the raw scan first, then read it
 * as a person, look for people met before and the session in progress, and save or merge with an
 * Undo. The Scan screen (scanner-session.svelte.ts) decides when to show the review sheet; this
 * module only does the data work, so it is unit-tested on fake-indexeddb.
 *
 * Everything here reads and writes IndexedDB only: it all works offline.
 */
import type { CardFields } from '$lib/capture/payload';
import {
	deleteContact,
	findDuplicates,
	mergeIntoContact,
	saveContact,
	undoMerge
} from '$lib/contacts/contacts.repo';
import { recordScan } from './scans.repo';
import { draftFromForm, formFromCard, type ContactForm } from '$lib/contacts/draft';
import { nowIso, type ContactRow, type ScanRow, type ScanSource, type SessionRow } from '$lib/db';
import { getEvent } from '$lib/events/events.repo';
import { sessionAt, sessionsOf } from '$lib/schedule/sessions.repo';

/** A person saved before who shares an email, phone or LinkedIn profile with a new scan. */
export interface MetBefore {
	contact: ContactRow;
	/** The name of the event they were met at, when it is still on this device. */
	eventName?: string;
}

/** A scan read as a person: what the review sheet (or quick save) works from. */
export interface ContactCapture {
	kind: 'contact';
	scan: ScanRow;
	card: CardFields;
	/** The newest match when this person was saved before. */
	metBefore?: MetBefore;
	/** The session in progress when the code was scanned (active event only). */
	session?: SessionRow;
}

/** A scan that is not a person's card: it stays in Unread scans with the reason. */
export interface UnreadCapture {
	kind: 'unread';
	scan: ScanRow;
	reason: string;
}

export type Capture = ContactCapture | UnreadCapture;

/** A saved (or merged) person and the way back. */
export interface Saved {
	contact: ContactRow;
	merged: boolean;
	/** Deletes the new person, or puts the merged one back as it was. */
	undo: () => Promise<void>;
}

/**
 * Logs a decoded code and reads it. The raw scan is written before anything else (even a code
 * that is not a card, with its reason), so nothing read is ever lost. For a person it also looks
 * up the newest person met before (by email, phone or LinkedIn) and, when there is an active
 * event, the session in progress at the scan time.
 *
 * Rejects only when storage fails; the scan may then be missing too, and the caller says so.
 */
export async function captureCode(
	raw: string,
	source: ScanSource,
	options: { eventId?: string } = {}
): Promise<Capture> {
	const { scan, parsed } = await recordScan(raw, source, { eventId: options.eventId });
	if (parsed.kind === 'unknown') return { kind: 'unread', scan, reason: parsed.reason };
	const [duplicates, session] = await Promise.all([
		findDuplicates(parsed.card),
		options.eventId ? sessionAt(options.eventId, scan.scannedAt) : undefined
	]);
	const newest = duplicates[0];
	return {
		kind: 'contact',
		scan,
		card: parsed.card,
		metBefore: newest ? await metBefore(newest) : undefined,
		session
	};
}

async function metBefore(contact: ContactRow): Promise<MetBefore> {
	const event = contact.eventId ? await getEvent(contact.eventId) : undefined;
	return { contact, eventName: event?.name };
}

/**
 * "Met before — Ana Lima, JSConf EU, 2 June 2026": the banner over the review sheet. The date is
 * the day they first met, in the device's locale (or `locale`).
 */
export function metBeforeLine(met: MetBefore, locale?: string): string {
	const date = new Intl.DateTimeFormat(locale, {
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	}).format(new Date(met.contact.metAt));
	return `Met before — ${[met.contact.name, met.eventName, date].filter(Boolean).join(', ')}`;
}

function dayIn(iso: string, timeZone: string | undefined): string {
	// en-CA formats dates as YYYY-MM-DD, which compares as a calendar day.
	return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso));
}

/**
 * The sessions offered under "Where you met": the event's sessions on the day of the meeting (in
 * the event's time zone), in time order; all of its sessions when none falls on that day (a person
 * typed in after the event). The inferred session is always included. Empty without an event or
 * an agenda.
 */
export async function sessionsForReview(
	eventId: string | undefined,
	at: string,
	inferred?: SessionRow
): Promise<SessionRow[]> {
	if (!eventId) return [];
	const [event, all] = await Promise.all([getEvent(eventId), sessionsOf(eventId)]);
	const day = dayIn(at, event?.timeZone);
	const sameDay = all.filter((s) => dayIn(s.start, event?.timeZone) === day);
	const list = sameDay.length > 0 ? sameDay : all;
	if (inferred && !list.some((s) => s.id === inferred.id)) return [inferred, ...list];
	return list;
}

/** The review form for a scanned person: the card's fields, the inferred session preselected. */
export function reviewForm(capture: ContactCapture): ContactForm {
	return formFromCard(capture.card, { sessionId: capture.session?.id ?? '' });
}

/**
 * Saves the person in a review (or manual) form as someone new, linked to the scan it came from.
 * They are met at the scan time (or `at`, for a person typed in), under the given event. Undo
 * deletes them; the scan stays logged, unlinked. Throws ContactValidationError (nothing written)
 * when the form has nothing to identify the person by.
 */
export async function saveAsNew(
	form: ContactForm,
	options: { eventId?: string; scan?: ScanRow; at?: string } = {}
): Promise<Saved> {
	const metAt = options.scan?.scannedAt ?? options.at ?? nowIso();
	const contact = await saveContact(draftFromForm(form, { eventId: options.eventId, metAt }), {
		scanId: options.scan?.id
	});
	return {
		contact,
		merged: false,
		undo: async () => {
			await deleteContact(contact.id);
		}
	};
}

/**
 * Merges the form into a person met before (nothing they had is overwritten; see
 * mergeIntoContact) and links the scan. Undo puts the person back exactly as they were. Rejects
 * when that person has been deleted meanwhile.
 */
export async function mergeInto(
	contactId: string,
	form: ContactForm,
	options: { eventId?: string; scan?: ScanRow } = {}
): Promise<Saved> {
	const metAt = options.scan?.scannedAt ?? nowIso();
	const { contact, previous } = await mergeIntoContact(
		contactId,
		draftFromForm(form, { eventId: options.eventId, metAt }),
		{ scanId: options.scan?.id }
	);
	return {
		contact,
		merged: true,
		undo: () => undoMerge(previous, options.scan?.id)
	};
}

/**
 * Quick save: the scanned person is saved without review, with the inferred session; someone met
 * before is merged into the newest match instead of being saved twice. Throws
 * ContactValidationError when the card has nothing to identify the person by.
 */
export function quickSave(capture: ContactCapture, eventId?: string): Promise<Saved> {
	const form = reviewForm(capture);
	const { scan } = capture;
	return capture.metBefore
		? mergeInto(capture.metBefore.contact.id, form, { eventId, scan })
		: saveAsNew(form, { eventId, scan });
}

/**
 * Decides whether a decoded code is a new sighting. A camera sees the same badge on many frames in
 * a row, and a badge moves in and out of view while people talk: a code seen again within
 * `windowMs` of its last sighting is a repeat (every sighting restarts its window). In strict mode
 * (continuous scanning) the code accepted last is also a repeat until another code is accepted,
 * however long ago it was seen.
 */
export class RepeatFilter {
	readonly #seen = new Map<string, number>();
	#lastAccepted: string | undefined;

	constructor(readonly windowMs = 10_000) {}

	/**
	 * Counts `text` as seen at `now` without handling it: a badge that was in view when its
	 * review sheet closed (decoding was paused meanwhile) is not taken again straight away.
	 */
	seen(text: string, now: number): void {
		this.#seen.set(text, now);
	}

	/** True when `text`, seen at `now` (ms, monotonic), should be handled. */
	accept(text: string, now: number, options: { strict?: boolean } = {}): boolean {
		const last = this.#seen.get(text);
		for (const [code, at] of this.#seen) if (now - at > this.windowMs) this.#seen.delete(code);
		this.#seen.set(text, now);
		const recent = last !== undefined && now - last <= this.windowMs;
		if (recent || (options.strict && text === this.#lastAccepted)) return false;
		this.#lastAccepted = text;
		return true;
	}
}
