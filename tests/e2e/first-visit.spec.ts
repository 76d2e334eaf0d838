/**
 * A first visit on a phone: the prerendered page paints with its own styles before any script
 * runs, and nothing on Today moves when the welcome card arrives from IndexedDB.
 */
import { test, expect } from './fixtures';

for (const width of [390, 412]) {
	test(`at ${width} px Today paints from its HTML, and My intro stays put when the welcome arrives`, async ({
		browser,
		page,
		baseURL
	}) => {
		const viewport = { width, height: 844 };

		// Without JavaScript: the page is styled from the HTML alone, with no stylesheet request.
		const noScript = await browser.newContext({ javaScriptEnabled: false, viewport, baseURL });
		const bare = await noScript.newPage();
		const stylesheets: string[] = [];
		bare.on('request', (r) => {
			if (r.resourceType() === 'stylesheet') stylesheets.push(r.url());
		});
		await bare.goto('/');
		await expect(bare.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
		await expect(bare.getByText('Loading your event…')).toBeAttached();
		const nav = bare.getByRole('navigation', { name: 'Main' });
		await expect(nav).toHaveCSS('position', 'fixed');
		const introTop = await bare
			.getByRole('heading', { name: 'My intro' })
			.evaluate((h) => h.getBoundingClientRect().top);
		expect(stylesheets).toEqual([]);
		await noScript.close();

		// With JavaScript: the welcome replaces the skeleton in the same room.
		await page.setViewportSize(viewport);
		await page.addInitScript(() => {
			const shifts: number[] = [];
			(window as unknown as { __shifts: number[] }).__shifts = shifts;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as (PerformanceEntry & {
					value: number;
					hadRecentInput: boolean;
				})[])
					if (!entry.hadRecentInput) shifts.push(entry.value);
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await page.goto('/');
		await expect(page.getByRole('heading', { name: 'Start with your event' })).toBeVisible();
		await expect(page.getByRole('textbox', { name: 'Your intro' })).toBeVisible();
		const after = await page
			.getByRole('heading', { name: 'My intro' })
			.evaluate((h) => h.getBoundingClientRect().top);
		expect(after).toBe(introTop);
		const shifts = await page.evaluate(
			() => (window as unknown as { __shifts: number[] }).__shifts
		);
		expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.01);
	});
}

test('the server sends the compressed build to browsers that accept it', async ({ page }) => {
	const scripts: Promise<string | undefined>[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script')
			scripts.push(response.headerValue('content-encoding').then((v) => v ?? undefined));
	});
	const html = await page.goto('/');
	expect(await html?.headerValue('content-encoding')).toBe('br');
	await expect(page.getByRole('heading', { name: 'Start with your event' })).toBeVisible();
	const encodings = await Promise.all(scripts);
	expect(encodings.length).toBeGreaterThan(0);
	expect(new Set(encodings)).toEqual(new Set(['br']));
});
