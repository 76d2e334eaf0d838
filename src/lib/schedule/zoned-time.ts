/**
 * Wall-clock ↔ instant conversion for IANA time zones, built only on Intl.DateTimeFormat so it
 * runs unchanged in Node and in the browser (no tz database is bundled).
 *
 * Agenda files mostly state local times ("09:30 in Berlin"); turning them into UTC instants has to
 * be exact on the two days a year when the local clock jumps. The rules used everywhere in Hallway:
 * a local time that does not exist (skipped by a spring-forward gap) moves forward by the length
 * of the gap, and a local time that happens twice (fall-back overlap) means the first, earlier
 * occurrence. These match Temporal's `disambiguation: 'compatible'`.
 */

const DAY_MS = 86_400_000;

/** Intl formatters are costly to build (~tens of µs); agenda imports convert thousands of times. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			// h23 avoids engines that print midnight as "24".
			hourCycle: 'h23',
			era: 'short',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/**
 * Milliseconds since the epoch for a wall-clock reading treated as if it were UTC (month 1–12).
 * Out-of-range parts roll over as with Date.UTC; never throws. Date.UTC maps years 0–99 onto
 * 1900–1999, so those take the slow path.
 */
export function wallClockMs(
	year: number,
	month: number,
	day: number,
	hour = 0,
	minute = 0,
	second = 0,
	millisecond = 0
): number {
	if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	date.setUTCHours(hour, minute, second, millisecond);
	return date.getTime();
}

/** The offset straight from Intl (about 8 µs a call). */
function intlOffsetMs(utcMs: number, timeZone: string): number {
	// Intl prints whole seconds; comparing against the truncated instant keeps the offset exact.
	const wholeSecond = utcMs - (((utcMs % 1000) + 1000) % 1000);
	let year = 0;
	let month = 1;
	let day = 1;
	let hour = 0;
	let minute = 0;
	let second = 0;
	let beforeCommonEra = false;
	for (const part of formatterFor(timeZone).formatToParts(wholeSecond)) {
		switch (part.type) {
			case 'year':
				year = Number(part.value);
				break;
			case 'month':
				month = Number(part.value);
				break;
			case 'day':
				day = Number(part.value);
				break;
			case 'hour':
				hour = Number(part.value) % 24;
				break;
			case 'minute':
				minute = Number(part.value);
				break;
			case 'second':
				second = Number(part.value);
				break;
			case 'era':
				beforeCommonEra = /^b/i.test(part.value);
				break;
		}
	}
	if (beforeCommonEra) year = 1 - year;
	return wallClockMs(year, month, day, hour, minute, second) - wholeSecond;
}

const HOUR_MS = 3_600_000;
/** Per zone: UTC hour index → the offset throughout that hour, or null if it changes within it. */
const hourOffsets = new Map<string, Map<number, number | null>>();
const HOUR_CACHE_LIMIT = 50_000;

/**
 * The zone's UTC offset in milliseconds at an instant (positive east of Greenwich).
 *
 * @param utcMs - instant in epoch milliseconds
 * @param timeZone - a zone name that {@link isValidTimeZone} accepts
 * @throws RangeError when the zone is unknown to the JavaScript engine
 */
export function timeZoneOffsetMs(utcMs: number, timeZone: string): number {
	// Large agendas convert thousands of times that fall in a few dozen hours. An hour whose two
	// ends share an offset has that offset throughout (no zone changes twice within an hour), so
	// it is answered from the cache; only hours containing a transition go to Intl every time.
	let hours = hourOffsets.get(timeZone);
	if (!hours || hours.size > HOUR_CACHE_LIMIT) {
		hours = new Map();
		hourOffsets.set(timeZone, hours);
	}
	const hour = Math.floor(utcMs / HOUR_MS);
	let offset = hours.get(hour);
	if (offset === undefined) {
		const atStart = intlOffsetMs(hour * HOUR_MS, timeZone);
		offset = atStart === intlOffsetMs((hour + 1) * HOUR_MS, timeZone) ? atStart : null;
		hours.set(hour, offset);
	}
	return offset ?? intlOffsetMs(utcMs, timeZone);
}

/**
 * Resolves a wall-clock reading to an instant given any "offset at instant" function, applying
 * Hallway's gap/overlap rules (see the file header). Shared by the Intl path and by the iCalendar
 * parser, which evaluates a file's own VTIMEZONE rules.
 *
 * @param localMs - the wall-clock reading as from {@link wallClockMs}
 * @param offsetAt - returns the zone's UTC offset in ms at a given instant
 * @returns the instant in epoch milliseconds
 */
export function resolveWallClock(localMs: number, offsetAt: (utcMs: number) => number): number {
	// Offsets a day either side bracket any single transition near this reading; the offset at the
	// reading itself catches zones whose offset changes twice within that window.
	const before = offsetAt(localMs - DAY_MS);
	const after = offsetAt(localMs + DAY_MS);
	const around = offsetAt(localMs);
	let earliest = Number.POSITIVE_INFINITY;
	for (const offset of new Set([before, around, after])) {
		const candidate = localMs - offset;
		if (offsetAt(candidate) === offset && candidate < earliest) earliest = candidate;
	}
	if (earliest !== Number.POSITIVE_INFINITY) return earliest;
	// No offset reproduces this reading: it lies in a gap. Reading it with the offset in force
	// before the jump lands the same distance past the jump, i.e. moves it forward by the gap.
	return localMs - before;
}

