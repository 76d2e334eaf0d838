/**
 * frab / pretalx schedule reader, for both `schedule.xml` and `schedule.json`. The two carry the
 * same fields, so each is first mapped onto one neutral shape and converted by a single routine.
 *
 * Times: an event's `date` (ISO with offset) is the authoritative start instant. Without it, the
 * day's date and the event's `start` (HH:MM) are combined in the conference zone; frab days run
 * from `day_change` (default 04:00) to just before it on the next morning, so a start earlier than
 * `day_change` belongs to the following calendar date.
 */

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ImportContext, SessionDraft } from './context';
import { htmlToText } from './html-text';
import { ScheduleError, type ScheduleFormat, type ScheduleImport } from './types';
import {
	asArray,
	asRecord,
	asText,
	looksLikeBreak,
	parseDuration,
	parseIsoDateTime,
	type JsonRecord
} from './values';
import { normalizeTimeZone } from './zoned-time';

const DAY_MS = 86_400_000;
const DEFAULT_DAY_CHANGE_MS = 4 * 3_600_000;

interface FrabEvent {
	id?: string;
	guid?: string;
	date?: string;
	start?: string;
	duration?: string;
	room?: string;
	title?: string;
	subtitle?: string;
	track?: string;
	type?: string;
	abstract?: string;
	description?: string;
	persons: string[];
	url?: string;
}

interface FrabDay {
	date?: string;
	/** Each event with the name of the room it was listed under. */
	events: { event: FrabEvent; room?: string }[];
}

interface FrabSchedule {
	title?: string;
	timeZoneName?: string;
	dayChange?: string;
	days: FrabDay[];
}

/** `HH:MM[:SS]` as milliseconds after midnight, or undefined. */
function clockMs(text: string | undefined): number | undefined {
	const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text?.trim() ?? '');
	if (!match) return undefined;
	const [hours, minutes, seconds] = [match[1], match[2], match[3]].map((v) => Number(v ?? 0));
	if (hours! > 23 || minutes! > 59 || seconds! > 59) return undefined;
	return (hours! * 3600 + minutes! * 60 + seconds!) * 1000;
}

/** Joins the descriptive fields into one plain-text abstract, dropping repeats. */
function abstractOf(event: FrabEvent): string {
	const parts: string[] = [];
	for (const field of [event.subtitle, event.abstract, event.description]) {
		const text = field === undefined ? '' : htmlToText(field);
		if (text && !parts.includes(text)) parts.push(text);
	}
	return parts.join('\n\n');
}

function convert(
	schedule: FrabSchedule,
	format: ScheduleFormat,
	ctx: ImportContext
): ScheduleImport {
	const zone = normalizeTimeZone(schedule.timeZoneName);
	if (schedule.timeZoneName !== undefined && zone === undefined) {
		ctx.warn(
			`The schedule's time zone "${schedule.timeZoneName}" isn't recognised, so it was ignored.`
		);
	}
	const dayChangeMs = clockMs(schedule.dayChange) ?? DEFAULT_DAY_CHANGE_MS;
	let ordinal = 0;
	for (const day of schedule.days) {
		const dayDate = parseIsoDateTime(day.date);
		for (const { event, room } of day.events) {
			ordinal++;
			const where = `event ${event.id ?? event.guid ?? ordinal}`;
			const draft: SessionDraft = {
				externalId: event.guid ?? event.id,
				title: event.title,
				room: event.room ?? room,
				track: event.track,
				speakers: event.persons,
				abstract: abstractOf(event),
				isBreak: looksLikeBreak(event.title, event.type),
				url: event.url
			};
			const stated = parseIsoDateTime(event.date);
			if (stated && !stated.dateOnly) {
				draft.startMs =
					stated.offsetMs === undefined
						? ctx.wallClockToUtcMs(stated.localMs, zone)
						: stated.localMs - stated.offsetMs;
			} else {
				const midnight = (stated ?? dayDate)?.localMs;
				const time = clockMs(event.start);
				if (midnight !== undefined && time !== undefined) {
					const dayStart = Math.floor(midnight / DAY_MS) * DAY_MS;
					const local = dayStart + time + (time < dayChangeMs ? DAY_MS : 0);
					draft.startMs = ctx.wallClockToUtcMs(local, zone);
				}
			}
			const duration = parseDuration(event.duration);
			if (draft.startMs !== undefined && duration !== undefined) {
				draft.endMs = draft.startMs + duration;
			}
			ctx.add(draft, where);
		}
	}
	return ctx.finish(
		format,
		{ title: schedule.title, timeZone: zone },
		'This file has no sessions: the schedule contains no events.'
	);
}

