/**
 * Registers the service worker with workbox-window and reports when a new version is waiting.
 * The worker (src/service-worker.ts) never skips waiting by itself: the user chooses when to
 * reload, so a half-typed note is never interrupted. Data lives in IndexedDB and is untouched.
 */
import { Workbox } from 'workbox-window';
import { dev } from '$app/environment';

export interface Registration {
	/** Activates the waiting version; the page reloads once it controls the page. */
	activateUpdate(): void;
	/** Asks the server whether there is a newer worker. */
	checkForUpdate(): Promise<void>;
}

const CHECK_EVERY_MS = 30 * 60 * 1000;

/**
 * Registers /service-worker.js. Calls `onUpdateReady` when a new version has installed and is
 * waiting (also when it was already waiting before this page loaded). Returns undefined where
 * service workers are unsupported. Registration failures are reported to `onError`, not thrown.
 */
export function registerServiceWorker(handlers: {
	onUpdateReady: () => void;
	onError: (error: unknown) => void;
}): Registration | undefined {
	if (!('serviceWorker' in navigator)) return undefined;
	// In dev the worker is an ES module and not bundled.
	const wb = new Workbox('/service-worker.js', { type: dev ? 'module' : 'classic' });
	let accepted = false;

	wb.addEventListener('waiting', () => handlers.onUpdateReady());
	// `controlling` also fires on the very first install (the worker claims the page); only reload
	// when the user asked for the new version.
	wb.addEventListener('controlling', () => {
		if (accepted) window.location.reload();
	});

	wb.register().catch(handlers.onError);

	const checkForUpdate = async () => {
		try {
			await wb.update();
		} catch {
			// Offline or the server is unreachable: the installed version keeps working.
		}
	};
	// SPA navigation never re-fetches the worker script, so look for updates when the app comes
	// back to the foreground and every half hour while it stays open.
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void checkForUpdate();
	});
	setInterval(() => void checkForUpdate(), CHECK_EVERY_MS);

	return {
		activateUpdate() {
			accepted = true;
			wb.messageSkipWaiting();
		},
		checkForUpdate
	};
}
