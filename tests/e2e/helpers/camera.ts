/**
 * A Chromium whose camera plays a video file, and contexts on it that run under the suite's guard
 * (no foreign requests, no CSP violations, no page errors).
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from '../../../scripts/chromium.js';
import { expectClean, waitForAppOnNavigation, watchContext, type Guard } from '../fixtures';

/**
 * Launches Chromium with a fake camera. With a video file, the camera loops it and access is
 * granted without asking; with `ask: true` (and no file) the camera exists but access must be
 * asked for, and a context without the camera permission refuses it, as a user would.
 */
export function launchWithFakeCamera(
	videoFile: string | undefined,
	options: { ask?: boolean } = {}
): Promise<Browser> {
	const args = [...CHROMIUM_FLAGS, '--use-fake-device-for-media-stream'];
	if (!options.ask) args.push('--use-fake-ui-for-media-stream');
	if (videoFile) args.push(`--use-file-for-fake-video-capture=${videoFile}`);
	return chromium.launch({ executablePath: findChromium(), args });
}

/** A page in a fresh, guarded context with the camera permission. */
export interface CameraPage {
	context: BrowserContext;
	page: Page;
	guard: Guard;
	/** Fails the test on anything the guard saw, then closes the context. */
	close: () => Promise<void>;
}

/** A phone-sized viewport: the Scan screen's main case. */
export const PHONE = { width: 412, height: 915 };

/**
 * Opens a guarded context with the camera allowed (unless `camera: false`), the clock fixed at
 * `now` (timers keep running, so the scanner's loop does too) and a phone-sized viewport.
 */
export async function openCameraPage(
	browser: Browser,
	baseURL: string,
	options: { now?: Date; camera?: boolean } = {}
): Promise<CameraPage> {
	const context = await browser.newContext({
		baseURL,
		permissions: options.camera === false ? [] : ['camera'],
		viewport: PHONE,
		serviceWorkers: 'allow'
	});
	const guard = await watchContext(context, new URL(baseURL).origin);
	if (options.now) await context.clock.setFixedTime(options.now);
	const page = await context.newPage();
	waitForAppOnNavigation(page);
	return {
		context,
		page,
		guard,
		close: async () => {
			try {
				expectClean(guard);
			} finally {
				await context.close();
			}
		}
	};
}
