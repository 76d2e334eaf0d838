import { test, expect, watchContext } from './fixtures';

// The suite's guard fails every test on a foreign request or a CSP violation; this shows it would.
test('the guard notices a request to another origin and a CSP violation', async ({
	browser,
	baseURL
}) => {
	const origin = new URL(baseURL ?? '').origin;
	const context = await browser.newContext({ baseURL });
	try {
		const guard = await watchContext(context, origin);
		const page = await context.newPage();
		await page.goto('/');
		await page.evaluate(() => {
			const img = document.createElement('img');
			img.src = 'https://tracker.invalid/pixel.png';
			document.body.append(img);
		});
		await expect.poll(() => guard.cspViolations.length).toBeGreaterThan(0);
		expect(guard.cspViolations.join('\n')).toContain('img-src');

		const otherOrigin = origin.replace('localhost', '127.0.0.1');
		await page.goto(`${otherOrigin}/`);
		expect(guard.foreignRequests).toContain(`${otherOrigin}/`);
	} finally {
		await context.close();
	}
});
