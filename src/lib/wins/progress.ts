/**
 * Small wins on Today, as pure functions: people met today and towards the event's goal, where
 * they were met, follow-ups sent and answered, a streak across the event's days, the numbers for
 * the per-day chart, and which reached goals still deserve a (single) word of celebration.
 *
 * Nothing here reads the clock, the database or the DOM: `now` is passed in, rows come from
 * progress.repo.ts. Decisions, written down so the screen and the tests agree:
 * - A day is a conference day in the event's zone, as in the follow-up cadence ({@link civilDate}):
 *   its calendar date there, except that the small hours (before 04:00) still belong to the day
 *   before, so the person met at 01:30 after the party counts for the party's day.
 * - Only contacts saved under this event count. Follow-ups count when their contact does.
 * - "Sent" means a row with `sentAt` (a message the user confirmed as sent, including ones that
 *   later got a reply). Replies are counted per person: someone who replied counts once.
 * - The follow-up goal ("follow up within N hours") is reached when as many people as the
 *   people-to-meet goal got their first message in time. A people goal of 0 means "no goal": no
 *   meter and nothing to celebrate.
 * - The streak counts consecutive event days, up to today, on which the user met someone or sent
 *   a follow-up. Today only adds to it: a day that has not happened yet, or a quiet morning so far,
 *   never breaks it. Days outside the event neither add to nor break it.
 */
import type { ContactRow, EventRow, Id, SessionRow } from '$lib/db/types';
import { civilDate, firstSentWithin, messageKind, type FollowUpPlanRow } from '$lib/followups/plan';

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** More event days than this and the chart keeps only days with someone met (and today). */
export const MAX_CHART_DAYS = 14;
/** How many sessions "today by session" lists. */
export const TOP_SESSIONS = 3;

export type ProgressEvent = Pick<EventRow, 'id' | 'startDate' | 'endDate' | 'timeZone' | 'goals'>;
export type ProgressContact = Pick<ContactRow, 'id' | 'metAt' | 'sessionId'>;
export type ProgressSession = Pick<SessionRow, 'id' | 'title'>;

/** What {@link computeProgress} works from. */
export interface ProgressInput {
	event: ProgressEvent;
	/** The event's contacts (others are ignored). */
	contacts: readonly ProgressContact[];
	/** Follow-up rows of those contacts (rows of other contacts are ignored). */
	followups: readonly FollowUpPlanRow[];
	/** Sessions the contacts were met in, for their titles. */
	sessions: readonly ProgressSession[];
	/** The injected clock, an ISO instant. */
	now: string;
}

/** One bar of the chart. */
export interface DayCount {
	/** The conference day, YYYY-MM-DD in the event's zone. */
	date: string;
	/** People met that day. */
	count: number;
	/** Whether the day is one of the event's days (the chart also shows days around it). */
	inEvent: boolean;
	isToday: boolean;
}

/** People met in one session. */
export interface SessionCount {
	sessionId: Id;
	title: string;
	count: number;
}

/** The follow-up-within-N-hours goal. */
export interface FollowUpGoal {
	withinHours: number;
	/** People met at the event. */
	people: number;
	/** Of them, how many got a first message within `withinHours`. */
	followedUp: number;
	/** How many in-time first messages reach the goal (the people goal); 0 when there is none. */
	target: number;
	reached: boolean;
}

/** Everything the progress card shows. */
export interface Progress {
	/** Today's conference day in the event's zone. */
	today: string;
	/** Whether today is one of the event's days. */
	duringEvent: boolean;
	metToday: number;
	metTotal: number;
	/** The people-to-meet goal; 0 means none. */
	peopleGoal: number;
	peopleGoalReached: boolean;
	/** Sessions today by people met there, most first (at most {@link TOP_SESSIONS}). */
	sessionsToday: SessionCount[];
	/** People met today outside any session (in the hallway, at lunch…). */
	metTodayElsewhere: number;
	sent: { first: number; later: number };
	/** People who replied. */
	replied: number;
	followUpGoal: FollowUpGoal;
	/** Consecutive event days with someone met or a follow-up sent, up to today. */
	streak: number;
	/** The chart's bars, oldest first. */
	days: DayCount[];
}

