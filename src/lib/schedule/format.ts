/** Session times as people read them: always in the event's time zone, not the device's. */
import { utcToZonedTime } from './zoned-time';

/**
 * Building an Intl.DateTimeFormat costs far more than using one, and an agenda formats thousands
 * of times per render: one formatter per kind and zone, made on first use.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
	let found = formatters.get(key);
	if (!found) formatters.set(key, (found = make()));
	return found;
}

/** "09:30" in the zone (the locale decides 12/24 h). */
export function formatTime(iso: string, timeZone: string): string {
	return formatter(
		`time ${timeZone}`,
		() => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone })
	).format(new Date(iso));
}

/** "09:30–10:15". */
export function formatTimeRange(start: string, end: string, timeZone: string): string {
	return `${formatTime(start, timeZone)}–${formatTime(end, timeZone)}`;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in the zone. */
export function dayKey(iso: string, timeZone: string): string {
	return formatter(
		`day ${timeZone}`,
		() =>
			new Intl.DateTimeFormat('en-CA', {
				timeZone,
				year: 'numeric',
				month: '2-digit',
				day: '2-digit'
			})
	).format(new Date(iso));
}

/** "Tue 2 Jun" for a day key. */
export function formatDayKey(day: string): string {
	return new Intl.DateTimeFormat(undefined, {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		timeZone: 'UTC'
	}).format(new Date(`${day}T12:00:00Z`));
}

/** The wall-clock parts of an instant in a zone: { date: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function wallClock(iso: string, timeZone: string): { date: string; time: string } {
	const local = utcToZonedTime(iso, timeZone);
	return { date: local.slice(0, 10), time: local.slice(11, 16) };
}
