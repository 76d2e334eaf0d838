/**
 * Sessions of an event as stored. For now: which session was on when the user met someone.
 */
import { db, type SessionRow } from '$lib/db';

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