/**
 * Whether the JavaScript engine knows a time zone name (IANA names such as `Europe/Berlin`, plus
 * aliases such as `UTC`). Never throws.
 *
 * @param timeZone - any value; non-strings and empty strings are rejected
 */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
	if (typeof timeZone !== 'string' || timeZone.trim() === '' || timeZone.length > 100) {
		return false;
	}
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

/**
 * Returns a zone name with the spelling the engine uses (`europe/berlin` → `Europe/Berlin`), or
 * undefined when the zone is unknown. Deliberately keeps the caller's alias (`Asia/Kolkata` stays
 * `Asia/Kolkata`, where some engines would report the legacy `Asia/Calcutta`).
 *
 * @param timeZone - any value; never throws
 */
export function normalizeTimeZone(timeZone: unknown): string | undefined {
	if (typeof timeZone !== 'string') return undefined;
	const trimmed = timeZone.trim();
	if (!isValidTimeZone(trimmed)) return undefined;
	const resolved = formatterFor(trimmed).resolvedOptions().timeZone;
	return resolved.toLowerCase() === trimmed.toLowerCase() ? resolved : trimmed;
}

/**
 * The device's zone from Intl, or `UTC` when the engine does not report a usable one. Never throws.
 */
export function deviceTimeZone(): string {
	try {
		const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
		return isValidTimeZone(zone) ? zone : 'UTC';
	} catch {
		return 'UTC';
	}
}

const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * Converts a wall-clock time in a zone to a UTC instant.
 *
 * Accepts `YYYY-MM-DDTHH:MM`, `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DDTHH:MM:SS.sss` (a space instead
 * of `T` is tolerated) without any offset. A time skipped by a spring-forward gap is moved forward
 * by the gap (Berlin 2026-03-29 02:30 → 01:30Z, i.e. 03:30 local); a time that occurs twice in a
 * fall-back overlap resolves to its first occurrence (New York 2026-11-01 01:30 → 05:30Z).
 *
 * @param localIso - the wall-clock reading
 * @param timeZone - an IANA zone name such as `Europe/Berlin`
 * @returns the instant in `Date.prototype.toISOString` form, e.g. `2026-03-29T00:30:00.000Z`
 * @throws RangeError when the reading is malformed or impossible (month 13, 30 February …) or the
 *   zone is unknown
 */
export function zonedTimeToUtc(localIso: string, timeZone: string): string {
	const match = LOCAL_ISO.exec(localIso.trim());
	if (!match) {
		throw new RangeError(`Invalid local date-time "${localIso}": expected YYYY-MM-DDTHH:MM[:SS].`);
	}
	const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(match[i]));
	const second = Number(match[6] ?? 0);
	const millisecond = Number((match[7] ?? '0').padEnd(3, '0'));
	const localMs = wallClockMs(year!, month!, day!, hour, minute, second, millisecond);
	const check = new Date(localMs);
	if (
		hour! > 23 ||
		minute! > 59 ||
		second > 59 ||
		check.getUTCMonth() !== month! - 1 ||
		check.getUTCDate() !== day
	) {
		throw new RangeError(`Invalid local date-time "${localIso}": no such date or time.`);
	}
	if (!isValidTimeZone(timeZone)) {
		throw new RangeError(`Unknown time zone "${String(timeZone)}".`);
	}
	return new Date(zonedWallClockToUtcMs(localMs, timeZone)).toISOString();
}

/**
 * {@link zonedTimeToUtc} for callers that already hold a wall-clock reading in milliseconds.
 *
 * @param localMs - wall-clock reading as from {@link wallClockMs}
 * @param timeZone - a zone name that {@link isValidTimeZone} accepts
 * @throws RangeError when the zone is unknown
 */
export function zonedWallClockToUtcMs(localMs: number, timeZone: string): number {
	return resolveWallClock(localMs, (utcMs) => timeZoneOffsetMs(utcMs, timeZone));
}

/**
 * The wall-clock time in a zone at an instant, as `YYYY-MM-DDTHH:MM:SS` (the inverse of
 * {@link zonedTimeToUtc} outside the ambiguous hour).
 *
 * @param instant - a Date, epoch milliseconds, or any string `Date` parses (ISO 8601 recommended)
 * @param timeZone - an IANA zone name
 * @throws RangeError when the instant is invalid or the zone is unknown
 */
export function utcToZonedTime(instant: Date | number | string, timeZone: string): string {
	const utcMs = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
	if (!Number.isFinite(utcMs)) throw new RangeError(`Invalid instant "${String(instant)}".`);
	if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${String(timeZone)}".`);
	const local = new Date(utcMs + timeZoneOffsetMs(utcMs, timeZone));
	return local.toISOString().slice(0, 19);
}
