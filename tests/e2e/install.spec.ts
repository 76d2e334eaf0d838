import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_FLAGS, findChromium } from '../../scripts/chromium.js';
import { test, expect, watchContext, expectClean, waitForServiceWorker } from './fixtures';

test('Chromium finds the app installable, with a valid manifest', async ({ baseURL }) => {
	// The default context is incognito-like and always reports `in-incognito`: use a real profile.
	const profile = mkdtempSync(join(tmpdir(), 'hallway-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: findChromium(),
		args: CHROMIUM_FLAGS,
		baseURL
	});
	try {
		const guard = await watchContext(context, new URL(baseURL ?? '').origin);
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto('/');
		await waitForServiceWorker(page);
		const cdp = await context.newCDPSession(page);

		const manifest = (await cdp.send('Page.getAppManifest')) as {
			errors: unknown[];
			url: string;
		};
		expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
		expect(manifest.errors).toEqual([]);

		const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
			installabilityErrors: { errorId: string }[];
		};
		expect(installabilityErrors).toEqual([]);
		expectClean(guard);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});
