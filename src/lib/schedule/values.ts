/**
 * Small value parsers shared by the format readers: ISO date-times, durations, speaker lists,
 * break detection and defensive accessors for untrusted JSON. Everything here is total: bad input
 * yields `undefined` (or an empty result), never an exception.
 */

import { wallClockMs } from './zoned-time';

export type JsonRecord = Record<string, unknown>;

/** The value as a plain object, or undefined for arrays, null and primitives. */
export function asRecord(value: unknown): JsonRecord | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as JsonRecord)
		: undefined;
}

/** The value if it is an array, otherwise an empty array. */
export function asArray(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

/** Trimmed non-empty text from a string or finite number; undefined for anything else. */
export function asText(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

/** Text that identifies something (ids may be numbers in one export and strings in the next). */
export function asId(value: unknown): string | undefined {
	return asText(value);
}

/** Collapses all whitespace (including line breaks) to single spaces and trims. */
export function singleLine(value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	const line = value.replace(/\s+/g, ' ').trim();
	return line === '' ? undefined : line;
}

export interface ParsedDateTime {
	/** The wall-clock reading, as from `wallClockMs`. */
	localMs: number;
	/** The stated UTC offset in ms (`Z` → 0); undefined when the text states none. */
	offsetMs?: number;
	/** True for a bare date such as `2026-03-29`. */
	dateOnly: boolean;
}

const ISO_EXTENDED =
	/^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?)?(Z)?$/i;

/**
 * Builds a wall-clock reading from parts, or undefined when the parts name no real date or time
 * (30 February, 25:00). `24:00` is accepted as the end of the day.
 */
export function checkedWallClock(
	year: number,
	month: number,
	day: number,
	hour = 0,
	minute = 0,
	second = 0,
	millisecond = 0
): number | undefined {
	if (![year, month, day, hour, minute, second, millisecond].every(Number.isInteger)) {
		return undefined;
	}
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
	if (minute > 59 || second > 60 || hour > 24 || (hour === 24 && (minute || second))) {
		return undefined;
	}
	const midnight = wallClockMs(year, month, day);
	if (new Date(midnight).getUTCDate() !== day) return undefined;
	// A leap second is read as the last ordinary second rather than rejected.
	return midnight + hour * 3_600_000 + minute * 60_000 + Math.min(second, 59) * 1000 + millisecond;
}

function offsetFromText(text: string | undefined): number | undefined | null {
	if (text === undefined) return undefined;
	if (/^(?:z|utc|gmt)$/i.test(text)) return 0;
	const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
	if (!match) return null;
	const hours = Number(match[2]);
	const minutes = Number(match[3] ?? 0);
	if (hours > 18 || minutes > 59) return null;
	return (match[1] === '-' ? -1 : 1) * (hours * 3_600_000 + minutes * 60_000);
}

/**
 * Reads ISO 8601 date-times as found in agenda exports: `2026-03-29T09:30:00+02:00`,
 * `2026-03-29T07:30:00Z`, `2026-03-29 09:30`, `2026-03-29T09:30:00.000`, `20260329T093000Z`, or a
 * bare date. Undefined for anything else or for impossible dates.
 */
export function parseIsoDateTime(text: string | undefined): ParsedDateTime | undefined {
	if (text === undefined) return undefined;
	const trimmed = text.trim();
	const extended = ISO_EXTENDED.exec(trimmed);
	const basic = extended ? null : ISO_BASIC.exec(trimmed);
	const match = extended ?? basic;
	if (!match) return undefined;
	const [year, month, day] = [match[1], match[2], match[3]].map(Number);
	const hasTime = match[4] !== undefined;
	const fraction = extended ? extended[7] : undefined;
	const millisecond = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
	const localMs = checkedWallClock(
		year!,
		month!,
		day!,
		Number(match[4] ?? 0),
		Number(match[5] ?? 0),
		Number(match[6] ?? 0),
		millisecond
	);
	if (localMs === undefined) return undefined;
	const offsetMs = offsetFromText(extended ? extended[8] : basic?.[7]);
	if (offsetMs === null) return undefined;
	if (!hasTime) return { localMs, dateOnly: true };
	return offsetMs === undefined
		? { localMs, dateOnly: false }
		: { localMs, offsetMs, dateOnly: false };
}

/**
 * Reads a duration: bare minutes (`45`, `45.5`), `H:MM` (frab's `00:45`), `H:MM:SS`, ISO 8601
 * (`PT1H30M`, `P1D`), or words (`90 min`, `1h 30m`, `2 hours`). Returns milliseconds, or undefined
 * when the text is not a duration.
 */
export function parseDuration(text: string | undefined): number | undefined {
	if (text === undefined) return undefined;
	const value = text.trim();
	if (value === '') return undefined;
	let match = /^\d{1,6}(?:\.\d+)?$/.exec(value);
	if (match) return Math.round(Number(value) * 60_000);
	match = /^(\d{1,4}):(\d{2})(?::(\d{2}))?$/.exec(value);
	if (match) {
		const [hours, minutes, seconds] = [match[1], match[2], match[3]].map((v) => Number(v ?? 0));
		if (minutes! > 59 || seconds! > 59) return undefined;
		return (hours! * 3600 + minutes! * 60 + seconds!) * 1000;
	}
	match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(value);
	if (match && value.length > 1 && !/T$/i.test(value)) {
		const [weeks, days, hours, minutes, seconds] = match.slice(1, 6).map((v) => Number(v ?? 0));
		return Math.round(
			(((weeks! * 7 + days!) * 24 + hours!) * 3600 + minutes! * 60 + seconds!) * 1000
		);
	}
	match =
		/^(?:(\d{1,4})\s*(?:h|hrs?|hours?)\.?)?\s*(?:(\d{1,6})\s*(?:m|mins?|minutes?)\.?)?$/i.exec(
			value
		);
	if (match && (match[1] !== undefined || match[2] !== undefined)) {
		return (Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)) * 60_000;
	}
	return undefined;
}

