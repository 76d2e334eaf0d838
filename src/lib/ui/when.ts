/** One formatter per zone: making one costs far more than using it, and a list formats hundreds. */
const formats = new Map<string, Intl.DateTimeFormat>();

/** "Tue 2 Jun, 10:40" in the event's zone (or the device's): when someone was met, or is due. */
export function formatWhen(iso: string, timeZone?: string): string {
	let format = formats.get(timeZone ?? '');
	if (!format) {
		format = new Intl.DateTimeFormat(undefined, {
			weekday: 'short',
			day: 'numeric',
			month: 'short',
			hour: '2-digit',
			minute: '2-digit',
			...(timeZone ? { timeZone } : {})
		});
		formats.set(timeZone ?? '', format);
	}
	return format.format(new Date(iso));
}
