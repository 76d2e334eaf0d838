/**
 * CSV agenda reader (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or
 * LF). The delimiter (`,` `;` tab or `|`) is whichever occurs most in the header row outside
 * quotes. Columns are found by header name, case-insensitively, with common synonyms.
 *
 * Times may be ISO 8601 with an offset (used as is) or local wall-clock times, read in the zone a
 * `timezone` column or the start column's header ("Start (Europe/Berlin)") names, else in the
 * caller's zone (the import is then floating). Numeric dates: ISO `2026-03-29` is preferred;
 * `29.03.2026` is always day-first; for `a/b/yyyy` and `a-b-yyyy` the whole file is read one way —
 * day-first unless some value only makes sense month-first (`03/29/2026`). When every such date
 * is ambiguous (`03/04/2026`) they are read day-first and a warning says so.
 */

import { capitalize, type ImportContext, type SessionDraft } from './context';
import { htmlToText } from './html-text';
import { NOT_AN_AGENDA, ScheduleError, type ScheduleImport } from './types';
import {
	checkedWallClock,
	looksLikeBreak,
	parseDuration,
	parseIsoDateTime,
	splitNames
} from './values';
import { normalizeTimeZone } from './zoned-time';

const DAY_MS = 86_400_000;

interface CsvRecord {
	fields: string[];
	/** 1-based line on which the record starts. */
	line: number;
}

/** Picks the delimiter that occurs most often, outside quotes, in the first non-empty line. */
function detectDelimiter(text: string): string {
	const counts = new Map<string, number>([
		[',', 0],
		[';', 0],
		['\t', 0],
		['|', 0]
	]);
	let inQuotes = false;
	let seenContent = false;
	for (const ch of text) {
		if (ch === '"') inQuotes = !inQuotes;
		else if (!inQuotes && (ch === '\n' || ch === '\r')) {
			if (seenContent) break;
		} else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
		if (ch.trim() !== '') seenContent = true;
	}
	let best = ',';
	for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
	return best;
}

/**
 * Splits CSV text into records. Lenient where files in the wild are sloppy: text after a closing
 * quote is kept, a quote inside an unquoted field is literal, and an unclosed quote runs to the
 * end of the file (reported through `unclosedQuoteLine`).
 */
export function readCsvRecords(
	text: string,
	delimiter: string
): { records: CsvRecord[]; unclosedQuoteLine?: number } {
	const records: CsvRecord[] = [];
	let fields: string[] = [];
	let line = 1;
	let recordLine = 1;
	let unclosedQuoteLine: number | undefined;
	let i = 0;
	const n = text.length;
	const countLines = (chunk: string): number => {
		let count = 0;
		for (let j = chunk.indexOf('\n'); j !== -1; j = chunk.indexOf('\n', j + 1)) count++;
		// A lone CR (old Mac files) also ends a line.
		for (let j = chunk.indexOf('\r'); j !== -1; j = chunk.indexOf('\r', j + 1)) {
			if (chunk[j + 1] !== '\n') count++;
		}
		return count;
	};
	while (i <= n) {
		let field = '';
		if (text[i] === '"') {
			const quoteLine = line;
			i++;
			for (;;) {
				const close = text.indexOf('"', i);
				if (close === -1) {
					field += text.slice(i);
					line += countLines(text.slice(i));
					i = n;
					unclosedQuoteLine ??= quoteLine;
					break;
				}
				const chunk = text.slice(i, close);
				field += chunk;
				line += countLines(chunk);
				if (text[close + 1] === '"') {
					field += '"';
					i = close + 2;
				} else {
					i = close + 1;
					break;
				}
			}
			field = field.replace(/\r\n?/g, '\n');
		}
		// Unquoted field, or whatever follows a closing quote up to the next delimiter or line end.
		let end = i;
		while (end < n) {
			const ch = text[end];
			if (ch === delimiter || ch === '\n' || ch === '\r') break;
			end++;
		}
		field += text.slice(i, end);
		fields.push(field);
		i = end;
		if (i < n && text[i] === delimiter) {
			i++;
			continue;
		}
		// End of record: a line break or the end of the text.
		if (!(fields.length === 1 && fields[0]!.trim() === '')) {
			records.push({ fields, line: recordLine });
		}
		fields = [];
		if (i >= n) break;
		i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
		line++;
		recordLine = line;
	}
	return unclosedQuoteLine === undefined ? { records } : { records, unclosedQuoteLine };
}

type Role =
	| 'id'
	| 'title'
	| 'start'
	| 'date'
	| 'time'
	| 'end'
	| 'endDate'
	| 'duration'
	| 'room'
	| 'track'
	| 'speakers'
	| 'abstract'
	| 'url'
	| 'type'
	| 'timezone';

