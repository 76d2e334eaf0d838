/**
 * iCalendar (RFC 5545) agenda reader. ical.js does the syntax work (unfolding, unescaping, value
 * types, RRULE expansion); zone arithmetic is done here, because ical.js ships no tz database and
 * its own VTIMEZONE evaluation resolves fall-back overlaps to the later occurrence, whereas Hallway
 * wants the earlier one everywhere. A file's VTIMEZONE rules are evaluated per import (nothing is
 * registered in ical.js's global TimezoneService, so one file's definitions never leak into the
 * next import); a TZID without a VTIMEZONE is resolved through Intl when it names an IANA zone.
 */

import ICAL from 'ical.js';
import { capitalize, type ImportContext, type SessionDraft } from './context';
import { htmlToText } from './html-text';
import { ScheduleError, type ScheduleImport } from './types';
import { asText, checkedWallClock, looksLikeBreak, splitNames } from './values';
import {
	isValidTimeZone,
	normalizeTimeZone,
	resolveWallClock,
	wallClockMs,
	zonedWallClockToUtcMs
} from './zoned-time';

type Component = ICAL.Component;
type Time = ICAL.Time;

const DAY_MS = 86_400_000;
/** Conference agendas repeat a handful of times; an open-ended RRULE must not flood the app. */
const MAX_OCCURRENCES = 200;
const MAX_RECURRENCE_SPAN_MS = 400 * DAY_MS;

/** Outlook writes Windows zone names as TZIDs; the usual conference locations are mapped. */
const WINDOWS_ZONES = new Map<string, string>([
	['w. europe standard time', 'Europe/Berlin'],
	['romance standard time', 'Europe/Paris'],
	['central europe standard time', 'Europe/Budapest'],
	['central european standard time', 'Europe/Warsaw'],
	['gmt standard time', 'Europe/London'],
	['greenwich standard time', 'Atlantic/Reykjavik'],
	['gtb standard time', 'Europe/Bucharest'],
	['fle standard time', 'Europe/Kiev'],
	['e. europe standard time', 'Europe/Chisinau'],
	['russian standard time', 'Europe/Moscow'],
	['turkey standard time', 'Europe/Istanbul'],
	['israel standard time', 'Asia/Jerusalem'],
	['arabian standard time', 'Asia/Dubai'],
	['india standard time', 'Asia/Kolkata'],
	['singapore standard time', 'Asia/Singapore'],
	['china standard time', 'Asia/Shanghai'],
	['tokyo standard time', 'Asia/Tokyo'],
	['korea standard time', 'Asia/Seoul'],
	['aus eastern standard time', 'Australia/Sydney'],
	['new zealand standard time', 'Pacific/Auckland'],
	['eastern standard time', 'America/New_York'],
	['central standard time', 'America/Chicago'],
	['mountain standard time', 'America/Denver'],
	['us mountain standard time', 'America/Phoenix'],
	['pacific standard time', 'America/Los_Angeles'],
	['atlantic standard time', 'America/Halifax'],
	['e. south america standard time', 'America/Sao_Paulo'],
	['utc', 'UTC'],
	['coordinated universal time', 'UTC']
]);

/** How the times of one property are to be read. */
type ZoneRef = { kind: 'utc' } | { kind: 'floating' } | { kind: 'tzid'; tzid: string };

/** First value of a property parameter, which ical.js returns as a string or a list. */
function param(prop: ICAL.Property, name: string): string | undefined {
	const value = prop.getParameter(name);
	const first: unknown = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}

function textValue(component: Component, name: string): string | undefined {
	const value = component.getFirstPropertyValue(name);
	return typeof value === 'string' ? value : undefined;
}

/** The wall-clock reading of an ical.js time, or undefined when its parts are nonsense. */
function wallClockOf(time: Time): number | undefined {
	return checkedWallClock(time.year, time.month, time.day, time.hour, time.minute, time.second);
}

function timeValue(prop: ICAL.Property | null): Time | undefined {
	const value = prop?.getFirstValue();
	return value instanceof ICAL.Time ? value : undefined;
}

