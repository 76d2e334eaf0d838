/**
 * Shared Playwright fixtures. Every test runs under a guard that fails it when any request leaves
 * the app's origin, when the Content-Security-Policy refuses anything, or when a page throws.
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

export interface Guard {
	/** Origins the app may talk to: its own, plus any a test serves itself (e.g. a second build). */
	origins: Set<string>;
	foreignRequests: string[];
	cspViolations: string[];
	pageErrors: string[];
}

/** Watches a context: requests to other origins, CSP violations and uncaught page errors. */
export async function watchContext(context: BrowserContext, origin: string): Promise<Guard> {
	const guard: Guard = {
		origins: new Set([origin]),
		foreignRequests: [],
		cspViolations: [],
		pageErrors: []
	};
	context.on('request', (request) => {
		const url = request.url();
		if (/^(data|blob|about|chrome-extension):/.test(url)) return;
		if (!guard.origins.has(new URL(url).origin)) guard.foreignRequests.push(url);
	});
	await context.exposeBinding('__reportCsp', (_source, text: string) => {
		guard.cspViolations.push(text);
	});
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			const report = (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp;
			report(
				`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`
			);
		});
	});
	const watchPage = (page: Page) => {
		page.on('pageerror', (error) => guard.pageErrors.push(error.message));
		page.on('console', (message) => {
			if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
				guard.cspViolations.push(message.text());
		});
	};
	context.pages().forEach(watchPage);
	context.on('page', watchPage);
	return guard;
}

export function expectClean(guard: Guard): void {
	expect(guard.foreignRequests, 'requests that left the origin').toEqual([]);
	expect(guard.cspViolations, 'Content-Security-Policy violations').toEqual([]);
	expect(guard.pageErrors, 'uncaught errors in the page').toEqual([]);
}

/**
 * Makes `page.goto` and `page.reload` resolve once the app has started on the new document (see
 * appReady), as a person would wait for it; documents that aren't the app (an error page, a file)
 * resolve as usual.
 */
export function waitForAppOnNavigation(page: Page): void {
	const started = () =>
		page.waitForFunction(
			() =>
				document.documentElement.dataset.ready === 'true' ||
				!document.body?.hasAttribute('data-sveltekit-preload-data'),
			undefined,
			{ timeout: 15_000 }
		);
	const goto = page.goto.bind(page);
	const reload = page.reload.bind(page);
	page.goto = async (...args) => {
		const response = await goto(...args);
		await started();
		return response;
	};
	page.reload = async (...args) => {
		const response = await reload(...args);
		await started();
		return response;
	};
}

export const test = base.extend<{ guard: Guard }>({
	page: async ({ page }, use) => {
		waitForAppOnNavigation(page);
		await use(page);
	},
	guard: [
		async ({ context, baseURL }, use) => {
			const guard = await watchContext(context, new URL(baseURL ?? '').origin);
			await use(guard);
			expectClean(guard);
		},
		{ auto: true }
	]
});

export { expect };

/** Waits until a service worker controls the page, so later offline loads are served by it. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
		timeout: 20_000
	});
}

/** One visit online installs the service worker; then the network goes away for real. */
export async function goOfflineAfterFirstVisit(page: Page): Promise<void> {
	await page.goto('/');
	await waitForServiceWorker(page);
	await page.context().setOffline(true);
}

/**
 * Waits until the app has started on the current page (the root layout marks `<html data-ready>`
 * once everything has mounted). Screens paint from their prerendered HTML first; typing into a
 * form before then would be reset by hydration.
 */
export async function appReady(page: Page): Promise<void> {
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
}

/** Creates an event through the UI, from wherever the page is. */
export async function createEventThroughUi(
	page: Page,
	event: { name: string; startDate: string; endDate?: string; venue?: string },
	origin = ''
): Promise<void> {
	await page.goto(`${origin}/events/new`);
	await appReady(page);
	await page.getByLabel('Event name').fill(event.name);
	await page.getByLabel('First day').fill(event.startDate);
	if (event.endDate) await page.getByLabel('Last day').fill(event.endDate);
	if (event.venue) await page.getByLabel(/^Venue/).fill(event.venue);
	await page.getByRole('button', { name: 'Save event' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
}