const ROLE_NAMES: [Role, RegExp][] = [
	['id', /^(?:id|session id|talk id|uid|external id|key|code|ref|reference)$/],
	['title', /^(?:title|session|session title|session name|name|talk|talk title|subject)$/],
	[
		'start',
		/^(?:start|starts|start time|starts at|start at|begin|begins|begin time|begins at|start date ?time|from|starting)$/
	],
	['date', /^(?:date|day|session date|start date)$/],
	['time', /^(?:time|times|slot|time slot|timeslot)$/],
	['end', /^(?:end|ends|end time|ends at|end at|finish|finishes|until|to|end date ?time)$/],
	['endDate', /^(?:end date)$/],
	['duration', /^(?:duration|length|duration mins?|duration minutes|minutes|mins)$/],
	['room', /^(?:room|rooms|location|venue|stage|hall|place|where)$/],
	['track', /^(?:track|tracks|category|categories|topic|topics|theme|stream)$/],
	[
		'speakers',
		/^(?:speakers?|presenters?|speaker names?|hosts?|people|by|moderators?|panell?ists?)$/
	],
	['abstract', /^(?:abstract|description|summary|details|notes|synopsis)$/],
	['url', /^(?:url|link|website|web|session url|session link)$/],
	['type', /^(?:type|kind|format|session type|session format)$/],
	['timezone', /^(?:time ?zone|tz|zone)$/]
];

interface Header {
	columns: Map<Role, number>;
	/** A zone named in the start or date column's header, e.g. "Start (UTC)". */
	statedZone?: string;
}

