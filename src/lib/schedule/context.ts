/**
 * The state one import accumulates while a format reader walks a file: warnings, the fallback
 * zone for floating times, and the sessions found so far. It also applies the rules every format
 * shares (trimmed titles, sane end times, unique ids, sorting) so the readers stay about syntax.
 */

import { asText, safeUrl, singleLine, uniqueNames } from './values';
import {
	ScheduleError,
	type ImportedSession,
	type ParseScheduleOptions,
	type ScheduleFormat,
	type ScheduleImport
} from './types';
import { deviceTimeZone, normalizeTimeZone, zonedWallClockToUtcMs } from './zoned-time';

/** Enough for a person to read; the rest are counted so a huge broken file stays usable. */
const MAX_WARNINGS = 100;

/** Instants outside years 1000–9999 have no plain `toISOString` form and are typos anyway. */
const MIN_MS = Date.UTC(1000, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

/** A session as a reader found it, before the shared rules are applied. */
export interface SessionDraft {
	externalId?: string;
	title?: string;
	startMs?: number;
	endMs?: number;
	room?: string;
	track?: string;
	speakers?: string[];
	abstract?: string;
	isBreak?: boolean;
	url?: string;
}

interface Collected {
	session: ImportedSession;
	startMs: number;
}

export interface ScheduleMeta {
	title?: string;
	timeZone?: string;
}

/** Upper-cases the first letter so a location such as "line 3 of the CSV" can open a sentence. */
export function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Collects one import's sessions and warnings. Readers call {@link ImportContext.add} per entry
 * and {@link ImportContext.finish} once; only `finish` throws (ScheduleError, when nothing usable
 * was found).
 */
export class ImportContext {
	private readonly warningList: string[] = [];
	private readonly warningSet = new Set<string>();
	private hiddenWarnings = 0;
	private readonly collected: Collected[] = [];
	private readonly idCounts = new Map<string, number>();
	private skippedCount = 0;
	private firstProblem: string | undefined;
	private fallback: string | undefined;
	/** Set once any time was read in the fallback zone. */
	floating = false;

	constructor(private readonly options: ParseScheduleOptions) {}

	/** Records a plain-language note; repeats of the same note are dropped. */
	warn(message: string): void {
		if (this.warningSet.has(message)) return;
		this.warningSet.add(message);
		if (this.warningList.length < MAX_WARNINGS) this.warningList.push(message);
		else this.hiddenWarnings++;
	}

	/** Records that an entry could not be used, and why. */
	skip(message: string): void {
		this.skippedCount++;
		this.firstProblem ??= message;
		this.warn(message);
	}

	/** The zone for times the file leaves floating: options.timeZone, else the device zone. */
	fallbackZone(): string {
		if (this.fallback === undefined) {
			const requested = this.options.timeZone;
			const normalized = normalizeTimeZone(requested);
			if (requested !== undefined && normalized === undefined) {
				this.fallback = deviceTimeZone();
				this.warn(
					`The time zone "${requested}" isn't recognised; times without a zone were read in ${this.fallback}.`
				);
			} else {
				this.fallback = normalized ?? deviceTimeZone();
			}
		}
		return this.fallback;
	}

	/**
	 * Converts a wall-clock reading to an instant. With a zone the file stated, that zone is used;
	 * without one the fallback zone is, and the import is marked floating.
	 */
	wallClockToUtcMs(localMs: number, statedZone?: string): number {
		if (statedZone !== undefined) return zonedWallClockToUtcMs(localMs, statedZone);
		this.floating = true;
		return zonedWallClockToUtcMs(localMs, this.fallbackZone());
	}

	/**
	 * Applies the shared rules and keeps the session, or skips it with a warning.
	 *
	 * @param where - how to name the entry when it has no usable title, e.g. "line 4 of the CSV"
	 * @param missingEndNote - whether a missing end deserves a warning (iCalendar defines it)
	 */
	add(draft: SessionDraft, where: string, missingEndNote = true): void {
		const title = singleLine(draft.title);
		const name = title === undefined ? capitalize(where) : `${capitalize(where)} ("${title}")`;
		if (title === undefined) {
			this.skip(`${name} has no title; it was skipped.`);
			return;
		}
		const { startMs } = draft;
		if (startMs === undefined || Number.isNaN(startMs)) {
			this.skip(`${name} has no start time; it was skipped.`);
			return;
		}
		if (startMs < MIN_MS || startMs > MAX_MS) {
			this.skip(`${name} has an impossible start date; it was skipped.`);
			return;
		}
		let endMs = draft.endMs;
		if (endMs === undefined || Number.isNaN(endMs)) {
			if (missingEndNote)
				this.warn(`${name} has no end time; it is shown as ending when it starts.`);
			endMs = startMs;
		} else if (endMs < startMs) {
			this.warn(`${name} ends before it starts; its end was set to its start.`);
			endMs = startMs;
		} else if (endMs > MAX_MS) {
			this.warn(`${name} has an impossible end date; its end was set to its start.`);
			endMs = startMs;
		}

		const session: ImportedSession = {
			title,
			start: new Date(startMs).toISOString(),
			end: new Date(endMs).toISOString(),
			speakers: uniqueNames(draft.speakers ?? [])
		};
		const externalId = asText(draft.externalId);
		if (externalId !== undefined) session.externalId = this.uniqueId(externalId, name);
		const room = singleLine(draft.room);
		if (room !== undefined) session.room = room;
		const track = singleLine(draft.track);
		if (track !== undefined) session.track = track;
		const abstract = draft.abstract?.trim();
		if (abstract) session.abstract = abstract;
		if (draft.isBreak) session.isBreak = true;
		const url = safeUrl(draft.url);
		if (url !== undefined) session.url = url;
		this.collected.push({ session, startMs });
	}

	/** Re-imports match sessions by id, so two sessions must never share one. */
	private uniqueId(id: string, name: string): string {
		const seen = this.idCounts.get(id) ?? 0;
		this.idCounts.set(id, seen + 1);
		if (seen === 0) return id;
		const renamed = `${id}#${seen + 1}`;
		this.warn(`${name} repeats the id "${id}" of an earlier session; it was given "${renamed}".`);
		return renamed;
	}

	/** Number of sessions kept so far. */
	get sessionCount(): number {
		return this.collected.length;
	}

	/**
	 * Produces the result, or throws when nothing usable was found.
	 *
	 * @param emptyMessage - the error to throw when the file contains no entries at all
	 * @throws ScheduleError when no session was kept
	 */
	finish(format: ScheduleFormat, meta: ScheduleMeta, emptyMessage: string): ScheduleImport {
		if (this.collected.length === 0) {
			if (this.firstProblem === undefined) throw new ScheduleError(emptyMessage);
			const others = this.skippedCount - 1;
			const more =
				others > 0
					? ` ${others} other ${others === 1 ? 'entry has' : 'entries have'} problems too.`
					: '';
			throw new ScheduleError(`This file has no usable sessions. ${this.firstProblem}${more}`);
		}
		// Array.prototype.sort is stable, so equal starts keep the file's order.
		const sessions = this.collected
			.sort((a, b) => a.startMs - b.startMs)
			.map((entry) => entry.session);
		const warnings = [...this.warningList];
		if (this.hiddenWarnings > 0) {
			warnings.push(`…and ${this.hiddenWarnings} more warnings.`);
		}
		const result: ScheduleImport = { format, sessions, warnings, floating: this.floating };
		const title = singleLine(meta.title);
		if (title !== undefined) result.title = title;
		if (meta.timeZone !== undefined) result.timeZone = meta.timeZone;
		return result;
	}
}
