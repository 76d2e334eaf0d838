/**
 * What a person's page says about their follow-up, and which actions make sense there. Pure:
 * built on {@link contactFollowUp}, so the person page and the Follow-ups screen agree on which
 * row is "the" follow-up. Days and times are read in the event's zone (the device's without one):
 * "Queued for Tue 9:00", "Sent Mon — nudge 1 due Sat", "Not now until 3 March", "Replied".
 */
import { deviceTimeZone, isValidTimeZone, utcToZonedTime } from '$lib/schedule/zoned-time';
import { contactFollowUp, isOpen, messageKind, type FollowUpPlanRow } from './plan';

/** Actions the person page may offer. */
export type PersonAction = 'draft' | 'send' | 'edit' | 'replied' | 'not-now';

/** The person page's follow-up line. */
export interface PersonFollowUpStatus {
	text: string;
	actions: PersonAction[];
	/** The row Send now and Edit act on (the open one), when there is one. */
	row?: FollowUpPlanRow;
}

const DAY_MS = 86_400_000;

function calendarDay(iso: string, zone: string): string {
	return utcToZonedTime(iso, zone).slice(0, 10);
}

/** "today", a weekday within six days either side ("Sat"), else "3 March" (with a year if not this one). */
function dayWord(iso: string, now: string, zone: string): string {
	const day = calendarDay(iso, zone);
	const today = calendarDay(now, zone);
	const days = Math.round(
		(Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS
	);
	const date = new Date(`${day}T12:00:00Z`);
	if (days === 0) return 'today';
	if (Math.abs(days) < 7) {
		return new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' }).format(date);
	}
	return new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'long',
		...(day.slice(0, 4) === today.slice(0, 4) ? {} : { year: 'numeric' }),
		timeZone: 'UTC'
	}).format(date);
}

/** "Tue 9:00", or "9:00 today". */
function dayAndTime(iso: string, now: string, zone: string): string {
	const time = utcToZonedTime(iso, zone).slice(11, 16).replace(/^0/, '');
	const day = dayWord(iso, now, zone);
	return day === 'today' ? `${time} today` : `${day} ${time}`;
}

const NEXT = {
	first: 'first message',
	'nudge-1': 'nudge 1',
	'nudge-2': 'nudge 2',
	'check-in': 'check-in'
};

/**
 * The follow-up state of one person, from all of their rows.
 *
 * @param rows - every follow-up row of the contact (none → "No follow-up yet")
 * @param now - ISO instant
 * @param timeZone - the event's zone; unknown or empty → the device's zone
 * @throws RangeError when `now` is not an ISO instant; Error when rows of several contacts are mixed
 */
export function personFollowUpStatus(
	rows: readonly FollowUpPlanRow[],
	now: string,
	timeZone: string | undefined
): PersonFollowUpStatus {
	const entry = contactFollowUp(rows, now);
	if (!entry) return { text: 'No follow-up yet.', actions: ['draft'] };
	const zone = isValidTimeZone(timeZone) ? timeZone.trim() : deviceTimeZone();
	const { state, row, lastSent } = entry;
	const kind = messageKind(row);
	const open = isOpen(row);
	const working: PersonAction[] = ['send', 'edit', 'replied', 'not-now'];
	if (state === 'due') {
		const what =
			row.status === 'draft' ? 'Draft saved' : kind === 'check-in' ? 'Checking back in' : 'Queued';
		const label = kind === 'first' ? '' : ` (${NEXT[kind]})`;
		return { text: `${what}${label} — due now`, actions: working, row };
	}
	if (state === 'scheduled') {
		const when = dayAndTime(row.dueAt, now, zone);
		if (row.status === 'draft') return { text: `Draft saved — for ${when}`, actions: working, row };
		const what = kind === 'check-in' ? 'Checking back in' : 'Queued';
		return { text: `${what} for ${when}`, actions: working, row };
	}
	if (state === 'waiting') {
		const sentAt = lastSent?.sentAt ?? lastSent?.updatedAt;
		const sent = sentAt ? `Sent ${dayWord(sentAt, now, zone)}` : 'Sent';
		if (open) {
			return {
				text: `${sent} — ${NEXT[kind]} due ${dayWord(row.dueAt, now, zone)}`,
				actions: working,
				row
			};
		}
		return { text: `${sent} — no more nudges planned`, actions: ['replied', 'not-now'] };
	}
	if (state === 'snoozed') {
		return { text: `Not now until ${dayWord(row.dueAt, now, zone)}`, actions: ['replied'], row };
	}
	return { text: row.status === 'replied' ? 'Replied' : 'Finished', actions: ['draft'] };
}
