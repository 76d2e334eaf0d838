/**
 * "My agenda" as an iCalendar file (RFC 5545), so the starred sessions can go into the user's own
 * calendar. Times are written in UTC, which every calendar app converts correctly. Pure.
 */
import type { SessionRow } from '$lib/db/types';
import { escapeText, foldLine, utcStamp } from '$lib/text/content-line';

/** The sessions as a VCALENDAR; `now` stamps the file. UIDs are stable, so a re-export updates. */
export function sessionsToIcs(
	sessions: readonly SessionRow[],
	options: { calendarName: string; now: string }
): string {
	const stamp = utcStamp(Date.parse(options.now));
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Hallway//My agenda//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(options.calendarName)}`
	];
	for (const s of sessions) {
		const description = [
			s.speakers.length ? `Speakers: ${s.speakers.join(', ')}` : '',
			s.track ? `Track: ${s.track}` : '',
			s.abstract ?? ''
		]
			.filter(Boolean)
			.join('\n\n');
		lines.push(
			'BEGIN:VEVENT',
			`UID:${escapeText(s.id)}@agenda.hallway.invalid`,
			`DTSTAMP:${stamp}`,
			`DTSTART:${utcStamp(Date.parse(s.start))}`,
			`DTEND:${utcStamp(Date.parse(s.end))}`,
			`SUMMARY:${escapeText(s.title)}`,
			...(s.room ? [`LOCATION:${escapeText(s.room)}`] : []),
			...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
			...(s.url && /^https?:\/\//i.test(s.url) ? [`URL:${s.url}`] : []),
			'END:VEVENT'
		);
	}
	lines.push('END:VCALENDAR');
	return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