/** Maps a TZID to an IANA zone: the name itself, an IANA suffix of a prefixed name, or Windows. */
function ianaFromTzid(tzid: string): string | undefined {
	const cleaned = tzid.trim().replace(/^"|"$/g, '');
	const segments = cleaned.split('/').filter(Boolean);
	// "/mozilla.org/20050126_1/Europe/Berlin" and "/Europe/Berlin" carry an IANA name at the end.
	for (let i = 0; i < segments.length; i++) {
		const candidate = normalizeTimeZone(segments.slice(i).join('/'));
		if (candidate !== undefined) return candidate;
	}
	return WINDOWS_ZONES.get(cleaned.toLowerCase());
}

interface Transition {
	atMs: number;
	offsetMs: number;
}

/**
 * A file's VTIMEZONE as an "offset at instant" function. Each STANDARD/DAYLIGHT observance
 * contributes its onsets (DTSTART, RDATEs and RRULE occurrences, all in the local time in force
 * before the change); they are expanded lazily up to the years actually asked about.
 */
class VTimezoneRules {
	private transitions: Transition[] = [];
	private initialOffsetMs = 0;
	private coveredUntilYear = Number.NEGATIVE_INFINITY;

	constructor(private readonly component: Component) {}

	/** Whether the component has at least one complete STANDARD/DAYLIGHT observance. */
	get usable(): boolean {
		return this.component.getAllSubcomponents().some((observance) => {
			if (observance.name !== 'standard' && observance.name !== 'daylight') return false;
			try {
				return (
					observance.getFirstPropertyValue('tzoffsetfrom') instanceof ICAL.UtcOffset &&
					observance.getFirstPropertyValue('tzoffsetto') instanceof ICAL.UtcOffset &&
					timeValue(observance.getFirstProperty('dtstart')) !== undefined
				);
			} catch {
				return false;
			}
		});
	}

	offsetAt(utcMs: number): number {
		const year = new Date(utcMs).getUTCFullYear();
		if (year + 1 > this.coveredUntilYear) this.expand(year + 2);
		let low = 0;
		let high = this.transitions.length - 1;
		let found = -1;
		while (low <= high) {
			const mid = (low + high) >> 1;
			if (this.transitions[mid]!.atMs <= utcMs) {
				found = mid;
				low = mid + 1;
			} else {
				high = mid - 1;
			}
		}
		return found === -1 ? this.initialOffsetMs : this.transitions[found]!.offsetMs;
	}

	private expand(untilYear: number): void {
		const onsets: { atMs: number; fromMs: number; toMs: number }[] = [];
		for (const observance of this.component.getAllSubcomponents()) {
			if (observance.name !== 'standard' && observance.name !== 'daylight') continue;
			try {
				this.expandObservance(observance, untilYear, onsets);
			} catch {
				// A broken observance is ignored; if nothing usable remains the TZID falls back to Intl.
			}
		}
		onsets.sort((a, b) => a.atMs - b.atMs);
		this.initialOffsetMs = onsets[0]?.fromMs ?? 0;
		this.transitions = onsets.map(({ atMs, toMs }) => ({ atMs, offsetMs: toMs }));
		this.coveredUntilYear = untilYear;
	}

