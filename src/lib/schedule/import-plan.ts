/**
 * What importing an agenda into an event would change, worked out before anything is written:
 * the preview shows it, and applying it writes exactly this. Pure.
 *
 * Sessions are matched by the file's external id, else by title and start time, so a re-import
 * of an updated agenda updates sessions in place and every contact keeps its link to its session.
 */
import type { SessionRow } from '$lib/db/types';
import type { ImportedSession, ScheduleImport } from './types';

export interface ImportPlan {
	format: ScheduleImport['format'];
	/** Rows to write: new ones and updated ones (ids kept). */
	put: SessionRow[];
	added: number;
	updated: number;
	unchanged: number;
	/** Sessions of the event that are not in the file and nobody met anyone at: removed. */
	remove: string[];
	/** Sessions not in the file but linked to a contact: kept, so nothing the user saved breaks. */
	keptLinked: number;
	days: string[];
	rooms: string[];
	warnings: string[];
}

function matchKey(s: { title: string; start: string }): string {
	return `${s.title.trim().toLowerCase()}\u0000${s.start}`;
}

const FIELDS = ['title', 'start', 'end', 'room', 'track', 'abstract', 'isBreak', 'url'] as const;

function sameContent(row: SessionRow, next: SessionRow): boolean {
	return (
		FIELDS.every((f) => (row[f] ?? undefined) === (next[f] ?? undefined)) &&
		row.speakers.join('\u0000') === next.speakers.join('\u0000')
	);
}

/** Calendar days (YYYY-MM-DD) in a zone, for the preview. */
function dayOf(iso: string, timeZone: string): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(new Date(iso));
}

/**
 * Plans an import of `imported` into the event `eventId`, whose sessions are `existing`.
 * `linked` holds the ids of sessions a contact points at. `makeId` and `now` are injected so the
 * plan is deterministic in tests. Never throws.
 */
export function planImport(input: {
	eventId: string;
	timeZone: string;
	imported: ScheduleImport;
	existing: SessionRow[];
	linked: Set<string>;
	makeId: () => string;
	now: string;
}): ImportPlan {
	const { eventId, imported, existing, linked } = input;
	const byExternal = new Map<string, SessionRow>();
	const byKey = new Map<string, SessionRow>();
	for (const row of existing) {
		if (row.externalId) byExternal.set(row.externalId, row);
		byKey.set(matchKey(row), row);
	}
	const seen = new Set<string>();
	const put: SessionRow[] = [];
	let added = 0;
	let updated = 0;
	let unchanged = 0;

	for (const session of imported.sessions) {
		const match =
			(session.externalId ? byExternal.get(session.externalId) : undefined) ??
			byKey.get(matchKey(session));
		if (match && seen.has(match.id)) continue;
		const row = toRow(session, {
			id: match?.id ?? input.makeId(),
			eventId,
			format: imported.format,
			createdAt: match?.createdAt ?? input.now,
			now: input.now,
			starred: match?.starred
		});
		if (match) {
			seen.add(match.id);
			if (sameContent(match, row) && match.externalId === row.externalId) {
				unchanged++;
				continue;
			}
			updated++;
		} else {
			added++;
		}
		put.push(row);
	}

	const missing = existing.filter((row) => !seen.has(row.id) && row.source?.format);
	const remove = missing.filter((row) => !linked.has(row.id)).map((row) => row.id);
	return {
		format: imported.format,
		put,
		added,
		updated,
		unchanged,
		remove,
		keptLinked: missing.length - remove.length,
		days: [...new Set(imported.sessions.map((s) => dayOf(s.start, input.timeZone)))].sort(),
		rooms: [...new Set(imported.sessions.flatMap((s) => (s.room ? [s.room] : [])))].sort(),
		warnings: imported.warnings
	};
}

function toRow(
	session: ImportedSession,
	meta: {
		id: string;
		eventId: string;
		format: string;
		createdAt: string;
		now: string;
		starred?: boolean;
	}
): SessionRow {
	const row: SessionRow = {
		id: meta.id,
		eventId: meta.eventId,
		title: session.title,
		start: session.start,
		end: session.end,
		speakers: session.speakers,
		source: {
			format: meta.format,
			...(session.externalId ? { externalId: session.externalId } : {})
		},
		createdAt: meta.createdAt,
		updatedAt: meta.now
	};
	if (session.externalId) row.externalId = session.externalId;
	if (session.room) row.room = session.room;
	if (session.track) row.track = session.track;
	if (session.abstract) row.abstract = session.abstract;
	if (session.isBreak) row.isBreak = true;
	if (session.url) row.url = session.url;
	if (meta.starred) row.starred = true;
	return row;
}
