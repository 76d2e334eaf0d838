/** How events read on screen ("2–3 June 2026"). Pure, locale-aware through Intl. */

function parts(date: string): Date {
	// Calendar dates are zone-free: read and format them in UTC so no offset shifts the day.
	return new Date(`${date}T00:00:00Z`);
}

/** "Tue 2 June 2026" or "2–4 June 2026" style ranges for an event's first and last day. */
export function formatDateRange(startDate: string, endDate: string, locale?: string): string {
	const format = new Intl.DateTimeFormat(locale, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
	if (startDate === endDate) {
		return new Intl.DateTimeFormat(locale, {
			weekday: 'short',
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			timeZone: 'UTC'
		}).format(parts(startDate));
	}
	return format.formatRange(parts(startDate), parts(endDate));
}