function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The conference day of an instant, or undefined when it cannot be read. */
function dayOf(instant: string | undefined, timeZone: string): string | undefined {
	if (!instant) return undefined;
	try {
		return civilDate(instant, timeZone);
	} catch {
		// A damaged timestamp: the row still counts in totals, just on no day.
		return undefined;
	}
}

/**
 * The event's days, first to last (YYYY-MM-DD). Empty when the dates cannot be read or the last
 * day is before the first. Never throws.
 */
export function eventDays(event: Pick<EventRow, 'startDate' | 'endDate'>): string[] {
	const { startDate, endDate } = event;
	if (!DATE.test(startDate) || !DATE.test(endDate) || endDate < startDate) return [];
	const days: string[] = [];
	// Bounded, so a mistyped year never loops for long.
	for (let day = startDate; day <= endDate && days.length < 366; day = addDays(day, 1)) {
		days.push(day);
	}
	return days;
}

/**
 * The chart's bars: every event day, plus any day before or after the event on which someone was
 * met. A long event (more than {@link MAX_CHART_DAYS} days) keeps only the days with someone met,
 * and today. Never throws.
 *
 * @param perDay - people met per conference day
 */
export function chartDays(
	event: Pick<EventRow, 'startDate' | 'endDate'>,
	perDay: ReadonlyMap<string, number>,
	today: string
): DayCount[] {
	const inEvent = new Set(eventDays(event));
	let dates = [...inEvent];
	if (dates.length > MAX_CHART_DAYS) {
		dates = dates.filter((day) => (perDay.get(day) ?? 0) > 0 || day === today);
	}
	for (const [day, count] of perDay) {
		if (count > 0 && !inEvent.has(day)) dates.push(day);
	}
	return [...new Set(dates)].sort().map((date) => ({
		date,
		count: perDay.get(date) ?? 0,
		inEvent: inEvent.has(date),
		isToday: date === today
	}));
}

/**
 * Consecutive event days, ending today (or the event's last day once it is over), on which
 * something happened. Today only adds: when nothing happened yet today, the run ending yesterday
 * counts. Before the event: 0. Never throws.
 *
 * @param activeDays - conference days on which the user met someone or sent a follow-up
 */
export function streakOf(
	event: Pick<EventRow, 'startDate' | 'endDate'>,
	activeDays: ReadonlySet<string>,
	today: string
): number {
	const days = eventDays(event).filter((day) => day <= today);
	let index = days.length - 1;
	if (days[index] === today && !activeDays.has(today)) index--;
	let streak = 0;
	for (; index >= 0 && activeDays.has(days[index]!); index--) streak++;
	return streak;
}

/**
 * Works out everything the progress card shows. Rows that cannot be read (a bad `metAt`) still
 * count in totals but on no day. Never throws for rows; `now` must be an ISO instant.
 *
 * @throws RangeError when `now` is not an ISO instant (a programmer error)
 */
