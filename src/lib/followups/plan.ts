/**
 * The polite follow-up cadence, as pure functions: when a message falls due, what happens after it
 * is sent, and what "replied" and "not now" do to a contact's follow-ups.
 *
 * Nothing here reads the clock, the database or the DOM. Every function takes `now` (an ISO
 * instant) and returns either a value or a {@link FollowUpWrite}: the rows to add and the patches
 * to apply, which the follow-ups repo writes in one transaction. That keeps every transition
 * testable to the minute and lets the UI apply the same write optimistically.
 *
 * The cadence, in the order a contact goes through it:
 *
 *   draft ──queue──▶ queued ──(dueAt passes)──▶ due ──send + "Sent?"──▶ sent
 *                                                                       │
 *        step 0 sent ─▶ nudge 1 queued (+5 days) ─▶ sent ─▶ nudge 2 queued (+7 days) ─▶ sent ─▶ ∎
 *
 *   "They replied" at any point: open rows are cancelled, the last message sent becomes 'replied'.
 *   "Not now" at any point: open rows are cancelled except one, which is snoozed for 90 days; when
 *   it wakes it becomes a single low-key "checking back in" message (see {@link wake}).
 *
 * Decisions (each one a product choice, written down so the UI and the repo agree):
 * - Due times are always a civil hour in the event's zone: 09:00 on a calendar day there, or
 *   18:00 on the event's last day. Gaps are counted in calendar days, not in 24-hour periods, so a
 *   daylight-saving change never turns 09:00 into 08:00 or 10:00.
 * - A conference day runs until 04:00 ({@link DAY_STARTS_AT_HOUR}): at 01:30 after the party,
 *   "next morning" means 09:00 the same calendar day, not 31 hours later; and a message sent at
 *   01:30 counts as sent the evening before when the nudge gap is counted.
 * - Nudge 1 is due at 09:00 on the day `nudge1AfterDays` after the day step 0 was sent; nudge 2 at
 *   09:00 `nudge2AfterDays` after the day nudge 1 was actually sent (so a late nudge 1 never
 *   crowds nudge 2). Nothing is ever scheduled after step 2: never more than two nudges.
 * - A snoozed row keeps its wake time in `dueAt` (FollowUpRow has no `wakeAt` field, and the
 *   existing `[status+dueAt]` index then finds rows to wake with one range query).
 * - The "checking back in" message does not count towards the two nudges, and nothing is
 *   scheduled after it: someone who said "not now" hears from the user at most once per snooze.
 *   Check-in rows carry `kind: 'check-in'`, an extra property that FollowUpRow does not declare
 *   (Dexie stores it as is); see {@link FollowUpPlanRow}.
 * - Every instant written is normalised to `Date.prototype.toISOString()` form, because the
 *   `dueAt` index compares strings and `+02:00` offsets would sort wrongly.
 */

import type { Channel, FollowUpRow, FollowUpStatus, Id } from '$lib/db/types';
import {
	deviceTimeZone,
	isValidTimeZone,
	utcToZonedTime,
	zonedTimeToUtc
} from '$lib/schedule/zoned-time';

const DAY_MS = 86_400_000;

/** Local time of every "next morning" and every nudge. */
export const MORNING_TIME = '09:00';
/** Local time of "when the event ends" on the event's last day. */
export const EVENT_END_TIME = '18:00';
/**
 * Hour (local) at which a new conference day starts. Matches the frab/pretalx convention of
 * agenda days that run until ~04:00, so late-night socials belong to the day they started on.
 */
export const DAY_STARTS_AT_HOUR = 4;

/** How patient the cadence is, in whole days. */
export interface CadenceSettings {
	/** Days after the first message is sent before nudge 1 is due. */
	nudge1AfterDays: number;
	/** Days after nudge 1 is sent before nudge 2 (the last one) is due. */
	nudge2AfterDays: number;
	/** Days a "not now" lasts before the contact comes back as a "checking back in" message. */
	snoozeDays: number;
}

/** The default cadence: nudge after 5 days, last nudge 7 days later, "not now" for 90 days. */
export const DEFAULT_CADENCE: Readonly<CadenceSettings> = Object.freeze({
	nudge1AfterDays: 5,
	nudge2AfterDays: 7,
	snoozeDays: 90
});

