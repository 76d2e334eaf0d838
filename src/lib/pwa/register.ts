/**
 * Registers the service worker and reports when a new version is waiting. The browser's own
 * ServiceWorkerContainer API does all of it in a few lines, so the first visit does not download
 * workbox-window for it.
 * The worker (src/service-worker.ts) never skips waiting by itself: the user chooses when to
 * reload, so a half-typed note is never interrupted. Data lives in IndexedDB and is untouched.
 */
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
	const container = navigator.serviceWorker;
	let registration: ServiceWorkerRegistration | undefined;
	let accepted = false;

	// A worker that finished installing while another controls the page is an update waiting.
	// (The very first install has no controller: nothing to offer, it simply takes over.)
	const watch = (worker: ServiceWorker | null) => {
		if (!worker) return;
		const check = () => {
			if (worker.state === 'installed' && container.controller) handlers.onUpdateReady();
		};
		check();
		worker.addEventListener('statechange', check);
	};

	// `controllerchange` also fires on the very first install (the worker claims the page); only
	// reload when the user asked for the new version.
	container.addEventListener('controllerchange', () => {
		if (accepted) window.location.reload();
	});

	// In dev the worker is an ES module and not bundled.
	container.register('/service-worker.js', { type: dev ? 'module' : 'classic' }).then((reg) => {
		registration = reg;
		if (reg.waiting && container.controller) handlers.onUpdateReady();
		watch(reg.installing);
		reg.addEventListener('updatefound', () => watch(reg.installing));
	}, handlers.onError);

	const checkForUpdate = async () => {
		try {
			await registration?.update();
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
			// The worker answers this message with skipWaiting() (src/service-worker.ts).
			registration?.waiting?.postMessage({ type: 'SKIP_WAITING' });
		},
		checkForUpdate
	};
}
