/**
 * Follow-up reminders as an iCalendar file (RFC 5545), so due follow-ups can live in the user's
 * own calendar with an alert, even when Hallway is closed (a PWA cannot schedule notifications
 * reliably offline). Pure: the caller supplies the clock and downloads or shares the text.
 *
 * Each reminder is a 15-minute, non-blocking (TRANSP:TRANSPARENT) event at the due time, in UTC,
 * with a display alarm at its start. UIDs derive from the follow-up id, so importing an updated
 * file moves the existing reminders instead of duplicating them.
 */

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
const MAX_OCTETS = 75;

/** `20260329T070000Z`: the UTC DATE-TIME form. */
function utcStamp(ms: number): string {
	return new Date(ms)
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

const ISO_INSTANT =
	/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

function instantMs(value: unknown): number {
	return typeof value === 'string' && ISO_INSTANT.test(value.trim())
		? Date.parse(value.trim())
		: Number.NaN;
}

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. Other
 * control characters are not allowed in content lines at all, so they are dropped.
 */
export function escapeIcsText(value: string): string {
	return (
		value
			.replace(/\\/g, '\\\\')
			.replace(/;/g, '\\;')
			.replace(/,/g, '\\,')
			.replace(/\r\n|\r|\n/g, '\\n')
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
	);
}

function utf8Length(codePoint: number): number {
	if (codePoint < 0x80) return 1;
	if (codePoint < 0x800) return 2;
	if (codePoint < 0x10000) return 3;
	return 4;
}

/**
 * Folds one content line so that no physical line exceeds 75 octets of UTF-8 (RFC 5545 §3.1):
 * continuation lines start with a space. It never splits a character's bytes, a surrogate pair,
 * or a backslash escape such as `\n` (legal, but some readers mishandle it).
 */
export function foldIcsLine(line: string): string {
	const pieces: string[] = [];
	let current = '';
	let size = 0;
	// Units: a backslash escape pair, or one code point.
	const units = line.match(/\\.|[\s\S]/gu) ?? [];
	for (const unit of units) {
		let bytes = 0;
		for (const char of unit) bytes += utf8Length(char.codePointAt(0)!);
		// The first line holds 75 octets; a continuation holds 74 after its leading space.
		const limit = pieces.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
		if (size + bytes > limit && current !== '') {
			pieces.push(current);
			current = '';
			size = 0;
		}
		current += unit;
		size += bytes;
	}
	pieces.push(current);
	return pieces.join('\r\n ');
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