/** Bounds that keep a mistyped setting from scheduling a nudge for tomorrow's tomorrow forever. */
const CADENCE_LIMITS: Record<keyof CadenceSettings, readonly [number, number]> = {
	nudge1AfterDays: [1, 60],
	nudge2AfterDays: [1, 60],
	snoozeDays: [1, 730]
};

/**
 * Completes and sanitises cadence settings, e.g. as read from the settings table.
 *
 * Accepts a partial object (or nothing). Each value is rounded to whole days and clamped to a sane
 * range (1–60 days for nudges, 1–730 for snoozing); missing, non-numeric or non-finite values take
 * the {@link DEFAULT_CADENCE} value. Never throws.
 */
export function cadenceSettings(partial?: Partial<CadenceSettings> | null): CadenceSettings {
	const result = { ...DEFAULT_CADENCE };
	if (!partial || typeof partial !== 'object') return result;
	for (const key of Object.keys(CADENCE_LIMITS) as (keyof CadenceSettings)[]) {
		const value: unknown = partial[key];
		if (typeof value !== 'number' || !Number.isFinite(value)) continue;
		const [min, max] = CADENCE_LIMITS[key];
		result[key] = Math.min(max, Math.max(min, Math.round(value)));
	}
	return result;
}

// ---------------------------------------------------------------------------------------------
// Instants, zones and civil days

const ISO_INSTANT =
	/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch ms of an ISO instant with `Z` or an offset, or NaN. */
function instantMs(value: unknown): number {
	if (typeof value !== 'string' || !ISO_INSTANT.test(value.trim())) return Number.NaN;
	return Date.parse(value.trim());
}

/**
 * Epoch ms of an instant the caller must supply correctly (the injected clock, a confirmed send
 * time). A bad one is a programmer error: scheduling from it would silently corrupt due times.
 */
function requireInstant(value: unknown, what: string): number {
	const ms = instantMs(value);
	if (Number.isNaN(ms)) {
		throw new RangeError(
			`Invalid ${what} ${JSON.stringify(value)}: expected an ISO 8601 instant with Z or an offset, e.g. 2026-03-29T07:00:00.000Z.`
		);
	}
	return ms;
}

function iso(ms: number): string {
	return new Date(ms).toISOString();
}

/**
 * An event's zone, or the device's when the event has none that the engine knows. Contacts met
 * outside any event have no zone of their own, and a follow-up must still get a due time.
 */
function resolveZone(timeZone: unknown): string {
	return isValidTimeZone(timeZone) ? timeZone.trim() : deviceTimeZone();
}

