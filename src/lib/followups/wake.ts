/**
 * Waking snoozed follow-ups when the app opens, without loading the outbox (its templates and
 * channels) unless something is actually due to wake: the common case is one cheap indexed count.
 */
import { db } from '$lib/db';

/**
 * Wakes every snoozed follow-up whose time has come (see wakeDue in outbox.repo) and returns how
 * many woke; reads one index and returns 0 when none is due. IndexedDB only, so offline is fine.
 */
export async function wakeSnoozed(now: string): Promise<number> {
	const due = await db.followups
		.where('[status+dueAt]')
		.between(['snoozed', ''], ['snoozed', now], true, true)
		.count();
	if (due === 0) return 0;
	const { wakeDue } = await import('./outbox.repo');
	return wakeDue(now);
}