// ---------------------------------------------------------------------------------------------
// XML

/** Entity decoding is done here rather than by the parser: XML's own five and numeric references. */
function decodeXml(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(
		/&(?:#(\d{1,8})|#x([0-9a-fA-F]{1,7})|(amp|lt|gt|quot|apos));/g,
		(whole, dec?: string, hex?: string, name?: string) => {
			if (name !== undefined) {
				return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name] ?? whole;
			}
			const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
			const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
			return valid ? String.fromCodePoint(code) : '\uFFFD';
		}
	);
}

/** Collects every text value below a node (raw, unescaped HTML inside an abstract ends up here). */
function collectText(node: unknown, out: string[]): void {
	if (typeof node === 'string') out.push(node);
	else if (Array.isArray(node)) for (const item of node) collectText(item, out);
	else {
		const record = asRecord(node);
		if (!record) return;
		for (const [key, value] of Object.entries(record)) {
			if (!key.startsWith('@_')) collectText(value, out);
		}
	}
}

/** The text content of an element as fast-xml-parser represents it; undefined when empty. */
function xmlText(node: unknown): string | undefined {
	if (node === undefined || node === null) return undefined;
	if (typeof node === 'string') return asText(decodeXml(node));
	if (Array.isArray(node)) return xmlText(node[0]);
	const parts: string[] = [];
	collectText(node, parts);
	return asText(decodeXml(parts.join(' ')));
}

function xmlAttr(node: JsonRecord | undefined, name: string): string | undefined {
	const value = node?.[`@_${name}`];
	return typeof value === 'string' ? asText(decodeXml(value)) : undefined;
}

function xmlEvent(node: JsonRecord): FrabEvent {
	const persons = asArray(asRecord(node.persons)?.person)
		.map(xmlText)
		.filter((name): name is string => name !== undefined);
	return {
		id: xmlAttr(node, 'id') ?? xmlText(node.id),
		guid: xmlAttr(node, 'guid') ?? xmlText(node.guid),
		date: xmlText(node.date),
		start: xmlText(node.start),
		duration: xmlText(node.duration),
		room: xmlText(node.room),
		title: xmlText(node.title),
		subtitle: xmlText(node.subtitle),
		track: xmlText(node.track),
		type: xmlText(node.type),
		abstract: xmlText(node.abstract),
		description: xmlText(node.description),
		persons,
		url: xmlText(node.url)
	};
}

/** Single elements must still come back as arrays, or a one-room day would lose its shape. */
function isListElement(name: string, path: unknown): boolean {
	const jpath = typeof path === 'string' ? path : '';
	if (name === 'event' || name === 'person') return true;
	if (name === 'day') return jpath === 'schedule.day';
	if (name === 'room') return jpath.endsWith('day.room');
	return false;
}

/**
 * Reads a frab / pretalx `schedule.xml`.
 *
 * @throws ScheduleError when the XML is malformed, is not a frab schedule, or holds no usable event
 */