function isCalendarDate(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const match = CALENDAR_DATE.exec(value);
	if (!match) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function addDays(date: string, days: number): string {
	return iso(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).slice(0, 10);
}

function civilDateMs(ms: number, timeZone: string): string {
	const local = utcToZonedTime(ms, timeZone);
	const date = local.slice(0, 10);
	return Number(local.slice(11, 13)) < DAY_STARTS_AT_HOUR ? addDays(date, -1) : date;
}

/**
 * The conference day (YYYY-MM-DD) an instant belongs to in a zone: its calendar date there, or the
 * day before when it falls before {@link DAY_STARTS_AT_HOUR} (01:30 Wednesday is Tuesday night).
 *
 * @param instant - an ISO instant with `Z` or an offset
 * @param timeZone - an IANA zone; an unknown or empty one falls back to the device's zone
 * @throws RangeError when `instant` is not an ISO instant (a programmer error)
 */
export function civilDate(instant: string, timeZone: string): string {
	return civilDateMs(requireInstant(instant, 'instant'), resolveZone(timeZone));
}

/** A local wall-clock time on a calendar date, as a UTC instant. */
function atLocal(date: string, time: string, timeZone: string): string {
	return zonedTimeToUtc(`${date}T${time}`, timeZone);
}

/** 09:00 local on the conference day `days` after the one containing `ms` (always later). */
function morningAfter(ms: number, days: number, timeZone: string): string {
	return atLocal(addDays(civilDateMs(ms, timeZone), days), MORNING_TIME, timeZone);
}

// ---------------------------------------------------------------------------------------------
// Default due time of a new follow-up

/** When a new follow-up should fall due: the three choices of the "Send when" picker. */
export type DueChoice = 'next-morning' | 'event-end' | { custom: string };

/** Input of {@link defaultDueAt}. */
export interface DueAtInput {
	/** The injected clock, an ISO instant. */
	now: string;
	/** The event's IANA zone (an unknown or empty one falls back to the device's zone). */
	timeZone: string;
	choice: DueChoice;
	/** The event's last day (YYYY-MM-DD, in the event's zone); needed for 'event-end'. */
	eventEndDate?: string;
}

/**
 * The instant a new follow-up falls due, at a civil hour in the event's zone.
 *
 * - `'next-morning'`: 09:00 on the next conference day after `now` (the next calendar day, or
 *   today when `now` is before 04:00 local). Exact across daylight-saving changes: queued on the
 *   evening of 2026-03-28 in Europe/Berlin it is 2026-03-29T07:00:00.000Z, i.e. 09:00 CEST.
 * - `'event-end'`: 18:00 local on `eventEndDate`; the next morning when that has passed or when
 *   `eventEndDate` is missing or not a YYYY-MM-DD date.
 * - `{ custom }`: an ISO instant with `Z`/offset is used as is; a local `YYYY-MM-DDTHH:MM` (what
 *   `<input type="datetime-local">` gives) is read in the event's zone; anything unreadable falls
 *   back to the next morning. A custom time in the past is kept: the message is simply due now.
 *
 * @returns the due instant in `toISOString()` form
 * @throws RangeError when `now` is not an ISO instant; TypeError for an unknown `choice` (both
 *   programmer errors). Missing optional fields never throw.
 */
export function defaultDueAt(input: DueAtInput): string {
	const nowMs = requireInstant(input.now, 'now');
	const zone = resolveZone(input.timeZone);
	const nextMorning = (): string => morningAfter(nowMs, 1, zone);
	const { choice } = input;
	if (choice === 'next-morning') return nextMorning();
	if (choice === 'event-end') {
		if (!isCalendarDate(input.eventEndDate)) return nextMorning();
		const end = atLocal(input.eventEndDate, EVENT_END_TIME, zone);
		return Date.parse(end) > nowMs ? end : nextMorning();
	}
	if (choice && typeof choice === 'object' && 'custom' in choice) {
		const custom = typeof choice.custom === 'string' ? choice.custom.trim() : '';
		const ms = instantMs(custom);
		if (!Number.isNaN(ms)) return iso(ms);
		if (LOCAL_DATE_TIME.test(custom)) {
			try {
				return zonedTimeToUtc(custom, zone);
			} catch {
				// 30 February and friends: the picker should not allow them; fall through kindly.
			}
		}
		return nextMorning();
	}
	throw new TypeError(
		`defaultDueAt: unknown choice ${JSON.stringify(choice)}; expected 'next-morning', 'event-end' or { custom }.`
	);
}

// ---------------------------------------------------------------------------------------------
// Rows, writes and message kinds

/**
 * A follow-up row as this module writes it: a {@link FollowUpRow} plus an optional marker for the
 * "checking back in" message after a "not now". FollowUpRow does not declare the marker yet; Dexie
 * stores unknown properties unchanged (unindexed), so nothing else has to change to keep it.
 */
export type FollowUpPlanRow = FollowUpRow & { kind?: 'check-in' };

/** Which message a row is, for choosing a template and for labels ("Nudge 1 of 2"). */
export type MessageKind = 'first' | 'nudge-1' | 'nudge-2' | 'check-in';

/** One patch, shaped like the items of Dexie's `Table.bulkUpdate`. */
export interface RowUpdate {
	key: Id;
	changes: Partial<FollowUpPlanRow>;
}

/**
 * What a transition wants written: rows to add and patches to existing rows. Apply both in one
 * transaction (`bulkAdd(add)` and `bulkUpdate(update)`). An empty write means "nothing to do",
 * e.g. a second tap on "Sent?".
 */
export interface FollowUpWrite {
	add: FollowUpPlanRow[];
	update: RowUpdate[];
}

/** The subject and body of a message, as rendered from a template. */
export interface ComposedMessage {
	subject: string;
	body: string;
}

/** What a transition asks the caller to write a message for. */
export interface ComposeRequest {
	kind: MessageKind;
	contactId: Id;
	step: 0 | 1 | 2;
	channel: Channel;
}

/**
 * Renders a message for a new or woken row. Transitions call it instead of importing templates,
 * so the plan stays independent of how (and with whose fields) messages are written.
 */
export type Compose = (request: ComposeRequest) => ComposedMessage;

/** Statuses of rows that are still going to be sent (or woken). */
export const OPEN_STATUSES: readonly FollowUpStatus[] = Object.freeze([
	'draft',
	'queued',
	'snoozed'
]);

/** Whether a row is still going to be sent or woken (draft, queued or snoozed). Never throws. */
export function isOpen(row: Pick<FollowUpRow, 'status'>): boolean {
	return OPEN_STATUSES.includes(row.status);
}

const STEP_KINDS = ['first', 'nudge-1', 'nudge-2'] as const;

/**
 * Which message a row is: its `kind` marker if it is a check-in, else by step (0 first, 1 and 2
 * nudges). An out-of-range step (a damaged row) reads as the last nudge. Never throws.
 */
export function messageKind(row: Pick<FollowUpPlanRow, 'step' | 'kind'>): MessageKind {
	if (row.kind === 'check-in') return 'check-in';
	return STEP_KINDS[row.step] ?? 'nudge-2';
}

/**
 * Whether a contact's first message went out within `withinHours` of meeting them: the "follow up
 * within 72 hours" goal on Today. Reads `sentAt` of first-message rows, so a first message that
 * later got a reply still counts. A missing or unreadable `metAt` or `sentAt` never counts.
 * Never throws.
 *
 * @param rows - the contact's follow-up rows, in any order
 * @param metAt - when the user met them (an ISO instant)
 */
export function firstSentWithin(
	rows: readonly FollowUpPlanRow[],
	metAt: string,
	withinHours: number
): boolean {
	const met = Date.parse(metAt);
	const limit = withinHours * 3_600_000;
	return rows.some(
		(row) =>
			messageKind(row) === 'first' &&
			row.sentAt !== undefined &&
			Date.parse(row.sentAt) - met <= limit
	);
}

function emptyWrite(): FollowUpWrite {
	return { add: [], update: [] };
}

/** Input of {@link newFollowUp}. */
export interface NewFollowUpInput {
	/** A fresh id (crypto.randomUUID()), injected so this stays pure. */
	id: Id;
	contactId: Id;
	channel: Channel;
	subject: string;
	body: string;
	/** When it falls due, usually from {@link defaultDueAt}. */
	dueAt: string;
	now: string;
	/** 'draft' while the user is still writing it (the default), 'queued' once it is ready. */
	status?: 'draft' | 'queued';
}

/**
 * A new first message (step 0) for a contact, as drafted on the show floor.
 *
 * Missing subject or body become empty strings. `dueAt` and `now` are normalised to UTC.
 *
 * @throws RangeError when `now` or `dueAt` is not an ISO instant; Error when `id` or `contactId`
 *   is empty (programmer errors: the row would be unfindable)
 */
export function newFollowUp(input: NewFollowUpInput): FollowUpPlanRow {
	if (!input.id || !input.contactId) {
		throw new Error('newFollowUp: id and contactId are required.');
	}
	const now = iso(requireInstant(input.now, 'now'));
	return {
		id: input.id,
		contactId: input.contactId,
		step: 0,
		channel: input.channel,
		subject: input.subject ?? '',
		body: input.body ?? '',
		dueAt: iso(requireInstant(input.dueAt, 'dueAt')),
		status: input.status ?? 'draft',
		createdAt: now,
		updatedAt: now
	};
}

/**
 * Marks a draft as ready ("Queue"), optionally with a new due time.
 *
 * A queued row only has its due time changed; any other status is left alone (empty write).
 *
 * @throws RangeError when `now` or a given `dueAt` is not an ISO instant
 */
export function queueFollowUp(row: FollowUpPlanRow, now: string, dueAt?: string): FollowUpWrite {
	const updatedAt = iso(requireInstant(now, 'now'));
	const due = dueAt === undefined ? undefined : iso(requireInstant(dueAt, 'dueAt'));
	if (row.status === 'draft') {
		return {
			add: [],
			update: [
				{
					key: row.id,
					changes: due
						? { status: 'queued', dueAt: due, updatedAt }
						: { status: 'queued', updatedAt }
				}
			]
		};
	}
	if (row.status === 'queued' && due) {
		return { add: [], update: [{ key: row.id, changes: { dueAt: due, updatedAt } }] };
	}
	return emptyWrite();
}

/**
 * Moves an open row's due time ("Later…"); for a snoozed row this moves its wake time. Sent,
 * replied and cancelled rows are left alone (empty write).
 *
 * @throws RangeError when `dueAt` or `now` is not an ISO instant
 */
export function rescheduleFollowUp(
	row: FollowUpPlanRow,
	dueAt: string,
	now: string
): FollowUpWrite {
	const changes = {
		dueAt: iso(requireInstant(dueAt, 'dueAt')),
		updatedAt: iso(requireInstant(now, 'now'))
	};
	return isOpen(row) ? { add: [], update: [{ key: row.id, changes }] } : emptyWrite();
}

// ---------------------------------------------------------------------------------------------
// Sending and the nudges

/** The step to schedule after a message is sent. */
export interface NextStep {
	step: 1 | 2;
	kind: 'nudge-1' | 'nudge-2';
	/** 09:00 local, the configured number of days after the day the message was sent. */
	dueAt: string;
}

/**
 * The nudge to schedule after `row` was sent at `sentAt`, or undefined when none follows (after
 * step 2 and after a check-in: never more than two nudges, see the file header).
 *
 * @param settings - partial settings are completed with {@link cadenceSettings}
 * @param timeZone - the event's zone (an unknown or empty one falls back to the device's zone)
 * @throws RangeError when `sentAt` is not an ISO instant
 */
export function planAfterSent(
	row: Pick<FollowUpPlanRow, 'step' | 'kind'>,
	sentAt: string,
	settings: Partial<CadenceSettings> | undefined,
	timeZone: string
): NextStep | undefined {
	const sentMs = requireInstant(sentAt, 'sentAt');
	const kind = messageKind(row);
	if (kind !== 'first' && kind !== 'nudge-1') return undefined;
	const cadence = cadenceSettings(settings);
	const zone = resolveZone(timeZone);
	return kind === 'first'
		? { step: 1, kind: 'nudge-1', dueAt: morningAfter(sentMs, cadence.nudge1AfterDays, zone) }
		: { step: 2, kind: 'nudge-2', dueAt: morningAfter(sentMs, cadence.nudge2AfterDays, zone) };
}

/** Input of {@link markSent}. */
export interface MarkSentInput {
	/** When the user says they sent it (usually `now`; "Sent yesterday" is allowed). */
	sentAt: string;
	now: string;
	/** The event's zone, for the nudge's 09:00. */
	timeZone: string;
	settings?: Partial<CadenceSettings>;
	/** Makes the id of the nudge row (crypto.randomUUID in the app). */
	newId: () => Id;
	/** Writes the nudge's text. */
	compose: Compose;
}

/**
 * The user confirmed "Sent?": records the send and queues the next nudge (if any) on the same
 * channel, with text from `compose`.
 *
 * Only an open row (draft, queued or snoozed) can be sent; for any other status this returns an
 * empty write, so a double tap never schedules a second nudge.
 *
 * @throws RangeError when `sentAt` or `now` is not an ISO instant
 */
export function markSent(row: FollowUpPlanRow, input: MarkSentInput): FollowUpWrite {
	const sentMs = requireInstant(input.sentAt, 'sentAt');
	const now = iso(requireInstant(input.now, 'now'));
	if (!isOpen(row)) return emptyWrite();
	const write: FollowUpWrite = {
		add: [],
		update: [{ key: row.id, changes: { status: 'sent', sentAt: iso(sentMs), updatedAt: now } }]
	};
	const next = planAfterSent(row, iso(sentMs), input.settings, input.timeZone);
	if (next) {
		const message = input.compose({
			kind: next.kind,
			contactId: row.contactId,
			step: next.step,
			channel: row.channel
		});
		write.add.push({
			id: input.newId(),
			contactId: row.contactId,
			step: next.step,
			channel: row.channel,
			subject: message.subject,
			body: message.body,
			dueAt: next.dueAt,
			status: 'queued',
			createdAt: now,
			updatedAt: now
		});
	}
	return write;
}

// ---------------------------------------------------------------------------------------------
// Replied, not now, waking up

function assertOneContact(rows: readonly FollowUpPlanRow[], caller: string): void {
	const ids = new Set(rows.map((row) => row.contactId));
	if (ids.size > 1) {
		throw new Error(
			`${caller}: rows must belong to one contact, got ${[...ids].map((id) => JSON.stringify(id)).join(', ')}.`
		);
	}
}

/** Newest first: by createdAt, then by step, so the latest message in a sequence wins ties. */
function byNewest(a: FollowUpPlanRow, b: FollowUpPlanRow): number {
	return b.createdAt.localeCompare(a.createdAt) || b.step - a.step;
}

function sentTime(row: FollowUpPlanRow): string {
	return row.sentAt ?? row.updatedAt;
}

/**
 * "They replied": ends the contact's cadence. Every open row is cancelled, and the most recently
 * sent message becomes 'replied' (so stats can say which message got the answer). When nothing
 * was sent yet (they wrote first), the newest open row becomes 'replied' instead of cancelled.
 * Idempotent: with a 'replied' row already present, only open rows are cancelled.
 *
 * @param rows - all follow-up rows of one contact, in any order (empty → empty write)
 * @throws RangeError when `now` is not an ISO instant; Error when rows of several contacts are
 *   mixed (a programmer error)
 */
export function onReplied(rows: readonly FollowUpPlanRow[], now: string): FollowUpWrite {
	const updatedAt = iso(requireInstant(now, 'now'));
	assertOneContact(rows, 'onReplied');
	const write = emptyWrite();
	const alreadyReplied = rows.some((row) => row.status === 'replied');
	const lastSent = rows
		.filter((row) => row.status === 'sent')
		.sort((a, b) => sentTime(b).localeCompare(sentTime(a)))[0];
	const open = rows.filter(isOpen).sort(byNewest);
	const repliedRow = alreadyReplied ? undefined : (lastSent ?? open[0]);
	if (repliedRow)
		write.update.push({ key: repliedRow.id, changes: { status: 'replied', updatedAt } });
	for (const row of open) {
		if (row !== repliedRow)
			write.update.push({ key: row.id, changes: { status: 'cancelled', updatedAt } });
	}
	return write;
}

/** Input of {@link onNotNow}. */
export interface NotNowInput {
	now: string;
	/** The event's zone, for the wake-up's 09:00. */
	timeZone: string;
	settings?: Partial<CadenceSettings>;
	/** Makes the id of a new snoozed row, when the contact has no open row to snooze. */
	newId: () => Id;
}

/**
 * The wake time of a "not now" at `now`: 09:00 local, `snoozeDays` conference days later.
 *
 * @throws RangeError when `now` is not an ISO instant
 */
export function snoozeUntil(
	now: string,
	settings: Partial<CadenceSettings> | undefined,
	timeZone: string
): string {
	const nowMs = requireInstant(now, 'now');
	return morningAfter(nowMs, cadenceSettings(settings).snoozeDays, resolveZone(timeZone));
}

/**
 * "Not now": pauses the contact for `snoozeDays` (90 by default). The newest open row becomes
 * 'snoozed' with its wake time in `dueAt`, and any other open row is cancelled, so exactly one
 * row carries the snooze. When nothing is open (all sent, or they replied "not now"), a new
 * snoozed row is added with the newest row's step and channel and an empty text (the check-in
 * text is written when it wakes).
 *
 * @param rows - all follow-up rows of one contact (empty → empty write: there is nothing to
 *   come back to; queue a first message instead)
 * @throws RangeError when `now` is not an ISO instant; Error when rows of several contacts are mixed
 */
export function onNotNow(rows: readonly FollowUpPlanRow[], input: NotNowInput): FollowUpWrite {
	const updatedAt = iso(requireInstant(input.now, 'now'));
	assertOneContact(rows, 'onNotNow');
	const write = emptyWrite();
	const newest = [...rows].sort(byNewest)[0];
	if (!newest) return write;
	const wakeAt = snoozeUntil(updatedAt, input.settings, input.timeZone);
	const [carrier, ...others] = rows.filter(isOpen).sort(byNewest);
	if (carrier) {
		write.update.push({
			key: carrier.id,
			changes: { status: 'snoozed', dueAt: wakeAt, updatedAt }
		});
	} else {
		write.add.push({
			id: input.newId(),
			contactId: newest.contactId,
			step: newest.step,
			channel: newest.channel,
			subject: '',
			body: '',
			dueAt: wakeAt,
			status: 'snoozed',
			createdAt: updatedAt,
			updatedAt
		});
	}
	for (const row of others) {
		write.update.push({ key: row.id, changes: { status: 'cancelled', updatedAt } });
	}
	return write;
}

/**
 * Whether a snoozed row's wake time has come. A snoozed row whose `dueAt` cannot be read counts
 * as awake, so damaged data surfaces instead of sleeping forever. Other statuses: false.
 *
 * @throws RangeError when `now` is not an ISO instant
 */
export function isAwake(row: Pick<FollowUpRow, 'status' | 'dueAt'>, now: string): boolean {
	const nowMs = requireInstant(now, 'now');
	if (row.status !== 'snoozed') return false;
	const wakeMs = instantMs(row.dueAt);
	return Number.isNaN(wakeMs) || wakeMs <= nowMs;
}

/** Input of {@link wake}. */
export interface WakeInput {
	now: string;
	/** Writes the "checking back in" message (called with kind 'check-in'). */
	compose: Compose;
}

/**
 * Brings a snoozed row back as a fresh, low-key "checking back in" message: status 'queued',
 * `kind: 'check-in'`, text from `compose`, due at its wake time (or now, when the user wakes it
 * early). It keeps its step, does not count as a nudge, and {@link markSent} schedules nothing
 * after it. Rows that are not snoozed are left alone (empty write).
 *
 * @throws RangeError when `now` is not an ISO instant
 */
export function wake(row: FollowUpPlanRow, input: WakeInput): FollowUpWrite {
	const nowMs = requireInstant(input.now, 'now');
	if (row.status !== 'snoozed') return emptyWrite();
	const wakeMs = instantMs(row.dueAt);
	const dueAt = iso(Number.isNaN(wakeMs) ? nowMs : Math.min(wakeMs, nowMs));
	const message = input.compose({
		kind: 'check-in',
		contactId: row.contactId,
		step: row.step,
		channel: row.channel
	});
	return {
		add: [],
		update: [
			{
				key: row.id,
				changes: {
					status: 'queued',
					kind: 'check-in',
					subject: message.subject,
					body: message.body,
					dueAt,
					updatedAt: iso(nowMs)
				}
			}
		]
	};
}

/**
 * {@link wake} for every awake row among `rows` (any contacts), merged into one write. The repo
 * runs it when the Follow-ups or Today screen opens.
 *
 * @throws RangeError when `now` is not an ISO instant
 */
export function wakeAll(rows: readonly FollowUpPlanRow[], input: WakeInput): FollowUpWrite {
	const write = emptyWrite();
	for (const row of rows) {
		if (isAwake(row, input.now)) write.update.push(...wake(row, input).update);
	}
	return write;
}

/**
 * Applies a write to rows in memory (patches merged shallowly, then new rows appended), e.g. for
 * an optimistic UI or a test. Patches for unknown ids are ignored. Never mutates its inputs.
 */
export function applyWrite(
	rows: readonly FollowUpPlanRow[],
	write: FollowUpWrite
): FollowUpPlanRow[] {
	const patches = new Map<Id, Partial<FollowUpPlanRow>>();
	for (const { key, changes } of write.update) {
		patches.set(key, { ...patches.get(key), ...changes });
	}
	return [
		...rows.map((row) => {
			const patch = patches.get(row.id);
			return patch ? { ...row, ...patch } : row;
		}),
		...write.add
	];
}

// ---------------------------------------------------------------------------------------------
// Where things show on the Follow-ups screen

/**
 * The Follow-ups screen's sections: Due now, Scheduled, Waiting for reply, Not now, Done.
 */
export type DueState = 'due' | 'scheduled' | 'waiting' | 'snoozed' | 'done';

/**
 * A single row's own state:
 * - draft/queued → 'due' once `dueAt` has passed (or cannot be read), else 'scheduled';
 * - sent → 'waiting'; replied/cancelled → 'done';
 * - snoozed → 'snoozed', or 'due' once awake (the repo should {@link wake} it first, so the user
 *   sees the check-in text).
 * For one entry per person, use {@link contactFollowUp} or {@link followUpSections}.
 *
 * @throws RangeError when `now` is not an ISO instant
 */
export function dueState(row: Pick<FollowUpRow, 'status' | 'dueAt'>, now: string): DueState {
	const nowMs = requireInstant(now, 'now');
	switch (row.status) {
		case 'draft':
		case 'queued': {
			const dueMs = instantMs(row.dueAt);
			return Number.isNaN(dueMs) || dueMs <= nowMs ? 'due' : 'scheduled';
		}
		case 'snoozed':
			return isAwake(row, now) ? 'due' : 'snoozed';
		case 'sent':
			return 'waiting';
		default:
			return 'done';
	}
}

/** One person on the Follow-ups screen. */
export interface ContactFollowUp {
	contactId: Id;
	state: DueState;
	/**
	 * The row the entry's actions act on: the open row (to send, reschedule or wake) when there
	 * is one, else the newest sent or replied message.
	 */
	row: FollowUpPlanRow;
	/** The last message sent, for "sent Tuesday" and "waiting 4 days". */
	lastSent?: FollowUpPlanRow;
}

/**
 * A contact's place on the Follow-ups screen, from all of their rows. It differs from the rows'
 * own states in one way: a nudge that is queued but not yet due after a sent message puts the
 * person under 'waiting' (they owe the reply; the nudge is only a fallback), with that nudge as
 * `row` so the UI can say when it will come.
 *
 * @returns undefined for an empty list
 * @throws RangeError when `now` is not an ISO instant; Error when rows of several contacts are mixed
 */
export function contactFollowUp(
	rows: readonly FollowUpPlanRow[],
	now: string
): ContactFollowUp | undefined {
	requireInstant(now, 'now');
	assertOneContact(rows, 'contactFollowUp');
	const newest = [...rows].sort(byNewest)[0];
	if (!newest) return undefined;
	const answered = rows
		.filter((row) => row.status === 'sent' || row.status === 'replied')
		.sort((a, b) => sentTime(b).localeCompare(sentTime(a)));
	const lastMessage = answered[0];
	const lastSent = answered.find((row) => row.status === 'sent' || row.sentAt !== undefined);
	const base = { contactId: newest.contactId, ...(lastSent && { lastSent }) };
	const open = rows.filter(isOpen).sort(byNewest)[0];
	if (open) {
		let state = dueState(open, now);
		if (state === 'scheduled' && lastMessage?.status === 'sent') state = 'waiting';
		return { ...base, state, row: open };
	}
	if (lastMessage) {
		return { ...base, state: lastMessage.status === 'sent' ? 'waiting' : 'done', row: lastMessage };
	}
	return { ...base, state: 'done', row: newest };
}

/** Every contact's entry, by section, each section in the order the screen lists it. */
export type FollowUpSections = Record<DueState, ContactFollowUp[]>;

/**
 * Groups rows of any number of contacts into the Follow-ups screen's sections, one entry per
 * person: Due now (longest overdue first), Scheduled (soonest first), Waiting for reply (waiting
 * longest first), Not now (waking soonest first), Done (most recent first).
 *
 * @throws RangeError when `now` is not an ISO instant
 */
export function followUpSections(rows: readonly FollowUpPlanRow[], now: string): FollowUpSections {
	const byContact = new Map<Id, FollowUpPlanRow[]>();
	for (const row of rows) {
		const list = byContact.get(row.contactId);
		if (list) list.push(row);
		else byContact.set(row.contactId, [row]);
	}
	const sections: FollowUpSections = { due: [], scheduled: [], waiting: [], snoozed: [], done: [] };
	for (const contactRows of byContact.values()) {
		const entry = contactFollowUp(contactRows, now);
		if (entry) sections[entry.state].push(entry);
	}
	const dueAt = (entry: ContactFollowUp): string => entry.row.dueAt;
	const waitingSince = (entry: ContactFollowUp): string =>
		entry.lastSent ? sentTime(entry.lastSent) : entry.row.updatedAt;
	sections.due.sort((a, b) => dueAt(a).localeCompare(dueAt(b)));
	sections.scheduled.sort((a, b) => dueAt(a).localeCompare(dueAt(b)));
	sections.snoozed.sort((a, b) => dueAt(a).localeCompare(dueAt(b)));
	sections.waiting.sort((a, b) => waitingSince(a).localeCompare(waitingSince(b)));
	sections.done.sort((a, b) => b.row.updatedAt.localeCompare(a.row.updatedAt));
	return sections;
}
