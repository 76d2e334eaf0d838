/**
 * Whether to show a "follow-ups are due" notification, and what it says. Pure.
 *
 * A notification is about a due set: the rows due now, each identified with its due time
 * (`id@dueAt`, so a row that comes back later, e.g. a check-in, counts as new). One is shown when
 * the set holds anything the last notification was not about; opening the app again, or the tab
 * becoming visible, with the same (or a smaller) set shows nothing. What is remembered is pruned
 * to the current set, so it never grows.
 */

/** A due row, as far as notifying goes. */
export interface DueItem {
	id: string;
	dueAt: string;
}

/** The decision: whether to notify, the text, and what to remember afterwards. */
export interface NotifyDecision {
	show: boolean;
	title: string;
	body: string;
	/** Store this as the notified set (whether or not a notification is shown). */
	remember: string[];
}

/** The key a due row is remembered by. */
export function dueKey(item: DueItem): string {
	return `${item.id}@${item.dueAt}`;
}

function names(list: readonly string[]): string {
	const clean = list.map((name) => name.trim()).filter(Boolean);
	if (clean.length === 0) return '';
	if (clean.length === 1) return clean[0]!;
	if (clean.length === 2) return `${clean[0]} and ${clean[1]}`;
	return `${clean[0]}, ${clean[1]} and ${clean.length - 2} more`;
}

/**
 * Decides about one notification.
 *
 * @param due - the rows due now (any order; duplicates are ignored)
 * @param notified - what the last notification was about (as stored; anything not a string array
 *   counts as nothing)
 * @param people - the due people's names, for the body (optional)
 * @returns `show: false` with an empty set when nothing is due. Never throws.
 */
export function notifyDecision(
	due: readonly DueItem[],
	notified: unknown,
	people: readonly string[] = []
): NotifyDecision {
	const keys = [...new Set(due.map(dueKey))].sort();
	const before = new Set(
		Array.isArray(notified) ? notified.filter((k): k is string => typeof k === 'string') : []
	);
	const count = keys.length;
	const who = names(people);
	return {
		show: keys.some((key) => !before.has(key)),
		title: count === 1 ? '1 follow-up is due' : `${count} follow-ups are due`,
		body: who ? `${who}: open Hallway to send.` : 'Open Hallway to send.',
		remember: keys
	};
}
