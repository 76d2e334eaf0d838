import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './scripts/chromium.js';

/** The production build is served on this port for the tests (fails loudly if it is taken). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4391);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	// Two cores: one browser per worker.
	workers: 2,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${E2E_PORT}`,
		browserName: 'chromium',
		serviceWorkers: 'allow',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: findChromium(),
			args: CHROMIUM_FLAGS
		}
	},
	webServer: {
		command: `node scripts/serve.js --port ${E2E_PORT}`,
		url: `http://localhost:${E2E_PORT}/`,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
