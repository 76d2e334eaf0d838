/**
 * Sessionize reader: the "All" export (`/view/All`: sessions, speakers, rooms and categories as
 * separate lists joined by id) and, as a courtesy, the "Sessions" export (sessions grouped, with
 * speakers and room inlined) and the "Schedule grid" export (days → rooms → sessions).
 *
 * Sessionize writes local times without an offset (`2026-10-31T09:00:00`) and states no zone, so
 * those are read in the caller's zone and the import is marked floating; explicit offsets win.
 */

import type { ImportContext, SessionDraft } from './context';
import { htmlToText } from './html-text';
import type { ScheduleImport } from './types';
import {
	asArray,
	asId,
	asRecord,
	asText,
	looksLikeBreak,
	parseIsoDateTime,
	type JsonRecord
} from './values';

/** Category titles whose items are the session's track. */
const TRACK_CATEGORY = /^(?:tracks?|topics?)$/i;

/** Whether parsed JSON is a Sessionize "All" export. */
export function isSessionizeAll(value: unknown): boolean {
	const root = asRecord(value);
	return (
		root !== undefined &&
		Array.isArray(root.sessions) &&
		(Array.isArray(root.speakers) || Array.isArray(root.rooms) || Array.isArray(root.categories))
	);
}

/** Whether parsed JSON is a Sessionize "Sessions" (grouped) or "Schedule grid" export. */
export function isSessionizeGrouped(value: unknown): boolean {
	if (!Array.isArray(value) || value.length === 0) return false;
	return value.every((item) => {
		const group = asRecord(item);
		if (!group) return false;
		if (Array.isArray(group.sessions)) return 'groupName' in group || 'groupId' in group;
		return (
			Array.isArray(group.rooms) &&
			group.rooms.every((room) => Array.isArray(asRecord(room)?.sessions))
		);
	});
}

function nameOfSpeaker(record: JsonRecord): string | undefined {
	const full = asText(record.fullName) ?? asText(record.name);
	if (full !== undefined) return full;
	const parts = [asText(record.firstName), asText(record.lastName)].filter(Boolean);
	return parts.length > 0 ? parts.join(' ') : undefined;
}

/** Lookup tables of the "All" export, keyed by id as text (ids are numbers or UUIDs). */
interface Lookups {
	speakers: Map<string, string>;
	rooms: Map<string, string>;
	trackItems: Map<string, string>;
}

function buildLookups(root: JsonRecord): Lookups {
	const speakers = new Map<string, string>();
	for (const item of asArray(root.speakers)) {
		const record = asRecord(item);
		const id = asId(record?.id);
		const name = record ? nameOfSpeaker(record) : undefined;
		if (id !== undefined && name !== undefined) speakers.set(id, name);
	}
	const rooms = new Map<string, string>();
	for (const item of asArray(root.rooms)) {
		const record = asRecord(item);
		const id = asId(record?.id);
		const name = asText(record?.name);
		if (id !== undefined && name !== undefined) rooms.set(id, name);
	}
	const trackItems = new Map<string, string>();
	for (const item of asArray(root.categories)) {
		const category = asRecord(item);
		if (!TRACK_CATEGORY.test(asText(category?.title) ?? asText(category?.name) ?? '')) continue;
		for (const entry of asArray(category?.items)) {
			const record = asRecord(entry);
			const id = asId(record?.id);
			const name = asText(record?.name);
			if (id !== undefined && name !== undefined) trackItems.set(id, name);
		}
	}
	return { speakers, rooms, trackItems };
}

function speakersOf(session: JsonRecord, lookups: Lookups): string[] {
	const names: string[] = [];
	for (const entry of asArray(session.speakers)) {
		const record = asRecord(entry);
		// "All" lists speaker ids; the grouped exports inline { id, name }.
		const name = record ? nameOfSpeaker(record) : lookups.speakers.get(asId(entry) ?? '');
		if (name !== undefined) names.push(name);
	}
	return names;
}

function trackOf(session: JsonRecord, lookups: Lookups): string | undefined {
	for (const id of asArray(session.categoryItems)) {
		const track = lookups.trackItems.get(asId(id) ?? '');
		if (track !== undefined) return track;
	}
	// The grouped exports inline categories with their chosen items.
	for (const item of asArray(session.categories)) {
		const category = asRecord(item);
		if (!TRACK_CATEGORY.test(asText(category?.name) ?? asText(category?.title) ?? '')) continue;
		const chosen = asRecord(asArray(category?.categoryItems)[0]);
		const name = asText(chosen?.name);
		if (name !== undefined) return name;
	}
	return undefined;
}

function instantOf(text: unknown, ctx: ImportContext): number | undefined {
	const parsed = parseIsoDateTime(asText(text));
	if (!parsed || parsed.dateOnly) return undefined;
	if (parsed.offsetMs !== undefined) return parsed.localMs - parsed.offsetMs;
	return ctx.wallClockToUtcMs(parsed.localMs);
}

function readSessions(
	sessions: { session: JsonRecord; room?: string }[],
	lookups: Lookups,
	ctx: ImportContext
): void {
	const seen = new Set<string>();
	let ordinal = 0;
	for (const { session, room } of sessions) {
		ordinal++;
		const id = asId(session.id);
		// The grid export repeats plenum sessions once per room.
		if (id !== undefined) {
			if (seen.has(id)) continue;
			seen.add(id);
		}
		const title = asText(session.title);
		const where = `session ${id ?? ordinal}`;
		const startMs = instantOf(session.startsAt, ctx);
		if (
			startMs === undefined &&
			(session.startsAt === null || session.startsAt === undefined) &&
			title !== undefined
		) {
			ctx.skip(
				`Session ${id ?? ordinal} ("${title}") isn't scheduled yet (no start time); it was skipped.`
			);
			continue;
		}
		const draft: SessionDraft = {
			externalId: id,
			title,
			startMs,
			endMs: instantOf(session.endsAt, ctx),
			room: lookups.rooms.get(asId(session.roomId) ?? '') ?? asText(session.room) ?? room,
			track: trackOf(session, lookups),
			speakers: speakersOf(session, lookups),
			abstract: htmlToText(asText(session.description) ?? ''),
			isBreak: session.isServiceSession === true || looksLikeBreak(title)
		};
		ctx.add(draft, where);
	}
}

/**
 * Reads a Sessionize export (already parsed JSON): "All", "Sessions" or "Schedule grid".
 *
 * @throws ScheduleError when it holds no usable session
 */
export function parseSessionize(value: unknown, ctx: ImportContext): ScheduleImport {
	const sessions: { session: JsonRecord; room?: string }[] = [];
	let lookups: Lookups = { speakers: new Map(), rooms: new Map(), trackItems: new Map() };
	const root = asRecord(value);
	if (root) {
		lookups = buildLookups(root);
		for (const item of asArray(root.sessions)) {
			const session = asRecord(item);
			if (session) sessions.push({ session });
		}
	} else {
		for (const item of asArray(value)) {
			const group = asRecord(item);
			for (const entry of asArray(group?.sessions)) {
				const session = asRecord(entry);
				if (session) sessions.push({ session });
			}
			for (const roomItem of asArray(group?.rooms)) {
				const room = asRecord(roomItem);
				for (const entry of asArray(room?.sessions)) {
					const session = asRecord(entry);
					if (session) sessions.push({ session, room: asText(room?.name) });
				}
			}
		}
	}
	readSessions(sessions, lookups, ctx);
	return ctx.finish('sessionize', {}, 'This file has no sessions: the Sessionize export is empty.');
}
