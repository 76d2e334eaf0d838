/**
 * Public shapes of the agenda importer. Kept apart from parse.ts so the per-format parsers can
 * share them without importing the entry point (which imports them).
 */

export type ScheduleFormat = 'ics' | 'frab-xml' | 'frab-json' | 'sessionize' | 'csv';

export interface ParseScheduleOptions {
	/** Used only as a hint (extension) when the content itself is ambiguous, and in messages. */
	fileName?: string;
	/** IANA zone for times that carry no zone or offset; defaults to the device zone. */
	timeZone?: string;
}

export interface ImportedSession {
	externalId?: string;
	title: string;
	/** UTC instant in `Date.prototype.toISOString` form. */
	start: string;
	/** UTC instant in `Date.prototype.toISOString` form; never before `start`. */
	end: string;
	room?: string;
	track?: string;
	speakers: string[];
	/** Plain text: HTML is converted, paragraphs are separated by blank lines. */
	abstract?: string;
	isBreak?: boolean;
	/** Only http(s) links are kept, so the UI can render them without further checks. */
	url?: string;
}

export interface ScheduleImport {
	format: ScheduleFormat;
	/** The agenda's name as the file states it. */
	title?: string;
	/** The agenda's IANA zone as the file states it (only recognised zone names are reported). */
	timeZone?: string;
	/** Sorted by start time; ties keep file order. */
	sessions: ImportedSession[];
	/** Plain-language notes about entries that were skipped or adjusted. */
	warnings: string[];
	/**
	 * True when some times had no zone or offset and were read in `options.timeZone` (or the device
	 * zone): the UI should ask the user to confirm the zone.
	 */
	floating: boolean;
}

/**
 * Thrown when a file cannot be used as an agenda. The message is written for the person who
 * picked the file and names what is wrong.
 */
export class ScheduleError extends Error {
	override name = 'ScheduleError';
}

/** The message for input that matches none of the supported formats. */
export const NOT_AN_AGENDA =
	"This doesn't look like an agenda: expected iCalendar, pretalx/frab XML or JSON, Sessionize JSON or CSV.";
