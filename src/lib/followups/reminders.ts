/**
 * Follow-up reminders as an iCalendar file (RFC 5545), so due follow-ups can live in the user's
 * own calendar with an alert, even when Hallway is closed (a PWA cannot schedule notifications
 * reliably offline). Pure: the caller supplies the clock and downloads or shares the text.
 *
 * Each reminder is a 15-minute, non-blocking (TRANSP:TRANSPARENT) event at the due time, in UTC,
 * with a display alarm at its start. UIDs derive from the follow-up id, so importing an updated
 * file moves the existing reminders instead of duplicating them.
 */
import {
	escapeText as escapeIcsText,
	foldLine as foldIcsLine,
	utcStamp
} from '$lib/text/content-line';

export { escapeIcsText, foldIcsLine };

/** One reminder: usually a follow-up row with a title such as "Follow up with Ana Lima". */
export interface ReminderItem {
	/** The follow-up's id: the reminder's UID is derived from it. */
	id: string;
	title: string;
	description: string;
	/** ISO instant. */
	dueAt: string;
}

const PRODID = '-//Hallway//Follow-up reminders//EN';
/** Right-hand side of every UID: RFC 5545 recommends a domain; .invalid is reserved for this. */
const UID_DOMAIN = 'followups.hallway.invalid';
const FALLBACK_TITLE = 'Follow up';

const ISO_INSTANT =
	/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

function instantMs(value: unknown): number {
	return typeof value === 'string' && ISO_INSTANT.test(value.trim())
		? Date.parse(value.trim())
		: Number.NaN;
}

/** 32-bit FNV-1a, hex: a stable UID for an item that arrives without an id. */
function fnv1a(text: string): string {
	let hash = 0x811c9dc5;
	for (const char of text) {
		hash ^= char.codePointAt(0)!;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

function uidFor(item: ReminderItem): string {
	const id = typeof item.id === 'string' ? item.id.trim() : '';
	const local = id || `item-${fnv1a(`${String(item.title)}\u0000${String(item.dueAt)}`)}`;
	return `${local}@${UID_DOMAIN}`;
}

function asText(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/**
 * An iCalendar file with one reminder event per item.
 *
 * Each VEVENT has a UID derived from `id` (`<id>@followups.hallway.invalid`; an item without an
 * id gets one hashed from its title and due time), DTSTAMP `now`, DTSTART `dueAt` in UTC, a
 * 15-minute DURATION, SUMMARY `title` ("Follow up" when blank), DESCRIPTION (left out when
 * blank), and a DISPLAY VALARM at the start. Text is escaped, lines end in CRLF and are folded at
 * 75 octets. Items whose `dueAt` is not an ISO instant are skipped, since they have no time to
 * remind at; an empty list gives a valid calendar with no events.
 *
 * @param now - ISO instant, the time the file is made (DTSTAMP)
 * @throws RangeError when `now` is not an ISO instant (a programmer error)
 */
export function followupsToIcs(items: readonly ReminderItem[], now: string): string {
	const nowMs = instantMs(now);
	if (Number.isNaN(nowMs)) {
		throw new RangeError(
			`followupsToIcs: invalid now ${JSON.stringify(now)}; expected an ISO 8601 instant such as 2026-03-29T07:00:00.000Z.`
		);
	}
	const stamp = utcStamp(nowMs);
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${PRODID}`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'X-WR-CALNAME:Hallway follow-ups'
	];
	for (const item of items ?? []) {
		const dueMs = instantMs(item?.dueAt);
		if (Number.isNaN(dueMs)) continue;
		const title = escapeIcsText(asText(item.title) || FALLBACK_TITLE);
		const description = escapeIcsText(asText(item.description));
		lines.push(
			'BEGIN:VEVENT',
			`UID:${escapeIcsText(uidFor(item))}`,
			`DTSTAMP:${stamp}`,
			`DTSTART:${utcStamp(dueMs)}`,
			'DURATION:PT15M',
			`SUMMARY:${title}`,
			...(description ? [`DESCRIPTION:${description}`] : []),
			'TRANSP:TRANSPARENT',
			'BEGIN:VALARM',
			'ACTION:DISPLAY',
			`DESCRIPTION:${title}`,
			'TRIGGER;RELATED=START:PT0S',
			'END:VALARM',
			'END:VEVENT'
		);
	}
	lines.push('END:VCALENDAR');
	return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