	private expandObservance(
		observance: Component,
		untilYear: number,
		onsets: { atMs: number; fromMs: number; toMs: number }[]
	): void {
		const from = observance.getFirstPropertyValue('tzoffsetfrom');
		const to = observance.getFirstPropertyValue('tzoffsetto');
		const start = timeValue(observance.getFirstProperty('dtstart'));
		if (!(from instanceof ICAL.UtcOffset) || !(to instanceof ICAL.UtcOffset) || !start) return;
		const fromMs = from.toSeconds() * 1000;
		const toMs = to.toSeconds() * 1000;
		const startLocal = wallClockOf(start);
		if (startLocal === undefined) return;
		onsets.push({ atMs: startLocal - fromMs, fromMs, toMs });

		for (const prop of observance.getAllProperties('rdate')) {
			for (const value of prop.getValues()) {
				const time: unknown = value instanceof ICAL.Period ? value.start : value;
				if (!(time instanceof ICAL.Time)) continue;
				const local = time.isDate
					? wallClockMs(time.year, time.month, time.day) +
						(((startLocal % DAY_MS) + DAY_MS) % DAY_MS)
					: wallClockOf(time);
				if (local === undefined) continue;
				const isUtc = !time.isDate && time.zone === ICAL.Timezone.utcTimezone;
				onsets.push({ atMs: isUtc ? local : local - fromMs, fromMs, toMs });
			}
		}

		const rule = observance.getFirstPropertyValue('rrule');
		if (!(rule instanceof ICAL.Recur)) return;
		// UNTIL is compared by hand: ical.js would compare a UTC UNTIL against local onsets.
		const copy = rule.clone();
		const until = copy.until;
		copy.until = null;
		let untilMs = Number.POSITIVE_INFINITY;
		if (until) {
			const untilLocal = wallClockOf(until);
			if (untilLocal !== undefined) {
				untilMs = until.zone === ICAL.Timezone.utcTimezone ? untilLocal : untilLocal - fromMs;
			}
		}
		const iterator = copy.iterator(start.clone());
		for (let n = 0, occurrence = iterator.next(); occurrence && n < 5000; n++) {
			if (occurrence.year > untilYear) break;
			const local = wallClockOf(occurrence);
			if (local !== undefined) {
				if (local - fromMs > untilMs) break;
				// DTSTART was already added above.
				if (local !== startLocal) onsets.push({ atMs: local - fromMs, fromMs, toMs });
			}
			occurrence = iterator.next();
		}
	}
}

/** Turns ical.js parser failures into messages a person can act on. */
function unreadable(error: unknown): ScheduleError {
	const detail = error instanceof Error ? error.message : '';
	const line = /"([^"]{1,60})/.exec(detail)?.[1];
	const what = /did not end/.test(detail)
		? 'it ends in the middle of an entry (was the download cut off?)'
		: line
			? `the line "${line}" is not valid iCalendar`
			: 'it is not valid iCalendar';
	return new ScheduleError(`This calendar file can't be read: ${what}.`, { cause: error });
}

const PROPERTY_LINE = /^[A-Za-z0-9-]+[;:]/;
const STRUCTURE_LINE = /^(?:BEGIN|END):/i;

interface Repaired {
	text: string;
	note: string;
}

/** Text split over raw line breaks without folding: the stray lines rejoin the value above. */
function joinUnfoldedText(text: string): Repaired | undefined {
	const joined: string[] = [];
	let changed = false;
	for (const line of text.split(/\r\n|\n|\r/)) {
		const previous = joined[joined.length - 1];
		const stray = line !== '' && !PROPERTY_LINE.test(line) && !/^[ \t]/.test(line);
		if (
			stray &&
			previous !== undefined &&
			PROPERTY_LINE.test(previous) &&
			!STRUCTURE_LINE.test(previous)
		) {
			joined[joined.length - 1] = `${previous}\\n${line}`;
			changed = true;
		} else {
			joined.push(line);
		}
	}
	if (!changed) return undefined;
	return {
		text: joined.join('\r\n'),
		note: 'Some text in the file was split over several lines without proper folding; it was joined back together.'
	};
}

/** Lines ical.js cannot read at all (a garbled parameter or RRULE) are dropped one by one. */
function dropUnreadableLines(text: string): Repaired | undefined {
	const logical: { line: string; number: number }[] = [];
	text.split(/\r\n|\n|\r/).forEach((line, index) => {
		const last = logical[logical.length - 1];
		if (/^[ \t]/.test(line) && last) last.line += line.slice(1);
		else logical.push({ line, number: index + 1 });
	});
	const kept: string[] = [];
	const dropped: number[] = [];
	for (const { line, number } of logical) {
		if (line === '' || STRUCTURE_LINE.test(line)) {
			kept.push(line);
			continue;
		}
		try {
			ICAL.parse.property(line);
			kept.push(line);
		} catch {
			dropped.push(number);
		}
	}
	if (dropped.length === 0) return undefined;
	const shown = dropped.slice(0, 5).join(', ') + (dropped.length > 5 ? ' …' : '');
	return {
		text: kept.join('\r\n'),
		note:
			dropped.length === 1
				? `Line ${shown} of the calendar file can't be read and was ignored.`
				: `Lines ${shown} of the calendar file can't be read and were ignored.`
	};
}