/** Splits a comma-separated part only when every piece looks like a full name ("A B, C D"). */
function splitOnCommas(part: string): string[] {
	const pieces = part
		.split(',')
		.map((p) => p.trim())
		.filter(Boolean);
	// "Lovelace, Ada" or "Ada Lovelace, PhD" would be mangled by a blind split.
	return pieces.length > 1 && pieces.every((p) => /\s/.test(p)) ? pieces : [part];
}

/**
 * Splits a free-text speaker list into names. Separators: `;`, `|`, line breaks, ` & `, ` + `,
 * ` / `, ` and `, and `,` when every comma-separated piece is a full name (so "Lovelace, Ada" stays
 * one name). Names are trimmed and de-duplicated in order.
 */
export function splitNames(text: string | undefined): string[] {
	if (text === undefined) return [];
	const names: string[] = [];
	for (const part of text.split(/\s*(?:[;|\n\r]+|\s&\s|\s\+\s|\s\/\s|,?\s+and\s+)\s*/i)) {
		const cleaned = part.replace(/^[\s,]+|[\s,]+$/g, '');
		if (cleaned) names.push(...splitOnCommas(cleaned));
	}
	return uniqueNames(names);
}

/** Trims, drops empties and removes repeats while keeping the first spelling and order. */
export function uniqueNames(names: Iterable<string | undefined>): string[] {
	const seen = new Set<string>();
	const result: string[] = [];
	for (const raw of names) {
		const name = singleLine(raw);
		if (name === undefined) continue;
		const key = name.toLowerCase();
		if (seen.has(key)) continue;
		seen.add(key);
		result.push(name);
	}
	return result;
}

const BREAK_TYPE = /\b(?:break|lunch|coffee|pause|breakfast|dinner|snacks?|recess)\b/i;
const BREAK_TITLE =
	/^(?:(?:morning|afternoon|evening|short|long|extended|comfort|coffee|tea|lunch|networking)\s+)*(?:break|lunch|coffee|breakfast|dinner|pause|kaffeepause|mittagspause|snacks?)(?:\s+break)?(?:\s*(?:&|and|\+|with|\/)\s*(?:networking|snacks?|coffee|drinks|refreshments|exhibition|expo|posters?))?$/;

/**
 * Whether a session is a break (coffee, lunch …) judging by its type or title. Titles must be only
 * break words ("Coffee break", "Lunch & networking", "☕ Break (30 min)") so that talks such as
 * "Breaking the monolith" are not caught.
 */
export function looksLikeBreak(title: string | undefined, type?: string): boolean {
	if (type !== undefined && BREAK_TYPE.test(type)) return true;
	if (title === undefined) return false;
	const words = title
		.toLowerCase()
		.replace(/\([^)]*\)/g, ' ')
		.replace(/[^\p{L}\p{N}&+/ ]+/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return BREAK_TITLE.test(words);
}

/** Keeps only absolute http(s) links, so a `javascript:` URL in a file never reaches the UI. */
export function safeUrl(text: string | undefined): string | undefined {
	const value = text?.trim();
	return value && /^https?:\/\/[^\s<>"]+$/i.test(value) ? value : undefined;
}
