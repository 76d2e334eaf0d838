/**
 * The rows Hallway stores. Ids are strings (crypto.randomUUID) so backups from two devices merge
 * without collisions; instants are ISO 8601 strings in UTC, which sort correctly as text.
 */

export type Id = string;

/** Per-event goals shown as small wins on Today. */
export interface EventGoals {
	/** People the user wants to meet at this event. */
	peopleToMeet: number;
	/** A first follow-up counts towards the goal when sent within this many hours of meeting. */
	followUpWithinHours: number;
}

export interface EventRow {
	id: Id;
	name: string;
	/** First and last day, as calendar dates (YYYY-MM-DD) in the event's time zone. */
	startDate: string;
	endDate: string;
	/** IANA zone, e.g. Europe/Berlin: agenda times and follow-up due times are read in it. */
	timeZone: string;
	venue?: string;
	goals: EventGoals;
	createdAt: string;
	updatedAt: string;
}

export interface SessionRow {
	id: Id;
	eventId: Id;
	title: string;
	/** ISO instants in UTC. */
	start: string;
	end: string;
	room?: string;
	track?: string;
	speakers: string[];
	abstract?: string;
	isBreak?: boolean;
	/** The session's page on the organiser's site (http(s) only). */
	url?: string;
	/** Where the session came from, so a re-import updates it in place. */
	source?: { format: string; externalId?: string };
	/** The external id again, flattened so it can be indexed with the event. */
	externalId?: string;
	starred?: boolean;
	createdAt: string;
	updatedAt: string;
}

export type Rating = 'hot' | 'warm' | 'cold';

export interface ContactRow {
	id: Id;
	eventId?: Id;
	/** The session in which the user met this person: inferred from the scan time, editable. */
	sessionId?: Id;
	name: string;
	givenName?: string;
	familyName?: string;
	org?: string;
	title?: string;
	emails: string[];
	phones: string[];
	urls: string[];
	linkedin?: string;
	address?: string;
	note: string;
	tags: string[];
	rating?: Rating;
	metAt: string;
	createdAt: string;
	updatedAt: string;
	/** Derived keys for indexed search and de-duplication; rebuilt on every write. */
	words: string[];
	phoneKeys: string[];
}

export type ScanSource = 'camera' | 'photo' | 'manual' | 'import';

export interface ScanRow {
	id: Id;
	raw: string;
	/** The payload format detected, or 'unknown'. */
	format: string;
	/** Why an unknown scan could not be read (shown in Unread scans). */
	reason?: string;
	source: ScanSource;
	scannedAt: string;
	eventId?: Id;
	/** The contact made from this scan; absent while it is unread. */
	contactId?: Id;
	/** The user's own words about an unread scan. */
	note?: string;
}

export type FollowUpStatus = 'draft' | 'queued' | 'sent' | 'replied' | 'snoozed' | 'cancelled';
export type Channel = 'email' | 'sms' | 'linkedin' | 'share';

export interface FollowUpRow {
	id: Id;
	contactId: Id;
	/** 0 is the first message; 1 and 2 are the polite nudges. */
	step: 0 | 1 | 2;
	/** A gentle "checking back in" after Not now: not a nudge, and nothing follows it. */
	kind?: 'check-in';
	channel: Channel;
	subject: string;
	body: string;
	dueAt: string;
	status: FollowUpStatus;
	sentAt?: string;
	createdAt: string;
	updatedAt: string;
}

export type PromptKind = 'opener' | 'deepen' | 'small-ask' | 'offer' | 'own';

export interface PromptRow {
	id: Id;
	kind: PromptKind;
	text: string;
	sessionId?: Id;
	favourite?: boolean;
	createdAt: string;
}

/** Key-value settings: the profile ("my card"), templates, preferences, the active event. */
export interface SettingRow {
	key: string;
	value: unknown;
}

/**
 * One row changed since the last backup (see $lib/backup/changes.ts): bookkeeping for "N changes
 * since your last backup", never part of a backup itself.
 */
export interface ChangeRow {
	/** `<table>/<primary key>`: a row changed twice is still one change. */
	key: string;
	table: string;
	/** When it last changed (nowIso()), so a backup only clears the changes it saw. */
	at: string;
}
