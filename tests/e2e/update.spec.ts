import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { staticApp } from '../../scripts/serve.js';
import { test, expect, createEventThroughUi, waitForServiceWorker } from './fixtures';

const ROOT = join(import.meta.dirname, '../..');
const NEXT_DIR = join(ROOT, 'build-next');
const NEXT_VERSION = `e2e-next-${Date.now().toString(36)}`;
const PORT = Number(process.env.E2E_UPDATE_PORT ?? 4392);

let server: Server;
let serveDir = join(ROOT, 'build');

test.describe('updates', () => {
	test.describe.configure({ timeout: 180_000 });

	test.beforeAll(() => {
		// The describe's timeout covers the tests, not this hook: a second build (Brotli included)
		// on a busy two-core machine needs more than the default minute.
		test.setTimeout(180_000);
		// A second real build, with another version name, stands in for the next deployment.
		execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
			cwd: ROOT,
			env: { ...process.env, HALLWAY_VERSION: NEXT_VERSION, HALLWAY_BUILD_DIR: NEXT_DIR },
			stdio: 'ignore'
		});
		expect(existsSync(join(NEXT_DIR, '200.html'))).toBe(true);
		server = createServer((req, res) => staticApp(serveDir)(req, res));
		return new Promise<void>((done) => server.listen(PORT, 'localhost', done));
	});

	test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

	test('a new version offers Reload, and reloading keeps the data', async ({ page, guard }) => {
		const origin = `http://localhost:${PORT}`;
		guard.origins.add(origin);
		const firstVersion = (
			JSON.parse(readFileSync(join(ROOT, 'build/_app/version.json'), 'utf8')) as {
				version: string;
			}
		).version;
		serveDir = join(ROOT, 'build');

		await page.goto(`${origin}/`);
		await waitForServiceWorker(page);
		await createEventThroughUi(page, { name: 'Update Day', startDate: '2026-04-01' }, origin);
		await page.goto(`${origin}/settings`);
		await expect(page.getByTestId('app-version')).toHaveText(firstVersion);
		await expect(page.getByText('A new version is ready.')).toHaveCount(0);

		// Deploy the next build; the app looks for it when it comes back to the foreground.
		serveDir = NEXT_DIR;
		await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
		const prompt = page.getByRole('status').filter({ hasText: 'A new version is ready.' });
		await expect(prompt).toBeVisible({ timeout: 20_000 });

		await Promise.all([
			page.waitForEvent('load'),
			prompt.getByRole('button', { name: 'Reload' }).click()
		]);
		await expect(page.getByTestId('app-version')).toHaveText(NEXT_VERSION);
		await page.getByRole('link', { name: 'Today', exact: true }).click();
		await expect(page.getByRole('region', { name: 'Update Day' })).toContainText('Active event');
	});
});
