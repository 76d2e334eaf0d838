/**
 * Sessions of an event as stored: agenda import (preview, then one transaction), sessions added
 * or edited by hand, stars for "My agenda", and which session was on when the user met someone.
 * IndexedDB only, so all of it works offline.
 */
import { db, newId, nowIso, type SessionRow } from '$lib/db';
import { planImport, type ImportPlan } from './import-plan';
import type { ScheduleImport } from './types';

/** A session that ended this recently still counts as "where we met" (people talk after a talk). */
export const GRACE_AFTER_END_MS = 15 * 60 * 1000;

/**
 * The session in progress at `at` for an event, else the one that ended within the last 15
 * minutes (the most recently ended). Breaks are skipped when a talk also matches. Undefined when
 * none matches or the event has no agenda. Offline: reads IndexedDB only.
 */
export async function sessionAt(eventId: string, at: string): Promise<SessionRow | undefined> {
	const time = new Date(at).getTime();
	const from = new Date(time - 24 * 60 * 60 * 1000).toISOString();
	const candidates = await db.sessions
		.where('[eventId+start]')
		.between([eventId, from], [eventId, at], true, true)
		.toArray();
	const running = candidates.filter((s) => new Date(s.end).getTime() > time);
	const pick = (list: SessionRow[]) => list.find((s) => !s.isBreak) ?? list[0];
	if (running.length) return pick(running.sort((a, b) => b.start.localeCompare(a.start)));
	const recent = candidates
		.filter((s) => time - new Date(s.end).getTime() <= GRACE_AFTER_END_MS)
		.sort((a, b) => b.end.localeCompare(a.end));
	return pick(recent);
}

/** An event's sessions in time order. */
export function sessionsOf(eventId: string): Promise<SessionRow[]> {
	return db.sessions.where('[eventId+start]').between([eventId, ''], [eventId, '\uffff']).toArray();
}

/**
 * Works out what importing `imported` into an event would change, without writing anything (the
 * preview). Throws when the event no longer exists.
 */
export async function previewImport(
	eventId: string,
	imported: ScheduleImport
): Promise<ImportPlan> {
	return db.transaction('r', [db.events, db.sessions, db.contacts], async () => {
		const event = await db.events.get(eventId);
		if (!event) throw new Error('This event no longer exists.');
		const existing = await db.sessions.where('eventId').equals(eventId).toArray();
		const linked = new Set(
			(await db.contacts.where('eventId').equals(eventId).toArray()).flatMap((c) =>
				c.sessionId ? [c.sessionId] : []
			)
		);
		return planImport({
			eventId,
			timeZone: event.timeZone,
			imported,
			existing,
			linked,
			makeId: newId,
			now: nowIso()
		});
	});
}

/** Writes a previewed import in one transaction: all of it, or (on any failure) none of it. */
export async function applyImport(plan: ImportPlan): Promise<void> {
	await db.transaction('rw', [db.sessions], async () => {
		if (plan.put.length) await db.sessions.bulkPut(plan.put);
		if (plan.remove.length) await db.sessions.bulkDelete(plan.remove);
	});
}

export interface SessionInput {
	title: string;
	start: string;
	end: string;
	room?: string;
	track?: string;
	speakers?: string[];
	abstract?: string;
	isBreak?: boolean;
}

/** Thrown when a hand-made session is incomplete; nothing is written. */
export class SessionValidationError extends Error {
	override name = 'SessionValidationError';
}

function checkSession(input: SessionInput): void {
	if (!input.title.trim()) throw new SessionValidationError('Give the session a title.');
	if (Number.isNaN(Date.parse(input.start)))
		throw new SessionValidationError('Choose when the session starts.');
	if (Number.isNaN(Date.parse(input.end)))
		throw new SessionValidationError('Choose when the session ends.');
	if (input.end < input.start)
		throw new SessionValidationError('The session ends before it starts.');
}

function fromInput(input: SessionInput) {
	const opt = (v?: string) => v?.trim() || undefined;
	return {
		title: input.title.trim(),
		start: new Date(input.start).toISOString(),
		end: new Date(input.end).toISOString(),
		room: opt(input.room),
		track: opt(input.track),
		speakers: (input.speakers ?? []).map((s) => s.trim()).filter(Boolean),
		abstract: opt(input.abstract),
		isBreak: input.isBreak || undefined
	};
}

/** Adds a session by hand to an event. Throws SessionValidationError on incomplete input. */
export async function addSession(eventId: string, input: SessionInput): Promise<SessionRow> {
	checkSession(input);
	const at = nowIso();
	const row: SessionRow = {
		id: newId(),
		eventId,
		...fromInput(input),
		createdAt: at,
		updatedAt: at
	};
	await db.sessions.add(row);
	return row;
}

/** Edits a session (imported or hand-made); its id, source and star are kept. */
export async function updateSession(id: string, input: SessionInput): Promise<SessionRow> {
	checkSession(input);
	return db.transaction('rw', [db.sessions], async () => {
		const existing = await db.sessions.get(id);
		if (!existing) throw new Error('This session no longer exists.');
		const row: SessionRow = { ...existing, ...fromInput(input), updatedAt: nowIso() };
		await db.sessions.put(row);
		return row;
	});
}

/** Stars or unstars a session for "My agenda". */
export async function setStarred(id: string, starred: boolean): Promise<void> {
	await db.sessions.update(id, { starred: starred || undefined });
}

/** One session, or undefined. */
export function getSession(id: string): Promise<SessionRow | undefined> {
	return db.sessions.get(id);
}
