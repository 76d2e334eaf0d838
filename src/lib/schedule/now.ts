/**
 * What is on now, what just ended and what is next, for the Agenda strip and Today. Pure: the
 * clock is passed in.
 */
import type { SessionRow } from '$lib/db/types';

export interface NowNext {
	/** Sessions in progress (talks before breaks, then by start). */
	now: SessionRow[];
	/** The session that ended most recently within the last 30 minutes (a talk over a break). */
	justEnded?: SessionRow;
	/** The sessions starting next (all that share the earliest upcoming start time). */
	next: SessionRow[];
}

const JUST_ENDED_MS = 30 * 60 * 1000;

/** Did `a` end after `b`? On a tie, a talk beats a break: it is what people talk about. */
function later(a: SessionRow, b: SessionRow): boolean {
	if (a.end !== b.end) return a.end > b.end;
	return !a.isBreak && !!b.isBreak;
}

/** Splits sessions around `at` (ISO). Sessions may be in any order. */
export function nowAndNext(sessions: SessionRow[], at: string): NowNext {
	const time = Date.parse(at);
	const now: SessionRow[] = [];
	const upcoming: SessionRow[] = [];
	let justEnded: SessionRow | undefined;
	for (const s of sessions) {
		const start = Date.parse(s.start);
		const end = Date.parse(s.end);
		if (start <= time && time < end) now.push(s);
		else if (start > time) upcoming.push(s);
		else if (time - end <= JUST_ENDED_MS && (!justEnded || later(s, justEnded))) justEnded = s;
	}
	now.sort((a, b) => Number(!!a.isBreak) - Number(!!b.isBreak) || a.start.localeCompare(b.start));
	upcoming.sort((a, b) => a.start.localeCompare(b.start));
	const first = upcoming[0]?.start;
	return { now, justEnded, next: upcoming.filter((s) => s.start === first) };
}
