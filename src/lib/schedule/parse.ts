/**
 * Agenda import: turns an exported conference schedule into Hallway sessions. Pure and
 * synchronous, with no DOM, database or framework dependency, so it runs in Node, in pages and in
 * workers alike.
 *
 * Supported: iCalendar (.ics), frab / pretalx `schedule.xml` and `schedule.json`, Sessionize JSON
 * ("All", "Sessions" and "Schedule grid" exports) and CSV. The format is recognised from the
 * content; the file name only sharpens error messages. Every instant is returned in UTC.
 */

import { ImportContext } from './context';
import { parseCsv } from './csv';
import { isFrabJson, parseFrabJson, parseFrabXml } from './frab';
import { parseIcs } from './ics';
import { isSessionizeAll, isSessionizeGrouped, parseSessionize } from './sessionize';
import { ScheduleError, type ParseScheduleOptions, type ScheduleImport } from './types';

export { ScheduleError } from './types';
export type {
	ImportedSession,
	ParseScheduleOptions,
	ScheduleFormat,
	ScheduleImport
} from './types';
export {
	deviceTimeZone,
	isValidTimeZone,
	normalizeTimeZone,
	utcToZonedTime,
	zonedTimeToUtc
} from './zoned-time';
export { htmlToText } from './html-text';

const EXPECTED = 'expected iCalendar, pretalx/frab XML or JSON, Sessionize JSON or CSV';

const FORMAT_NAMES = {
	ics: 'iCalendar',
	xml: 'XML',
	json: 'JSON',
	csv: 'CSV'
} as const;

function extensionOf(fileName: string | undefined): string {
	const match = /\.([a-z0-9]{1,8})$/i.exec(fileName?.trim() ?? '');
	return match ? match[1]!.toLowerCase() : '';
}

/** Control characters (other than whitespace) and decoding failures betray non-text files. */
function looksBinary(text: string): boolean {
	const sample = text.slice(0, 8192);
	let odd = 0;
	for (let i = 0; i < sample.length; i++) {
		const code = sample.charCodeAt(i);
		if (code === 0) return true;
		if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 0xfffd) {
			odd++;
		}
	}
	return odd > 8 && odd / sample.length > 0.02;
}

function binaryMessage(text: string): string {
	if (text.startsWith('PK')) {
		return `This doesn't look like an agenda: it is a ZIP archive or a spreadsheet workbook, not text. Save spreadsheets as CSV; otherwise ${EXPECTED}.`;
	}
	if (text.startsWith('%PDF')) {
		return `This doesn't look like an agenda: it is a PDF document, not an export. Download the schedule as a calendar or data file instead; ${EXPECTED}.`;
	}
	return `This doesn't look like an agenda: it is a binary file, not text; ${EXPECTED}.`;
}

/** " near line 3, column 7" when the engine reports a position (V8 and SpiderMonkey differ). */
function jsonErrorPlace(text: string, error: unknown): string {
	const message = error instanceof Error ? error.message : '';
	const position = /position (\d+)/.exec(message);
	if (position) {
		const before = text.slice(0, Number(position[1]));
		const line = before.split('\n').length;
		const column = before.length - before.lastIndexOf('\n');
		return ` near line ${line}, column ${column}`;
	}
	const lineColumn = /line (\d+) column (\d+)/.exec(message);
	return lineColumn ? ` near line ${lineColumn[1]}, column ${lineColumn[2]}` : '';
}