function normalizeHeader(name: string): string {
	return name
		.toLowerCase()
		.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
		.replace(/[_\-.:/#*]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

function readHeader(fields: string[]): Header {
	const columns = new Map<Role, number>();
	let statedZone: string | undefined;
	fields.forEach((raw, index) => {
		const name = normalizeHeader(raw);
		const match = ROLE_NAMES.find(([, pattern]) => pattern.test(name));
		if (!match || columns.has(match[0])) return;
		columns.set(match[0], index);
		if (match[0] === 'start' || match[0] === 'date' || match[0] === 'time') {
			const inBrackets = /[([]\s*([^)\]]+?)\s*[)\]]/.exec(raw)?.[1];
			statedZone ??= normalizeTimeZone(inBrackets);
		}
	});
	return statedZone === undefined ? { columns } : { columns, statedZone };
}

/** A date and/or time read from one cell. */
interface When {
	/** Wall-clock midnight of the date. */
	dateMs?: number;
	/** Milliseconds after midnight. */
	timeMs?: number;
	/** Stated offset (ISO values only). */
	offsetMs?: number;
}

const TIME = String.raw`(\d{1,2})(?:[:.h](\d{2}))?(?::(\d{2}))?\s*([ap])?\.?(?:m\.?)?`;
const TIME_ONLY = new RegExp(`^${TIME}$`, 'i');
const NUMERIC_DATE = new RegExp(
	String.raw`^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:(?:\s+|T|,\s*|\s+at\s+)${TIME})?$`,
	'i'
);
const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const DAY_MONTH_YEAR = new RegExp(
	String.raw`^(?:[a-z]+\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})(?:,?\s+(?:at\s+)?${TIME})?$`,
	'i'
);
const MONTH_DAY_YEAR = new RegExp(
	String.raw`^(?:[a-z]+\.?,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?${TIME})?$`,
	'i'
);

/** Milliseconds after midnight for `9:30`, `09.30`, `9h30`, `9:30 pm`, `9pm`; undefined otherwise. */
function timeOfDay(
	hourText: string | undefined,
	minuteText: string | undefined,
	secondText: string | undefined,
	meridiem: string | undefined
): number | undefined {
	if (hourText === undefined) return undefined;
	// A bare number is only a time with am/pm ("9pm"); otherwise it could be anything.
	if (minuteText === undefined && meridiem === undefined) return undefined;
	let hour = Number(hourText);
	const minute = Number(minuteText ?? 0);
	const second = Number(secondText ?? 0);
	if (meridiem !== undefined) {
		if (hour < 1 || hour > 12) return undefined;
		hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
	}
	if (hour > 24 || minute > 59 || second > 59 || (hour === 24 && (minute || second))) {
		return undefined;
	}
	return (hour * 3600 + minute * 60 + second) * 1000;
}

function monthNumber(name: string): number | undefined {
	const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
	return index === -1 ? undefined : index + 1;
}

function fullYear(text: string): number {
	const year = Number(text);
	return text.length === 2 ? 2000 + year : year;
}

function withTime(
	dateMs: number | undefined,
	match: RegExpExecArray,
	from: number
): When | undefined {
	if (dateMs === undefined) return undefined;
	if (match[from] === undefined) return { dateMs };
	const timeMs = timeOfDay(match[from], match[from + 1], match[from + 2], match[from + 3]);
	return timeMs === undefined ? undefined : { dateMs, timeMs };
}

/** Reads one cell; `dayFirst` decides `a/b/yyyy`. Undefined when the cell is not a date or time. */
function readWhen(text: string | undefined, dayFirst: boolean): When | undefined {
	const value = text?.trim();
	if (!value) return undefined;
	const iso = parseIsoDateTime(value);
	if (iso) {
		const dateMs = Math.floor(iso.localMs / DAY_MS) * DAY_MS;
		if (iso.dateOnly) return { dateMs };
		const when: When = { dateMs, timeMs: iso.localMs - dateMs };
		if (iso.offsetMs !== undefined) when.offsetMs = iso.offsetMs;
		return when;
	}
	let match = TIME_ONLY.exec(value);
	if (match) {
		const timeMs = timeOfDay(match[1], match[2], match[3], match[4]);
		return timeMs === undefined ? undefined : { timeMs };
	}
	match = NUMERIC_DATE.exec(value);
	if (match) {
		const [a, b] = [Number(match[1]), Number(match[3])];
		const first = match[2] === '.' || dayFirst;
		return withTime(checkedWallClock(fullYear(match[4]!), first ? b : a, first ? a : b), match, 5);
	}
	match = DAY_MONTH_YEAR.exec(value);
	if (match) {
		const month = monthNumber(match[2]!);
		const dateMs =
			month === undefined ? undefined : checkedWallClock(Number(match[3]), month, Number(match[1]));
		return withTime(dateMs, match, 4);
	}
	match = MONTH_DAY_YEAR.exec(value);
	if (match) {
		const month = monthNumber(match[1]!);
		const dateMs =
			month === undefined ? undefined : checkedWallClock(Number(match[3]), month, Number(match[2]));
		return withTime(dateMs, match, 4);
	}
	return undefined;
}

/** "09:30–10:15" in a single time column. */
function readTimeRange(text: string | undefined): { startMs: number; endMs: number } | undefined {
	const parts = text?.split(/\s*(?:[-–—]|to)\s*/i);
	if (parts?.length !== 2) return undefined;
	const [start, end] = parts.map((part) => readWhen(part, true)?.timeMs);
	return start === undefined || end === undefined ? undefined : { startMs: start, endMs: end };
}

/**
 * Decides day-first vs month-first for `a/b/yyyy` dates from all of them at once, so one file is
 * never read both ways.
 */
function decideDayFirst(values: (string | undefined)[], ctx: ImportContext): boolean {
	let dayFirstEvidence = false;
	let monthFirstEvidence = false;
	let ambiguous: string | undefined;
	for (const value of values) {
		const match = /^\s*(\d{1,2})[/-](\d{1,2})[/-](?:\d{4}|\d{2})\b/.exec(value ?? '');
		if (!match) continue;
		const [a, b] = [Number(match[1]), Number(match[2])];
		if (a > 12 && b <= 12) dayFirstEvidence = true;
		else if (b > 12 && a <= 12) monthFirstEvidence = true;
		else if (a !== b) ambiguous ??= match[0].trim();
	}
	if (dayFirstEvidence && monthFirstEvidence) {
		ctx.warn(
			'The CSV mixes day/month/year and month/day/year dates; they were read as day/month/year.'
		);
		return true;
	}
	if (monthFirstEvidence) return false;
	if (!dayFirstEvidence && ambiguous !== undefined) {
		ctx.warn(
			`Dates such as ${ambiguous} could be day/month or month/day; they were read as day/month/year.`
		);
	}
	return true;
}

const EXPECTED_TITLE = 'title, session, name or talk';
const EXPECTED_START = 'start, start time, starts at or begin (or separate date and time columns)';

/**
 * Reads a CSV agenda.
 *
 * @param looksIntended - true when the file name says CSV; otherwise a header that names no known
 *   column makes this "not an agenda" rather than "a CSV with bad columns"
 * @throws ScheduleError when the header lacks a title or start column, or no row is usable
 */
export function parseCsv(text: string, ctx: ImportContext, looksIntended: boolean): ScheduleImport {
	const delimiter = detectDelimiter(text);
	const { records, unclosedQuoteLine } = readCsvRecords(text, delimiter);
	const [headerRecord, ...rows] = records;
	if (!headerRecord) throw new ScheduleError('This file is empty.');
	const { columns, statedZone } = readHeader(headerRecord.fields);
	const has = (role: Role): boolean => columns.has(role);
	if (columns.size === 0 && !looksIntended) {
		throw new ScheduleError(NOT_AN_AGENDA);
	}
	const hasStart = has('start') || has('time') || has('date');
	if (!has('title') && !hasStart) {
		throw new ScheduleError(
			`This CSV file has no title or start column: the header row must name at least a title (${EXPECTED_TITLE}) and a start (${EXPECTED_START}).`
		);
	}
	if (!hasStart) {
		throw new ScheduleError(
			`This CSV file has no start column: expected one named ${EXPECTED_START}.`
		);
	}
	if (!has('title')) {
		throw new ScheduleError(
			`This CSV file has no title column: expected one named ${EXPECTED_TITLE}.`
		);
	}
	if (rows.length === 0) {
		throw new ScheduleError(
			'This file has no sessions: the CSV has a header row but no data rows.'
		);
	}
	if (unclosedQuoteLine !== undefined) {
		ctx.warn(
			`Line ${unclosedQuoteLine} of the CSV opens a quote that is never closed; the rest of the file was read as part of that cell.`
		);
	}

	const cell = (row: CsvRecord, role: Role): string | undefined => {
		const index = columns.get(role);
		const value = index === undefined ? undefined : row.fields[index]?.trim();
		return value ? value : undefined;
	};
	const dayFirst = decideDayFirst(
		rows.flatMap((row) => [
			cell(row, 'start'),
			cell(row, 'date'),
			cell(row, 'end'),
			cell(row, 'endDate')
		]),
		ctx
	);
	const endKnown = has('end') || has('duration') || has('time');
	if (!endKnown) {
		ctx.warn(
			'The CSV has no end or duration column, so every session is shown as ending when it starts.'
		);
	}

	for (const row of rows) {
		if (row.fields.every((field) => field.trim() === '')) continue;
		const where = `line ${row.line} of the CSV`;
		const title = cell(row, 'title');
		const label = title === undefined ? capitalize(where) : `${capitalize(where)} ("${title}")`;

		let zone = statedZone;
		const zoneText = cell(row, 'timezone');
		if (zoneText !== undefined) {
			zone = normalizeTimeZone(zoneText);
			if (zone === undefined) {
				ctx.warn(
					`The time zone "${zoneText}" in the CSV isn't recognised; such rows were read in ${ctx.fallbackZone()}.`
				);
			}
		}

		const startText = cell(row, 'start');
		const dateText = cell(row, 'date');
		const timeText = cell(row, 'time');
		const range = readTimeRange(timeText);
		const start = readWhen(startText, dayFirst);
		const date = readWhen(dateText, dayFirst);
		const time = range ? { timeMs: range.startMs } : readWhen(timeText, dayFirst);
		const dateMs = start?.dateMs ?? date?.dateMs;
		const timeMs = start?.timeMs ?? time?.timeMs ?? date?.timeMs;

		const draft: SessionDraft = {
			externalId: cell(row, 'id'),
			title,
			room: cell(row, 'room'),
			track: cell(row, 'track'),
			speakers: splitNames(cell(row, 'speakers')),
			abstract: htmlToText(cell(row, 'abstract') ?? ''),
			isBreak: looksLikeBreak(title, cell(row, 'type')),
			url: cell(row, 'url')
		};

		if (title !== undefined) {
			if (startText !== undefined && start === undefined) {
				ctx.skip(`${label} has a start time that can't be read ("${startText}"); it was skipped.`);
				continue;
			}
			if (dateMs === undefined && timeMs !== undefined) {
				ctx.skip(`${label} has a start time but no date; it was skipped.`);
				continue;
			}
		}
		if (dateMs !== undefined && timeMs !== undefined) {
			const local = dateMs + timeMs;
			const offsetMs = start?.offsetMs ?? date?.offsetMs;
			draft.startMs = offsetMs === undefined ? ctx.wallClockToUtcMs(local, zone) : local - offsetMs;

			const endText = cell(row, 'end');
			const end = readWhen(endText, dayFirst);
			const endDate = readWhen(cell(row, 'endDate'), dayFirst)?.dateMs;
			const endTimeMs = end?.timeMs ?? range?.endMs;
			if (endTimeMs !== undefined) {
				let localEnd = (end?.dateMs ?? endDate ?? dateMs) + endTimeMs;
				// "22:00–01:00" on one date crosses midnight.
				if (end?.dateMs === undefined && endDate === undefined && localEnd < local)
					localEnd += DAY_MS;
				const endOffset = end?.offsetMs ?? offsetMs;
				draft.endMs =
					endOffset === undefined ? ctx.wallClockToUtcMs(localEnd, zone) : localEnd - endOffset;
			} else {
				const duration = parseDuration(cell(row, 'duration'));
				if (duration !== undefined) draft.endMs = draft.startMs + duration;
				else if (endText !== undefined) {
					ctx.warn(`${label} has an end time that can't be read ("${endText}").`);
				}
			}
		}
		ctx.add(draft, where, endKnown);
	}
	return ctx.finish(
		'csv',
		{},
		'This file has no sessions: the CSV has a header row but no data rows.'
	);
}
