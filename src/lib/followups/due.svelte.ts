/**
 * The number of follow-ups due now, shared by the tab bar, Today and the app badge. One live
 * query (started by the root layout) of only the open rows that are due now or within the next
 * few minutes, through the [status+dueAt] index, plus the other open rows of those people: every
 * screen pays for what is due, not for thousands of messages scheduled for later. The count
 * follows the clock; once it passes the query's horizon, the query runs again.
 *
 * The planner (plan.ts) that decides what is due is loaded only once there is an open row: a
 * first visit, or someone with nothing queued, never downloads it.
 */
import { db } from '$lib/db';
import { LiveValue } from '$lib/db/live.svelte';
import { clock } from '$lib/ui/clock.svelte';
import type { FollowUpPlanRow } from './plan';
import { OPEN_STATUS_LIST } from './open';

type Planner = typeof import('./plan');

/** How far past now the query reads, so the count can follow the clock without re-reading. */
const AHEAD_MS = 15 * 60_000;

/**
 * Open rows that are due by `until` (or whose due time cannot be read, which counts as due), and
 * every other open row of the same people: a person's newest open row decides whether they are
 * due. Reads only those rows.
 */
export async function openRowsDueBy(until: string): Promise<FollowUpPlanRow[]> {
	return db.transaction('r', [db.followups], async () => {
		const ranges = OPEN_STATUS_LIST.flatMap((status) => [
			db.followups
				.where('[status+dueAt]')
				.between([status, ''], [status, until], true, true)
				.toArray(),
			// Not an ISO time (letters sort after digits): unreadable, so due.
			db.followups
				.where('[status+dueAt]')
				.between([status, ':'], [status, '\uffff'], true, true)
				.toArray()
		]);
		const soon = (await Promise.all(ranges)).flat();
		if (!soon.length) return [];
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local de-duplication, not state
		const people = [...new Set(soon.map((row) => row.contactId))];
		const rows = await db.followups.where('contactId').anyOf(people).toArray();
		return rows.filter((row) => OPEN_STATUS_LIST.includes(row.status));
	});
}

class DueFollowUps {
	readonly #open = new LiveValue<FollowUpPlanRow[]>();
	#plan = $state.raw<Planner | undefined>(undefined);
	#loadingPlan = false;
	#started = false;
	/** The query's horizon: rows due after it are not read yet. */
	#until = '';
	#unfollow: (() => void) | undefined;

	/** Starts the live query (browser only; the root layout calls it on mount). */
	start(): void {
		if (this.#started) return;
		this.#started = true;
		this.#follow();
	}

	#follow(): void {
		const until = new Date(Date.now() + AHEAD_MS).toISOString();
		this.#until = until;
		const previous = this.#unfollow;
		this.#unfollow = this.#open.follow(() => openRowsDueBy(until));
		previous?.();
	}

	/** True until the first result arrives (and, when something is open, the planner with it). */
	get loading(): boolean {
		const rows = this.#open.current;
		return this.#open.loading || (!!rows?.length && !this.#plan && !this.#open.error);
	}

	/** How many people have a follow-up due now (0 while loading). */
	get count(): number {
		const now = clock.now;
		if (this.#started && now >= this.#until) {
			// Past the horizon: read again (outside this read, which may be a render).
			queueMicrotask(() => {
				if (new Date().toISOString() >= this.#until) this.#follow();
			});
		}
		const rows = this.#open.current;
		if (!rows?.length) return 0;
		const plan = this.#plan;
		if (!plan) {
			this.#loadPlan();
			return 0;
		}
		return plan.followUpSections(rows, now).due.length;
	}

	#loadPlan(): void {
		if (this.#loadingPlan) return;
		this.#loadingPlan = true;
		import('./plan').then(
			(plan) => (this.#plan = plan),
			// The module is precached; if it ever fails to load, the next read tries again.
			() => (this.#loadingPlan = false)
		);
	}
}

/** The app's due follow-ups. */
export const dueFollowUps = new DueFollowUps();