export function computeProgress(input: ProgressInput): Progress {
	const { event, now } = input;
	const zone = event.timeZone;
	const today = civilDate(now, zone);
	const contacts = input.contacts;
	const contactIds = new Set(contacts.map((c) => c.id));
	const followups = input.followups.filter((row) => contactIds.has(row.contactId));
	const titles = new Map(input.sessions.map((s) => [s.id, s.title]));

	const perDay = new Map<string, number>();
	const activeDays = new Set<string>();
	const perSession = new Map<Id, number>();
	let metToday = 0;
	let metTodayElsewhere = 0;
	for (const contact of contacts) {
		const day = dayOf(contact.metAt, zone);
		if (!day) continue;
		perDay.set(day, (perDay.get(day) ?? 0) + 1);
		activeDays.add(day);
		if (day !== today) continue;
		metToday++;
		const title = contact.sessionId ? titles.get(contact.sessionId) : undefined;
		if (contact.sessionId && title !== undefined) {
			perSession.set(contact.sessionId, (perSession.get(contact.sessionId) ?? 0) + 1);
		} else {
			metTodayElsewhere++;
		}
	}

	const sent = { first: 0, later: 0 };
	const repliedPeople = new Set<Id>();
	const rowsByContact = new Map<Id, FollowUpPlanRow[]>();
	for (const row of followups) {
		const list = rowsByContact.get(row.contactId);
		if (list) list.push(row);
		else rowsByContact.set(row.contactId, [row]);
		if (row.status === 'replied') repliedPeople.add(row.contactId);
		if (row.sentAt === undefined) continue;
		if (messageKind(row) === 'first') sent.first++;
		else sent.later++;
		const day = dayOf(row.sentAt, zone);
		if (day) activeDays.add(day);
	}

	const peopleGoal = Math.max(0, Math.floor(event.goals.peopleToMeet) || 0);
	const withinHours = event.goals.followUpWithinHours;
	let followedUp = 0;
	for (const contact of contacts) {
		if (firstSentWithin(rowsByContact.get(contact.id) ?? [], contact.metAt, withinHours))
			followedUp++;
	}

	const sessionsToday = [...perSession]
		.map(([sessionId, count]) => ({ sessionId, title: titles.get(sessionId) ?? '', count }))
		.sort((a, b) => b.count - a.count || a.title.localeCompare(b.title))
		.slice(0, TOP_SESSIONS);

	const days = eventDays(event);
	return {
		today,
		duringEvent: days.includes(today),
		metToday,
		metTotal: contacts.length,
		peopleGoal,
		peopleGoalReached: peopleGoal > 0 && contacts.length >= peopleGoal,
		sessionsToday,
		metTodayElsewhere,
		sent,
		replied: repliedPeople.size,
		followUpGoal: {
			withinHours,
			people: contacts.length,
			followedUp,
			target: peopleGoal,
			reached: peopleGoal > 0 && followedUp >= peopleGoal
		},
		streak: streakOf(event, activeDays, today),
		days: chartDays(event, perDay, today)
	};
}

// ---------------------------------------------------------------------------------------------
// Celebrating a reached goal, once

export type GoalKind = 'people' | 'follow-up';

/** A reached goal that has not been celebrated yet. */
export interface Celebration {
	/** What is remembered once it has been shown (see {@link celebrationKey}). */
	key: string;
	kind: GoalKind;
	message: string;
}

/**
 * The key a celebration is remembered by: per event, goal and target, so raising the goal to 20
 * earns a new word when 20 is reached, while a reload never repeats one.
 */
export function celebrationKey(eventId: Id, kind: GoalKind, target: number): string {
	return `${eventId}:${kind}:${target}`;
}

function peopleWord(count: number): string {
	return count === 1 ? 'person' : 'people';
}

/**
 * The celebrations due: each reached goal whose key is not among `seen`. The caller shows them
 * and adds their keys to `seen` (the `celebratedGoals` setting), so each one appears once per
 * event and goal. Never throws.
 */
export function celebrationsDue(
	eventId: Id,
	progress: Pick<Progress, 'peopleGoal' | 'peopleGoalReached' | 'followUpGoal'>,
	seen: readonly string[]
): Celebration[] {
	const due: Celebration[] = [];
	const { peopleGoal, followUpGoal } = progress;
	if (progress.peopleGoalReached) {
		const key = celebrationKey(eventId, 'people', peopleGoal);
		if (!seen.includes(key)) {
			due.push({
				key,
				kind: 'people',
				message:
					peopleGoal === 1
						? 'You met the person you came to meet — nice work.'
						: `You met your ${peopleGoal} people — nice work.`
			});
		}
	}
	if (followUpGoal.reached) {
		const key = celebrationKey(eventId, 'follow-up', followUpGoal.target);
		if (!seen.includes(key)) {
			due.push({
				key,
				kind: 'follow-up',
				message: `You followed up with ${followUpGoal.target} ${peopleWord(followUpGoal.target)} within ${followUpGoal.withinHours} hours. That's the part most people skip — well done.`
			});
		}
	}
	return due;
}