/** A file cut off mid-entry keeps every entry up to the last complete one. */
function closeTruncatedFile(text: string): Repaired | undefined {
	let lastEnd = -1;
	const endMarker = /END:VEVENT/gi;
	for (let found = endMarker.exec(text); found; found = endMarker.exec(text)) {
		lastEnd = found.index + found[0].length;
	}
	if (lastEnd === -1 || /END:VCALENDAR\s*$/i.test(text)) return undefined;
	return {
		text: `${text.slice(0, lastEnd)}\r\nEND:VCALENDAR\r\n`,
		note: 'The file ends in the middle of an entry (was the download cut off?); the incomplete part was ignored.'
	};
}

/** Tried in order, each at most once, only after ical.js has rejected the file. */
const REPAIRS = [joinUnfoldedText, dropUnreadableLines, closeTruncatedFile];

/**
 * ical.js crashes on an END line that closes nothing; finding it first gives a precise message.
 */
function checkNesting(text: string): void {
	let depth = 0;
	let lineNumber = 0;
	for (const line of text.split(/\r\n|\n|\r/)) {
		lineNumber++;
		if (/^BEGIN:/i.test(line)) depth++;
		else if (/^END:/i.test(line)) {
			depth--;
			if (depth < 0) {
				throw new ScheduleError(
					`This calendar file can't be read: "${line.slice(0, 40)}" on line ${lineNumber} closes a block that was never opened.`
				);
			}
		}
	}
}

function parseCalendars(text: string, ctx: ImportContext): Component[] {
	let source = text;
	if (/^BEGIN:VEVENT/i.test(source.trimStart())) {
		source = `BEGIN:VCALENDAR\r\n${source.trim()}\r\nEND:VCALENDAR\r\n`;
	}
	checkNesting(source);
	let parsed: unknown;
	let firstError: unknown;
	let nextRepair = 0;
	for (;;) {
		try {
			parsed = ICAL.parse(source);
			break;
		} catch (error) {
			firstError ??= error;
			let fixed: Repaired | undefined;
			while (!fixed && nextRepair < REPAIRS.length) fixed = REPAIRS[nextRepair++]!(source);
			if (!fixed) throw unreadable(firstError);
			source = fixed.text;
			ctx.warn(fixed.note);
		}
	}
	if (!Array.isArray(parsed)) throw unreadable(firstError);
	const roots: unknown[] = typeof parsed[0] === 'string' ? [parsed] : parsed;
	return roots
		.filter((root): root is unknown[] => Array.isArray(root) && root[0] === 'vcalendar')
		.map((root) => new ICAL.Component(root));
}

const SPEAKER_LINE =
	/^[ \t•*-]*(?:speakers?|presenters?|presented by|hosts?|hosted by|moderators?|moderated by|panell?ists?|facilitators?|referent(?:in|en|innen)?|sprecher(?:in|innen)?)[ \t]*:[ \t]*(.+)$/gim;

/** Pulls "Speakers: A, B" lines out of a description; the rest becomes the abstract. */
function speakersFromDescription(description: string): { speakers: string[]; rest: string } {
	const speakers: string[] = [];
	const rest = description.replace(SPEAKER_LINE, (_line, names: string) => {
		speakers.push(...splitNames(names));
		return '';
	});
	return { speakers, rest };
}

class IcsReader {
	private readonly vtimezones = new Map<string, VTimezoneRules>();
	private readonly resolvers = new Map<string, (localMs: number) => number>();
	/** Zone for floating times, when the calendar states one (X-WR-TIMEZONE). */
	private readonly floatingZone: string | undefined;
	/** Zones the events actually used, to report the agenda's zone when the file names none. */
	private readonly usedZones = new Set<string>();
	private ordinal = 0;

