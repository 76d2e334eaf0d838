/**
 * The number of follow-ups due now, shared by the tab bar, Today and the app badge. One live
 * query of the open rows (started by the root layout); the count follows the clock as well.
 */
import { SharedLive } from '$lib/db/live.svelte';
import { clock } from '$lib/ui/clock.svelte';
import { openFollowUps } from './outbox.repo';
import { followUpSections } from './plan';

class DueFollowUps {
	readonly #open = new SharedLive(openFollowUps);

	/** Starts the live query (browser only; the root layout calls it on mount). */
	start(): void {
		this.#open.start();
	}

	/** True until the first result arrives. */
	get loading(): boolean {
		return this.#open.loading;
	}

	/** How many people have a follow-up due now (0 while loading). */
	get count(): number {
		const rows = this.#open.current;
		return rows ? followUpSections(rows, clock.now).due.length : 0;
	}
}

/** The app's due follow-ups. */
export const dueFollowUps = new DueFollowUps();
