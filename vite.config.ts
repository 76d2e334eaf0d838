import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
