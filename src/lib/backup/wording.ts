/** How things are said on the backup screens: "5 minutes ago", errors as the end of a sentence. Pure. */

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
	['minute', 60],
	['hour', 60 * 60],
	['day', 24 * 60 * 60]
];

/**
 * How long ago `at` (ISO) was, seen from `now` (ms): "just now" under a minute, then minutes, hours
 * and days ("yesterday"), and a date from 30 days on. A time in the future reads "just now".
 */
export function ago(at: string, now: number, locale?: string): string {
	const seconds = Math.max(0, (now - Date.parse(at)) / 1000);
	if (seconds < 60) return 'just now';
	if (seconds >= 30 * 24 * 60 * 60)
		return `on ${new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(at))}`;
	const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
	let unit = UNITS[0]!;
	for (const candidate of UNITS) if (seconds >= candidate[1]) unit = candidate;
	return format.format(-Math.floor(seconds / unit[1]), unit[0]);
}

/** An error as the end of a sentence: its message without a closing full stop. */
export function reason(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, '');
}
