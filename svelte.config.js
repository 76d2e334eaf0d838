import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/**
 * The build's version names the service-worker cache and shows in Settings › About.
 * HALLWAY_VERSION pins it (the update test builds twice with two names); otherwise every build
 * gets a fresh one, so a deployed build always replaces the cached one. It is stored back into
 * the environment because this file is loaded again by the prerendering worker, which must agree.
 */
process.env.HALLWAY_VERSION ??= `${pkg.version}+${Date.now().toString(36)}`;
const version = process.env.HALLWAY_VERSION;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({
			pages: process.env.HALLWAY_BUILD_DIR ?? 'build',
			assets: process.env.HALLWAY_BUILD_DIR ?? 'build',
			// Routes with parameters (a person, a session) are rendered in the browser from this page.
			fallback: '200.html',
			// .br and .gz beside every file; scripts/serve.js sends them to browsers that accept them.
			precompress: true,
			strict: true
		}),
		version: { name: version },
		// A prerendered screen carries its own styles (all under 8 KB) in one <style> instead of
		// render-blocking stylesheet requests, so it paints as soon as the HTML arrives. The CSP
		// stays strict: Kit adds that exact style's sha256 to style-src, nothing else inline runs.
		inlineStyleThreshold: 8192,
		// workbox-window registers the worker (src/lib/pwa/register.ts) so the app can offer "Reload".
		serviceWorker: { register: false },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// WebAssembly compilation only (the QR decoder's zxing-wasm); still no eval of JS.
				'script-src': ['self', 'wasm-unsafe-eval'],
				'style-src': ['self'],
				// The one inline style attribute allowed: SvelteKit's own route announcer (an
				// aria-live region it inserts after the first navigation). A Kit upgrade that changes
				// it fails the e2e suite's CSP guard, and the new hash is in that failure message.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:', 'blob:'],
				'media-src': ['self', 'blob:'],
				'font-src': ['self'],
				// The one request to another origin: an agenda URL the user types on the import
				// screen (src/lib/schedule/import-source.ts). Web addresses only.
				'connect-src': ['self', 'https:', 'http://localhost:*', 'http://127.0.0.1:*'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
