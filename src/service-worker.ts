/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Hallway's service worker: the whole app is precached per build, so every screen opens offline
 * after the first visit — deep links and reloads included.
 *
 * - One cache per build version; activation deletes the others.
 * - It never skips waiting by itself: the page shows "A new version is ready — Reload" and sends
 *   SKIP_WAITING (src/lib/pwa/register.ts) when the user accepts.
 * - It claims open pages on activation, so even the first visit is controlled.
 * - Only same-origin GETs are answered; nothing else is touched (data lives in IndexedDB).
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE = `hallway-${version}`;
// adapter-static's SPA fallback renders every route with parameters; Kit leaves it out of
// `prerendered`, so it is added here.
const FALLBACK = '/200.html';
const PRECACHE = [...new Set([...build, ...files, ...prerendered, FALLBACK])];
const PRECACHED = new Set(PRECACHE);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))))
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key !== CACHE && key.startsWith('hallway-')) await caches.delete(key);
			}
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

/** The cached page for a navigation: the prerendered screen, else the SPA fallback. */
function pageKey(pathname: string): string {
	const path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
	if (PRECACHED.has(path)) return path;
	if (PRECACHED.has(`${path}.html`)) return `${path}.html`;
	return FALLBACK;
}

async function respond(request: Request): Promise<Response> {
	const url = new URL(request.url);
	const cache = await caches.open(CACHE);
	if (request.mode === 'navigate') {
		const cached = await cache.match(pageKey(url.pathname));
		if (cached) return cached;
		return fetch(request);
	}
	if (PRECACHED.has(url.pathname)) {
		const cached = await cache.match(url.pathname);
		if (cached) return cached;
	}
	return fetch(request);
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	// version.json is how an open page learns about a new build: never answer it from a cache.
	if (url.pathname.endsWith('/_app/version.json')) return;
	event.respondWith(respond(request));
});

// A "follow-ups are due" notification opens the Follow-ups screen: in an open Hallway window
// when there is one, else in a new one. Only same-origin paths are followed.
sw.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const data = event.notification.data as { url?: unknown } | null;
	const target = new URL(
		typeof data?.url === 'string' ? data.url : '/follow-ups',
		sw.location.origin
	);
	const url =
		target.origin === sw.location.origin ? target.href : `${sw.location.origin}/follow-ups`;
	event.waitUntil(
		(async () => {
			const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
			const client = windows.find((w) => new URL(w.url).origin === sw.location.origin);
			if (client) {
				try {
					const focused = await client.focus();
					// navigate() only works on pages this worker controls.
					if (await focused.navigate(url)) return;
				} catch {
					// Fall through to a new window.
				}
			}
			await sw.clients.openWindow(url);
		})()
	);
});
