/**
 * Headless Chromium has no Screen Wake Lock: this stand-in records what the page asks for, and
 * lets a test play the browser dropping the lock (as it does whenever the page is hidden).
 */
import type { Page } from '@playwright/test';

export interface WakeLockLog {
	/** What the page did so far: "request screen" and "release", in order. */
	calls: () => Promise<string[]>;
	/** Marks every lock released and tells the page it is visible again. */
	dropAndShow: () => Promise<void>;
}

/** Installs the stand-in before the page's own scripts run. */
export async function stubWakeLock(page: Page): Promise<WakeLockLog> {
	await page.addInitScript(() => {
		const log: string[] = [];
		const sentinels: { released: boolean }[] = [];
		Object.assign(window, { __wake: log, __sentinels: sentinels });
		Object.defineProperty(navigator, 'wakeLock', {
			value: {
				request: (type: string) => {
					log.push(`request ${type}`);
					const sentinel = {
						released: false,
						release: () => {
							sentinel.released = true;
							log.push('release');
							return Promise.resolve();
						}
					};
					sentinels.push(sentinel);
					return Promise.resolve(sentinel);
				}
			}
		});
	});
	return {
		calls: () => page.evaluate(() => (window as unknown as { __wake: string[] }).__wake),
		dropAndShow: () =>
			page.evaluate(() => {
				const sentinels = (window as unknown as { __sentinels: { released: boolean }[] })
					.__sentinels;
				for (const s of sentinels) s.released = true;
				document.dispatchEvent(new Event('visibilitychange'));
			})
	};
}
