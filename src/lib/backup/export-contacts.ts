/**
 * Contact exports, pure: every contact (or one event's, or one tag's) as a single .vcf for phones,
 * or as CSV for spreadsheets and CRMs. No Dexie, no DOM: the repo feeds rows in chunks and this
 * module turns them into text, so the formats are unit-tested in plain Node.
 */
import type { ContactRow, EventRow, SessionRow } from '$lib/db';
import { splitName, toVCard } from '$lib/contacts/vcard-export';
import { timeZoneOffsetMs, utcToZonedTime } from '$lib/schedule/zoned-time';
import { safeFileName } from '$lib/ui/download';

export type ExportFormat = 'vcf' | 'csv';

/** Which contacts go into the file. */
export type ExportFilter =
	{ kind: 'all' } | { kind: 'event'; eventId: string } | { kind: 'tag'; tag: string };

/** Where a contact was met, looked up by the repo. */
export interface ExportPlace {
	event?: Pick<EventRow, 'name' | 'timeZone'>;
	session?: Pick<SessionRow, 'title'>;
}

/** The CSV header, in this order: names a CRM's import maps without help. */
export const CSV_HEADER = [
	'First name',
	'Last name',
	'Email',
	'Phone',
	'Company',
	'Title',
	'LinkedIn',
	'Event',
	'Session',
	'Met at',
	'Tags',
	'Rating',
	'Note'
] as const;

/** Excel only reads a CSV as UTF-8 (accents intact) when the file starts with a byte-order mark. */
export const CSV_BOM = '\uFEFF';

/** True when a contact belongs in the export. Tags compare exactly, as the tag list offers them. */
export function matchesFilter(contact: ContactRow, filter: ExportFilter): boolean {
	if (filter.kind === 'event') return contact.eventId === filter.eventId;
	if (filter.kind === 'tag') return contact.tags.includes(filter.tag);
	return true;
}

/**
 * Neutralises spreadsheet formula injection (OWASP "CSV injection"): a cell that starts with `=`,
 * `+`, `-` or `@`, also after leading white space (some spreadsheets trim it first), or that
 * starts with a tab or carriage return, gets a leading `'`, which spreadsheets read as "this is
 * text". Phone numbers get no exception: `+44 20 7946 0958` would otherwise be evaluated (and a
 * scanned "phone" can carry a formula), so it is written `'+44 20 7946 0958`. Every digit and the
 * `+` stay in place, so the number is still readable and CRMs' phone clean-up keeps it; the .vcf
 * export carries numbers untouched for phones.
 */
export function neutraliseCell(value: string): string {
	return /^[\t\r]|^\s*[=+\-@]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: a cell holding a quote, comma, semicolon or line break is quoted, quotes doubled. */
export function quoteCell(value: string): string {
	return /[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line (no line end): each cell neutralised, then quoted. */
export function csvLine(cells: readonly string[]): string {
	return cells.map((cell) => quoteCell(neutraliseCell(cell))).join(',');
}

/**
 * An instant as unambiguous ISO 8601 with its offset: wall-clock time in the event's zone
 * (`2026-06-02T10:40:00+02:00`), or UTC (`…Z`) when there is no event zone. '' when unreadable.
 */
export function isoWithOffset(iso: string, timeZone?: string): string {
	const ms = Date.parse(iso);
	if (!Number.isFinite(ms)) return '';
	if (timeZone) {
		try {
			const local = utcToZonedTime(ms, timeZone);
			const offsetMinutes = Math.round(timeZoneOffsetMs(ms, timeZone) / 60_000);
			if (offsetMinutes === 0) return `${local}Z`;
			const sign = offsetMinutes < 0 ? '-' : '+';
			const abs = Math.abs(offsetMinutes);
			const hh = String(Math.floor(abs / 60)).padStart(2, '0');
			const mm = String(abs % 60).padStart(2, '0');
			return `${local}${sign}${hh}:${mm}`;
		} catch {
			// An unknown zone: fall through to UTC, which is never wrong.
		}
	}
	return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/** "Met at Search Conf — Opening keynote (2026-06-02)": where met, for a phone contact's note. */
export function metLine(contact: ContactRow, place: ExportPlace): string | undefined {
	if (!place.event) return undefined;
	const where = [place.event.name, place.session?.title].filter(Boolean).join(' — ');
	const day = isoWithOffset(contact.metAt, place.event.timeZone).slice(0, 10);
	return `Met at ${where}${day ? ` (${day})` : ''}`;
}

/** One contact as a vCard 3.0 card: tags as CATEGORIES, where you met added below the note. */
export function contactToVCard(contact: ContactRow, place: ExportPlace = {}): string {
	const note = [contact.note.trim(), metLine(contact, place)].filter(Boolean).join('\n\n');
	return toVCard(
		{
			name: contact.name,
			givenName: contact.givenName,
			familyName: contact.familyName,
			org: contact.org,
			title: contact.title,
			emails: contact.emails,
			phones: contact.phones,
			urls: contact.urls,
			linkedin: contact.linkedin,
			address: contact.address,
			note: note || undefined
		},
		{ categories: contact.tags }
	);
}

/** One contact as the cells of a CSV row, in {@link CSV_HEADER} order (not yet escaped). */
export function contactToCsvCells(contact: ContactRow, place: ExportPlace = {}): string[] {
	const { given, family } = splitName(contact);
	return [
		given,
		family,
		contact.emails.join('; '),
		contact.phones.join('; '),
		contact.org ?? '',
		contact.title ?? '',
		contact.linkedin ?? '',
		place.event?.name ?? '',
		place.session?.title ?? '',
		isoWithOffset(contact.metAt, place.event?.timeZone),
		contact.tags.join(', '),
		contact.rating ?? '',
		contact.note
	];
}

/**
 * Builds an export file piece by piece, so a large export can be written in chunks with the UI
 * breathing in between. CSV: BOM, header, one CRLF-ended row per contact. vCard: cards back to
 * back, each CRLF-ended.
 */
export class ContactFileWriter {
	readonly format: ExportFormat;
	#parts: string[] = [];
	#count = 0;

	constructor(format: ExportFormat) {
		this.format = format;
		if (format === 'csv') this.#parts.push(CSV_BOM + csvLine(CSV_HEADER) + '\r\n');
	}

	/** Appends one contact. */
	add(contact: ContactRow, place: ExportPlace = {}): void {
		this.#parts.push(
			this.format === 'csv'
				? csvLine(contactToCsvCells(contact, place)) + '\r\n'
				: contactToVCard(contact, place)
		);
		this.#count++;
	}

	/** How many contacts were added. */
	get count(): number {
		return this.#count;
	}

	/** The whole file. */
	text(): string {
		return this.#parts.join('');
	}
}

/** The MIME type a download of this format is saved with. */
export function exportMimeType(format: ExportFormat): string {
	return format === 'csv' ? 'text/csv;charset=utf-8' : 'text/vcard;charset=utf-8';
}

/**
 * A file name that says what the file holds: "Hallway contacts - Search Conf - 2026-06-02.csv",
 * "… - tag design - …", "… - everyone - …". `date` is the day of the export (YYYY-MM-DD).
 */
export function exportFileName(
	format: ExportFormat,
	what: { filter: ExportFilter; eventName?: string },
	date: string
): string {
	const label =
		what.filter.kind === 'event'
			? (what.eventName ?? 'one event')
			: what.filter.kind === 'tag'
				? `tag ${what.filter.tag}`
				: 'everyone';
	return safeFileName(`Hallway contacts - ${label} - ${date}`, format, 'Hallway contacts');
}