function dispatch(body: string, extension: string, ctx: ImportContext): ScheduleImport {
	const text = body.trimStart();
	if (/^BEGIN:(?:VCALENDAR|VEVENT)\b/i.test(text)) return parseIcs(text, ctx);
	if (text.startsWith('<')) {
		if (/^<(?:!doctype\s+html|html[\s>])/i.test(text)) {
			throw new ScheduleError(
				`This is a web page, not an agenda export. Download the schedule itself; ${EXPECTED}.`
			);
		}
		return parseFrabXml(text, ctx);
	}
	if (text.startsWith('{') || (text.startsWith('[') && extension !== 'csv')) {
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch (error) {
			throw new ScheduleError(
				`This file looks like JSON but can't be read: it is malformed${jsonErrorPlace(text, error)}.`,
				{ cause: error }
			);
		}
		if (isFrabJson(value)) return parseFrabJson(value, ctx);
		if (isSessionizeAll(value) || isSessionizeGrouped(value)) return parseSessionize(value, ctx);
		throw new ScheduleError(
			"This JSON file isn't an agenda: expected a pretalx/frab schedule.json or a Sessionize export (sessions with speakers and rooms)."
		);
	}
	if (extension === 'ics' || extension === 'ical' || extension === 'icalendar') {
		throw new ScheduleError(
			"This calendar file can't be read: it doesn't start with BEGIN:VCALENDAR, so it isn't iCalendar."
		);
	}
	if (extension === 'json' || extension === 'xml') {
		throw new ScheduleError(
			`This .${extension} file isn't ${FORMAT_NAMES[extension]}: it doesn't start with ${extension === 'json' ? '{ or [' : '<'}.`
		);
	}
	return parseCsv(body, ctx, extension === 'csv' || extension === 'tsv');
}

/**
 * Real agendas are far smaller (1,000 sessions of pretalx JSON is about 2 MB); a bigger file is
 * almost certainly the wrong one, and parsing it would freeze a phone.
 */
export const MAX_AGENDA_CHARS = 15 * 1024 * 1024;

/**
 * Parses an exported conference agenda.
 *
 * Accepts the text of an iCalendar file, a frab/pretalx `schedule.xml` or `schedule.json`, a
 * Sessionize JSON export or a CSV with a header row; a leading byte-order mark and surrounding
 * whitespace are ignored. Times with a zone or offset are converted exactly; times without one are
 * read in the zone the file states (X-WR-TIMEZONE, the frab conference zone, a CSV `timezone`
 * column), else in `options.timeZone`, else in the device zone — only in the last two cases is
 * `floating` true. Entries that cannot be used (no title, no start, all-day, cancelled, unreadable
 * values) are skipped with a warning naming them; a missing end makes the session end when it
 * starts (with a warning, except in iCalendar where RFC 5545 defines exactly that).
 *
 * @param text - the whole file as text
 * @param options - `fileName` (a hint for error messages) and `timeZone` (IANA zone for floating
 *   times; an unknown zone is replaced by the device zone with a warning)
 * @returns the sessions sorted by start time, with warnings and the file's title and zone
 * @throws ScheduleError, with a message meant for the user, when the text is empty, binary, not a
 *   recognised agenda, malformed beyond repair, or contains no usable session. No other error type
 *   escapes.
 */
export function parseSchedule(text: string, options: ParseScheduleOptions = {}): ScheduleImport {
	if (typeof text !== 'string') throw new ScheduleError("This file couldn't be read as text.");
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.length > MAX_AGENDA_CHARS)
		throw new ScheduleError(
			`This file is ${Math.round(body.length / 1024 / 1024)} MB, too large for an agenda (the limit is 15 MB). Check that it's the schedule export.`
		);
	if (body.trim() === '') throw new ScheduleError('This file is empty.');
	if (looksBinary(body)) throw new ScheduleError(binaryMessage(body));
	const ctx = new ImportContext(options);
	try {
		return dispatch(body, extensionOf(options.fileName), ctx);
	} catch (error) {
		if (error instanceof ScheduleError) throw error;
		// A library or reader failing on input nobody anticipated must still reach the user as a
		// readable message; the original error is kept as the cause for debugging.
		throw new ScheduleError(
			"This file couldn't be read: its content is damaged or in a layout Hallway doesn't know.",
			{ cause: error }
		);
	}
}
