import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{
							name: 'shell',
							test: /src[\\/]lib[\\/](ui[\\/](Icon|EmptyState|ErrorNote|Skeleton|Toasts)\.svelte|ui[\\/](clock|toast|connection)\.svelte\.ts|db[\\/]|events[\\/](active-event\.svelte|events\.repo|validate|format)\.ts|followups[\\/](due\.svelte|open|wake)\.ts|settings[\\/](settings\.repo\.ts|typed-setting\.svelte\.ts)|pwa[\\/]update\.svelte\.ts)|node_modules[\\/](svelte|@sveltejs[\\/]kit|dexie|esm-env|clsx|devalue|workbox-window)[\\/]/
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
