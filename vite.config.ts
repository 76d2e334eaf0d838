import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	resolve: {
		alias: [
			// Dexie's package entry wraps its UMD build, which bundles whole behind an interop helper;
			// its ES module build is the same code that the bundler can tree-shake.
			{ find: /^dexie$/, replacement: 'dexie/dist/dexie.mjs' },
			// workbox-window's `module` entry is transpiled to ES5 (5.8 KB); the same release's
			// modern build is 3.3 KB, and every browser with service workers runs it.
			{ find: /^workbox-window$/, replacement: 'workbox-window/build/workbox-window.prod.mjs' }
		]
	},
	build: {
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{
							name: 'shell',
							test: /src[\\/]lib[\\/](ui[\\/](Icon|EmptyState|ErrorNote|Skeleton|Toasts)\.svelte|ui[\\/](clock|toast|connection)\.svelte\.ts|db[\\/](?!storage)|events[\\/](active-event\.svelte|events\.repo|format)\.ts|followups[\\/](due\.svelte|open|wake)\.ts|settings[\\/](settings\.repo\.ts|typed-setting\.svelte\.ts)|pwa[\\/]update\.svelte\.ts)|node_modules[\\/](svelte|@sveltejs[\\/]kit|dexie|esm-env|clsx|devalue)[\\/]/
						}
					]
				}
			}
		}
	},
	server: { port: 5173, strictPort: true },
	preview: { port: 4173, strictPort: true },
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node',
		setupFiles: ['./src/test-setup.ts'],
		// Property tests run hundreds of cases; on a busy 2-core machine 5 s is not enough headroom.
		testTimeout: 30_000
	}
});
