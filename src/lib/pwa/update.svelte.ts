/** The app's view of its own service worker: is a new version waiting, did registration fail. */
import type { Registration } from './register';

class PwaState {
	updateReady = $state(false);
	error = $state<string | undefined>(undefined);
	#registration: Registration | undefined;

	#started = false;

	/**
	 * Registers once, in the browser (called from the root layout's onMount). The registration code is
	 * loaded here, never during prerendering, and after the first paint.
	 */
	async start(): Promise<void> {
		if (this.#started) return;
		this.#started = true;
		const onError = (error: unknown) => {
			this.error = error instanceof Error ? error.message : String(error);
		};
		try {
			const { registerServiceWorker } = await import('./register');
			this.#registration = registerServiceWorker({
				onUpdateReady: () => (this.updateReady = true),
				onError
			});
		} catch (error) {
			onError(error);
		}
	}

	/** Switches to the waiting version; the page reloads when it takes over. */
	reload(): void {
		this.#registration?.activateUpdate();
	}

	dismiss(): void {
		this.updateReady = false;
	}
}

export const pwa = new PwaState();