	constructor(
		private readonly ctx: ImportContext,
		private readonly calendars: Component[]
	) {
		for (const calendar of calendars) {
			for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
				const tzid = textValue(vtimezone, 'tzid')?.trim();
				// ical.js's own zone lookup crashes on a VTIMEZONE without TZID; it defines nothing anyway.
				if (!tzid) {
					calendar.removeSubcomponent(vtimezone);
					continue;
				}
				const rules = new VTimezoneRules(vtimezone);
				if (!this.vtimezones.has(tzid) && rules.usable) this.vtimezones.set(tzid, rules);
			}
		}
		const stated = this.calendarText('x-wr-timezone')?.trim();
		this.floatingZone = stated === undefined ? undefined : ianaFromTzid(stated);
		if (stated !== undefined && this.floatingZone === undefined) {
			ctx.warn(`The calendar's time zone "${stated}" isn't recognised, so it was ignored.`);
		}
	}

	private calendarText(name: string): string | undefined {
		for (const calendar of this.calendars) {
			const value = asText(textValue(calendar, name));
			if (value !== undefined) return value;
		}
		return undefined;
	}

	read(): ScheduleImport {
		const events = this.calendars.flatMap((calendar) => calendar.getAllSubcomponents('vevent'));
		if (events.length === 0) {
			throw new ScheduleError(
				'This file has no sessions: the iCalendar file contains no VEVENT entries.'
			);
		}
		// Overrides of single occurrences (RECURRENCE-ID) belong to the series with the same UID.
		const overrides = new Map<string, Component[]>();
		const masters: Component[] = [];
		for (const event of events) {
			const uid = asText(textValue(event, 'uid'));
			if (uid !== undefined && event.hasProperty('recurrence-id')) {
				const list = overrides.get(uid) ?? [];
				list.push(event);
				overrides.set(uid, list);
			} else {
				masters.push(event);
			}
		}
		for (const master of masters) {
			const uid = asText(textValue(master, 'uid'));
			const own = uid === undefined ? [] : (overrides.get(uid) ?? []);
			if (uid !== undefined) overrides.delete(uid);
			if (master.hasProperty('rrule') || master.hasProperty('rdate')) {
				this.guarded(master, (where) => this.readSeries(master, own, where));
			} else {
				this.guarded(master, (where) => this.readSingle(master, where));
				// Overrides of an event that doesn't repeat still describe real sessions.
				for (const override of own)
					this.guarded(override, (where) => this.readOverride(override, where));
			}
		}
		// Overrides whose series is missing from the file are kept as ordinary sessions.
		for (const orphans of overrides.values()) {
			for (const orphan of orphans)
				this.guarded(orphan, (where) => this.readOverride(orphan, where));
		}
		return this.ctx.finish(
			'ics',
			{
				title: this.calendarText('x-wr-calname') ?? this.calendarText('name'),
				timeZone: this.reportedZone()
			},
			'This file has no sessions: the iCalendar file contains no VEVENT entries.'
		);
	}

	private reportedZone(): string | undefined {
		if (this.floatingZone !== undefined) return this.floatingZone;
		if (this.usedZones.size !== 1) return undefined;
		const [only] = this.usedZones;
		return only;
	}

	/** ical.js parses values lazily, so a bad value surfaces here; it costs one entry, not the file. */
	private guarded(event: Component, read: (where: string) => void): void {
		this.ordinal++;
		const where = `entry ${this.ordinal} of the calendar`;
		try {
			read(where);
		} catch (error) {
			if (error instanceof ScheduleError) throw error;
			let title: string | undefined;
			try {
				title = asText(textValue(event, 'summary'));
			} catch {
				title = undefined;
			}
			this.ctx.skip(`${this.nameOf(title, where)} has a value that can't be read; it was skipped.`);
		}
	}

	private zoneRef(time: Time, prop: ICAL.Property): ZoneRef {
		if (time.zone === ICAL.Timezone.utcTimezone) return { kind: 'utc' };
		const tzid = param(prop, 'tzid');
		return tzid === undefined ? { kind: 'floating' } : { kind: 'tzid', tzid };
	}

	private toUtcMs(localMs: number, zone: ZoneRef): number {
		if (zone.kind === 'utc') return localMs;
		if (zone.kind === 'floating') {
			if (this.floatingZone !== undefined) return zonedWallClockToUtcMs(localMs, this.floatingZone);
			return this.ctx.wallClockToUtcMs(localMs);
		}
		return this.resolver(zone.tzid)(localMs);
	}

	private resolver(tzid: string): (localMs: number) => number {
		let resolve = this.resolvers.get(tzid);
		if (resolve) return resolve;
		const rules = this.vtimezones.get(tzid);
		const iana = ianaFromTzid(tzid);
		if (iana !== undefined) this.usedZones.add(iana);
		if (rules) {
			resolve = (localMs) => resolveWallClock(localMs, (utcMs) => rules.offsetAt(utcMs));
		} else if (iana !== undefined && isValidTimeZone(iana)) {
			resolve = (localMs) => zonedWallClockToUtcMs(localMs, iana);
		} else {
			const fallback = this.ctx.fallbackZone();
			this.ctx.warn(
				`The time zone "${tzid}" isn't recognised and the file doesn't define it; times in it were read in ${fallback}.`
			);
			resolve = (localMs) => this.ctx.wallClockToUtcMs(localMs);
		}
		this.resolvers.set(tzid, resolve);
		return resolve;
	}

	/** Instant of a DATE-TIME property, or undefined when absent, all-day or unreadable. */
	private instantOf(prop: ICAL.Property | null): number | undefined {
		const time = timeValue(prop);
		if (!prop || !time || time.isDate) return undefined;
		const local = wallClockOf(time);
		return local === undefined ? undefined : this.toUtcMs(local, this.zoneRef(time, prop));
	}

	/** Text fields shared by single events, series and overrides. */
	private describe(event: Component): SessionDraft {
		const title = textValue(event, 'summary');
		const categories = event
			.getAllProperties('categories')
			.flatMap((prop): unknown[] => prop.getValues())
			.map((value) => asText(value))
			.filter((value): value is string => value !== undefined);
		const description = textValue(event, 'description');
		const { speakers, rest } = speakersFromDescription(htmlToText(description ?? ''));
		for (const attendee of event.getAllProperties('attendee')) {
			if (param(attendee, 'role')?.toUpperCase() === 'CHAIR') {
				const name = param(attendee, 'cn');
				if (name !== undefined) speakers.push(name);
			}
		}
		return {
			externalId: asText(textValue(event, 'uid')),
			title,
			room: textValue(event, 'location'),
			track: categories[0],
			speakers,
			abstract: rest,
			isBreak: looksLikeBreak(title, categories.join(' ')),
			url: textValue(event, 'url')
		};
	}

	private isCancelled(event: Component): boolean {
		return textValue(event, 'status')?.trim().toUpperCase() === 'CANCELLED';
	}

	/** Adds one event that does not repeat. */
	private readSingle(event: Component, where: string, externalId?: string): void {
		const draft = this.describe(event);
		if (externalId !== undefined) draft.externalId = externalId;
		const name = this.nameOf(draft.title, where);
		if (this.isCancelled(event)) {
			this.ctx.skip(`${name} was cancelled; it was skipped.`);
			return;
		}
		const startProp = event.getFirstProperty('dtstart');
		const start = timeValue(startProp);
		if (start?.isDate) {
			this.ctx.skip(`${name} is an all-day entry, not a timed session; it was skipped.`);
			return;
		}
		draft.startMs = this.instantOf(startProp);
		if (draft.startMs !== undefined && start && startProp) {
			draft.endMs = this.endOf(
				event,
				wallClockOf(start)!,
				draft.startMs,
				this.zoneRef(start, startProp)
			);
		}
		this.ctx.add(draft, where, false);
	}

	/**
	 * End of an occurrence starting at `startLocal`/`startMs`. DTEND gives the exact length of the
	 * first occurrence (RFC 5545 applies that exact duration to every occurrence); DURATION adds
	 * its days on the wall clock and its hours/minutes as elapsed time; neither means the event
	 * ends when it starts.
	 */
	private endOf(event: Component, startLocal: number, startMs: number, zone: ZoneRef): number {
		const endProp = event.getFirstProperty('dtend');
		const firstStart = this.instantOf(event.getFirstProperty('dtstart'));
		const firstEnd = this.instantOf(endProp);
		if (firstEnd !== undefined && firstStart !== undefined)
			return startMs + (firstEnd - firstStart);
		const duration = event.getFirstPropertyValue('duration');
		if (duration instanceof ICAL.Duration) {
			const sign = duration.isNegative ? -1 : 1;
			const days = duration.weeks * 7 + duration.days;
			const exact = (duration.hours * 3600 + duration.minutes * 60 + duration.seconds) * 1000;
			const dayStart = days === 0 ? startMs : this.toUtcMs(startLocal + sign * days * DAY_MS, zone);
			return dayStart + sign * exact;
		}
		return startMs;
	}

	private nameOf(title: string | undefined, where: string): string {
		const line = title?.replace(/\s+/g, ' ').trim();
		return line ? `${capitalize(where)} ("${line}")` : capitalize(where);
	}

	/** An override whose series is absent or does not repeat: kept with an occurrence-specific id. */
	private readOverride(override: Component, where: string): void {
		const uid = asText(textValue(override, 'uid'));
		const recurrenceMs = this.instantOf(override.getFirstProperty('recurrence-id'));
		const id =
			uid !== undefined && recurrenceMs !== undefined
				? `${uid}#${new Date(recurrenceMs).toISOString()}`
				: uid;
		this.readSingle(override, where, id);
	}

	/** Expands a repeating event (RRULE/RDATE, minus EXDATEs, with RECURRENCE-ID overrides). */
	private readSeries(master: Component, overrides: Component[], where: string): void {
		const base = this.describe(master);
		const name = this.nameOf(base.title, where);
		const startProp = master.getFirstProperty('dtstart');
		const start = timeValue(startProp);
		if (this.isCancelled(master)) {
			this.ctx.skip(`${name} was cancelled; it was skipped.`);
			return;
		}
		if (!start || !startProp) {
			this.ctx.add(base, where);
			return;
		}
		if (start.isDate) {
			this.ctx.skip(`${name} is an all-day entry, not a timed session; it was skipped.`);
			return;
		}
		const zone = this.zoneRef(start, startProp);
		const series = new ICAL.Event(master, { exceptions: overrides, strictExceptions: false });
		const iterator = series.iterator();
		let firstMs: number | undefined;
		let count = 0;
		let steps = 0;
		for (let occurrence = iterator.next(); occurrence; occurrence = iterator.next()) {
			// Occurrences with impossible dates are not counted, so bound the walk itself too.
			if (++steps > MAX_OCCURRENCES * 5) break;
			const local = wallClockOf(occurrence);
			if (local === undefined) continue;
			const occurrenceMs = this.toUtcMs(local, zone);
			firstMs ??= occurrenceMs;
			if (count >= MAX_OCCURRENCES || occurrenceMs - firstMs > MAX_RECURRENCE_SPAN_MS) {
				this.ctx.warn(
					`${name} repeats too often; only its first ${count} occurrences were imported.`
				);
				break;
			}
			count++;
			const uid = base.externalId;
			const id = uid === undefined ? undefined : `${uid}#${new Date(occurrenceMs).toISOString()}`;
			const item = series.getOccurrenceDetails(occurrence).item;
			const override = item.component === master ? undefined : item.component;
			if (override && this.isCancelled(override)) {
				// Named by its wall-clock time as the file writes it, which is what people recognise.
				const when = new Date(local).toISOString().slice(0, 16).replace('T', ' ');
				this.ctx.skip(`${name} on ${when} was cancelled; it was skipped.`);
				continue;
			}
			if (override && this.instantOf(override.getFirstProperty('recurrence-id')) === occurrenceMs) {
				// The override restates this occurrence completely, times included.
				this.readSingle(override, where, id);
				continue;
			}
			const draft: SessionDraft = {
				...(override ? this.describe(override) : base),
				externalId: id,
				startMs: occurrenceMs,
				endMs: this.endOf(master, local, occurrenceMs, zone)
			};
			this.ctx.add(draft, where, false);
		}
	}
}

/**
 * Reads an iCalendar agenda. All-day entries and cancelled events are skipped with a warning;
 * repeating events are expanded (up to 200 occurrences within 400 days).
 *
 * @throws ScheduleError when the text is not readable iCalendar or holds no usable VEVENT
 */
export function parseIcs(text: string, ctx: ImportContext): ScheduleImport {
	const calendars = parseCalendars(text, ctx);
	if (calendars.length === 0) {
		throw new ScheduleError(
			"This calendar file can't be read: it has no BEGIN:VCALENDAR … END:VCALENDAR block."
		);
	}
	return new IcsReader(ctx, calendars).read();
}