export function parseFrabXml(text: string, ctx: ImportContext): ScheduleImport {
	const valid = XMLValidator.validate(text);
	if (valid !== true) {
		throw new ScheduleError(
			`This XML file can't be read: ${valid.err.msg.replace(/\.$/, '')} (line ${valid.err.line}).`
		);
	}
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@_',
		parseTagValue: false,
		parseAttributeValue: false,
		// Entities are decoded by decodeXml: DOCTYPE entity expansion is never wanted here.
		processEntities: false,
		ignoreDeclaration: true,
		ignorePiTags: true,
		isArray: (name, path) => isListElement(name, path)
	});
	let parsed: unknown;
	try {
		parsed = parser.parse(text);
	} catch (error) {
		throw new ScheduleError("This XML file can't be read: it is not well-formed.", {
			cause: error
		});
	}
	const root = asRecord(parsed);
	const schedule = asRecord(root?.schedule);
	if (!schedule) {
		const element = Object.keys(root ?? {}).find(
			(key) => !key.startsWith('?') && !key.startsWith('#')
		);
		throw new ScheduleError(
			`This XML file isn't a pretalx/frab schedule: its main element is <${element ?? '?'}>, expected <schedule>.`
		);
	}
	const conference = asRecord(schedule.conference);
	const dayNodes = asArray(schedule.day);
	if (!conference && dayNodes.length === 0) {
		throw new ScheduleError(
			"This XML file isn't a pretalx/frab schedule: it has no <conference> or <day> elements."
		);
	}
	const days: FrabDay[] = dayNodes.map((dayNode) => {
		const day = asRecord(dayNode);
		const events: FrabDay['events'] = [];
		for (const roomNode of asArray(day?.room)) {
			const room = asRecord(roomNode);
			const roomName = xmlAttr(room, 'name');
			for (const eventNode of asArray(room?.event)) {
				const event = asRecord(eventNode);
				if (event) events.push({ event: xmlEvent(event), room: roomName });
			}
		}
		return { date: xmlAttr(day, 'date'), events };
	});
	return convert(
		{
			title: xmlText(conference?.title),
			timeZoneName: xmlText(conference?.time_zone_name),
			dayChange: xmlText(conference?.day_change),
			days
		},
		'frab-xml',
		ctx
	);
}

// ---------------------------------------------------------------------------------------------
// JSON

/** Whether parsed JSON has the frab / pretalx schedule shape (with or without the wrapper). */
export function isFrabJson(value: unknown): boolean {
	const root = asRecord(value);
	const schedule = asRecord(root?.schedule) ?? root;
	const conference = asRecord(schedule?.conference);
	return (
		conference !== undefined && (Array.isArray(conference.days) || Array.isArray(schedule?.days))
	);
}

function jsonEvent(node: JsonRecord): FrabEvent {
	const persons = asArray(node.persons)
		.map((person) => {
			const record = asRecord(person);
			if (!record) return asText(person);
			return asText(record.public_name) ?? asText(record.name) ?? asText(record.full_public_name);
		})
		.filter((name): name is string => name !== undefined);
	// Some generators write the track as an object.
	const track = asText(node.track) ?? asText(asRecord(node.track)?.name);
	return {
		id: asText(node.id),
		guid: asText(node.guid),
		date: asText(node.date),
		start: asText(node.start),
		duration: asText(node.duration),
		room: asText(node.room),
		title: asText(node.title),
		subtitle: asText(node.subtitle),
		track,
		type: asText(node.type),
		abstract: asText(node.abstract),
		description: asText(node.description),
		persons,
		url: asText(node.url)
	};
}

/** A day's rooms: pretalx writes `{ "Room A": [events] }`, some generators a list of rooms. */
function roomsOf(day: JsonRecord): [string | undefined, unknown[]][] {
	if (Array.isArray(day.rooms)) {
		return day.rooms.map((room) => {
			const record = asRecord(room);
			return [asText(record?.name), asArray(record?.events)];
		});
	}
	return Object.entries(asRecord(day.rooms) ?? {}).map(([name, events]) => [
		asText(name),
		asArray(events)
	]);
}

/**
 * Reads a frab / pretalx `schedule.json` (already parsed), with or without the top-level
 * `schedule` wrapper.
 *
 * @throws ScheduleError when it holds no usable event
 */
export function parseFrabJson(value: unknown, ctx: ImportContext): ScheduleImport {
	const root = asRecord(value) ?? {};
	const schedule = asRecord(root.schedule) ?? root;
	const conference = asRecord(schedule.conference) ?? {};
	const days: FrabDay[] = asArray(conference.days ?? schedule.days).map((dayNode) => {
		const day = asRecord(dayNode) ?? {};
		const events: FrabDay['events'] = [];
		for (const [room, list] of roomsOf(day)) {
			for (const eventNode of list) {
				const event = asRecord(eventNode);
				if (event) events.push({ event: jsonEvent(event), room });
			}
		}
		return { date: asText(day.date), events };
	});
	return convert(
		{
			title: asText(conference.title),
			timeZoneName: asText(conference.time_zone_name ?? schedule.time_zone_name),
			dayChange: asText(conference.day_change),
			days
		},
		'frab-json',
		ctx
	);
}
