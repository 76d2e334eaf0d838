/**
 * Keeps the screen on while something is shown (a QR code someone is scanning), where the Screen
 * Wake Lock API exists. The browser drops the lock whenever the page is hidden, so it is asked for
 * again when the page is visible again. Where the API is missing or refuses, the screen may dim:
 * nothing else changes, and nothing is said.
 */
export class ScreenAwake {
	#sentinel: WakeLockSentinel | undefined;
	#wanted = false;
	readonly #onVisibility = () => {
		if (document.visibilityState === 'visible') void this.#request();
	};

	/** Starts keeping the screen on until {@link stop}. */
	start(): void {
		if (this.#wanted) return;
		this.#wanted = true;
		document.addEventListener('visibilitychange', this.#onVisibility);
		void this.#request();
	}

	/** Lets the screen dim again. */
	stop(): void {
		this.#wanted = false;
		document.removeEventListener('visibilitychange', this.#onVisibility);
		const sentinel = this.#sentinel;
		this.#sentinel = undefined;
		sentinel?.release().catch(() => {
			// Already released by the browser when the page was hidden.
		});
	}

	/** True while the browser holds the lock for us. */
	get held(): boolean {
		return Boolean(this.#sentinel && !this.#sentinel.released);
	}

	async #request(): Promise<void> {
		if (!('wakeLock' in navigator) || document.visibilityState !== 'visible' || this.held) return;
		try {
			const sentinel = await navigator.wakeLock.request('screen');
			// Closed while the request was pending: let go at once.
			if (this.#wanted) this.#sentinel = sentinel;
			else await sentinel.release();
		} catch {
			// Refused (battery saver, a permissions policy): the code stays on screen regardless.
		}
	}
}
