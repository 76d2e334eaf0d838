/**
 * Validation of the event form, pure so the same rules run in the form and in the repo.
 */
import type { EventGoals } from '$lib/db/types';

export interface EventInput {
	name: string;
	startDate: string;
	endDate: string;
	timeZone: string;
	venue?: string;
	goals?: Partial<EventGoals>;
}

export type EventField = 'name' | 'startDate' | 'endDate' | 'timeZone' | 'goals';

export type EventValidation =
	| { ok: true; value: Required<Omit<EventInput, 'venue'>> & { venue?: string; goals: EventGoals } }
	| { ok: false; errors: Partial<Record<EventField, string>> };

export const DEFAULT_GOALS: EventGoals = { peopleToMeet: 10, followUpWithinHours: 72 };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
	if (!DATE.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** True for an IANA zone name the platform knows (Europe/Berlin, UTC, …). */
export function isKnownTimeZone(zone: string): boolean {
	if (!zone) return false;
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/** The device's time zone, the default for a new event. */
export function deviceTimeZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Checks an event form. Never throws: returns the trimmed value, or one plain-language message per
 * field that is wrong (empty name, a missing or impossible date, an end before the start, an
 * unknown time zone, goals that are not positive whole numbers).
 */
export function validateEvent(input: EventInput): EventValidation {
	const errors: Partial<Record<EventField, string>> = {};
	const name = input.name.trim();
	if (!name) errors.name = 'Give the event a name.';
	else if (name.length > 200) errors.name = 'Keep the name under 200 characters.';

	if (!input.startDate) errors.startDate = 'Choose the first day.';
	else if (!isRealDate(input.startDate)) errors.startDate = 'The first day is not a valid date.';

	if (!input.endDate) errors.endDate = 'Choose the last day.';
	else if (!isRealDate(input.endDate)) errors.endDate = 'The last day is not a valid date.';
	else if (!errors.startDate && input.endDate < input.startDate)
		errors.endDate = 'The last day is before the first day.';

	if (!isKnownTimeZone(input.timeZone)) errors.timeZone = 'Choose a time zone from the list.';

	const goals: EventGoals = { ...DEFAULT_GOALS, ...input.goals };
	if (
		!Number.isInteger(goals.peopleToMeet) ||
		goals.peopleToMeet < 0 ||
		!Number.isInteger(goals.followUpWithinHours) ||
		goals.followUpWithinHours < 1
	)
		errors.goals = 'Goals are whole numbers: people to meet from 0, hours from 1.';

	if (Object.keys(errors).length > 0) return { ok: false, errors };
	const venue = input.venue?.trim();
	return {
		ok: true,
		value: {
			name,
			startDate: input.startDate,
			endDate: input.endDate,
			timeZone: input.timeZone,
			goals,
			...(venue ? { venue } : {})
		}
	};
}
