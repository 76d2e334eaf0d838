/**
 * "Now" for screens that show what is on: ticks every 30 seconds while a screen reads it, so the
 * now/next strip moves on by itself. Reads Date.now(), which tests can fix with page.clock.
 */
import { createSubscriber } from 'svelte/reactivity';

class Clock {
	#subscribe = createSubscriber((update) => {
		const timer = setInterval(update, 30_000);
		return () => clearInterval(timer);
	});

	/** The current instant as an ISO string. */
	get now(): string {
		this.#subscribe();
		return new Date().toISOString();
	}
}

export const clock = new Clock();
