/**
 * The number of follow-ups due now, shared by the tab bar, Today and the app badge. One live
 * query of the open rows (started by the root layout); the count follows the clock as well.
 *
 * The planner (plan.ts) that decides what is due is loaded only once there is an open row: a
 * first visit, or someone with nothing queued, never downloads it.
 */
import { db } from '$lib/db';
import { SharedLive } from '$lib/db/live.svelte';
import { clock } from '$lib/ui/clock.svelte';
import type { FollowUpPlanRow } from './plan';
import { OPEN_STATUS_LIST } from './open';

type Planner = typeof import('./plan');

class DueFollowUps {
	readonly #open = new SharedLive<FollowUpPlanRow[]>(() =>
		db.followups
			.where('status')
			.anyOf([...OPEN_STATUS_LIST])
			.toArray()
	);
	#plan = $state.raw<Planner | undefined>(undefined);
	#loadingPlan = false;

	/** Starts the live query (browser only; the root layout calls it on mount). */
	start(): void {
		this.#open.start();
	}

	/** True until the first result arrives (and, when something is open, the planner with it). */
	get loading(): boolean {
		const rows = this.#open.current;
		return this.#open.loading || (!!rows?.length && !this.#plan && !this.#open.error);
	}

	/** How many people have a follow-up due now (0 while loading). */
	get count(): number {
		const rows = this.#open.current;
		if (!rows?.length) return 0;
		const plan = this.#plan;
		if (!plan) {
			this.#loadPlan();
			return 0;
		}
		return plan.followUpSections(rows, clock.now).due.length;
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
