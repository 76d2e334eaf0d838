/**
 * The Scan screen end to end: a fake camera plays generated QR badges (tests/e2e/helpers/qr-video),
 * and every page runs under the suite's guard. Each describe has its own Chromium, because the
 * fake camera's video is chosen when the browser starts.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, type Browser, type Page } from '@playwright/test';
import { launchWithFakeCamera, openCameraPage, type CameraPage } from './helpers/camera';
import { activeEventId, contacts, putAll, scans, seedSessions } from './helpers/idb';
import { qrPng, writeQrVideo, type QrVideo, type QrVideoOptions } from './helpers/qr-video';
import { stubWakeLock } from './helpers/wake-lock';
import { createEventThroughUi, expect, waitForServiceWorker } from './fixtures';

/** The fixed "now": the middle of the second session below. */
const NOW = new Date('2026-06-02T10:30:00.000Z');
const AGENDA: [string, string, string, string][] = [
	['s-keynote', 'Opening keynote', '2026-06-02T09:00:00.000Z', '2026-06-02T10:00:00.000Z'],
	['s-offline', 'Offline-first', '2026-06-02T10:15:00.000Z', '2026-06-02T11:00:00.000Z'],
	['s-lunch', 'Lunch', '2026-06-02T12:00:00.000Z', '2026-06-02T13:00:00.000Z']
];

function vcard(lines: string[]): string {
	return ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n');
}

const ZOE = vcard([
	'N:Ødegård;Zoë;;;',
	'FN:Zoë Ødegård',
	'ORG:Fjordlys AS;Platform',
	'TITLE:Staff Engineer',
	'EMAIL;TYPE=INTERNET,WORK:zoe.odegard@fjordlys.example',
	'TEL;TYPE=CELL:+47 912 34 567',
	'URL:https://fjordlys.example/zoe'
]);

const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">';
const HOSTILE = vcard([
	`FN:${HOSTILE_NAME}`,
	'EMAIL:mallory@hostile.example',
	'URL:javascript:alert(1)'
]);

const OPAQUE = 'J3NHHSZN2VK';

const sheet = (page: Page) => page.getByRole('dialog', { name: 'Review contact' });
const lastCaptures = (page: Page) => page.getByRole('list', { name: 'Last captures' });
const cameraStatus = (page: Page) =>
	page.getByRole('region', { name: 'Camera' }).getByRole('status');

async function startWithAgenda(page: Page): Promise<string> {
	await createEventThroughUi(page, { name: 'Fjord Conf', startDate: '2026-06-02' });
	const eventId = await activeEventId(page);
	await seedSessions(page, eventId, AGENDA);
	return eventId;
}

/** Chooses an image in "Scan from a photo". */
async function photo(page: Page, image: Buffer | string): Promise<void> {
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Scan from a photo' }).click();
	await (
		await chooser
	).setFiles(
		typeof image === 'string' ? image : { name: 'badge.png', mimeType: 'image/png', buffer: image }
	);
}

/** Presses a toast's button (several toasts can be up at once). */
async function toastAction(page: Page, message: string, action: string): Promise<void> {
	await page
		.getByText(message, { exact: true })
		.locator('..')
		.getByRole('button', { name: action })
		.click();
}

/**
 * One Chromium per describe block (its fake camera plays `texts` as QR codes, or, with no texts,
 * asks for permission and is refused), and a guarded page per test.
 */
function withCamera(texts: string[], video: QrVideoOptions = {}) {
	const refused = texts.length === 0;
	let file: QrVideo | undefined;
	let browser: Browser;
	let open: CameraPage | undefined;
	base.beforeAll(async () => {
		file = refused ? undefined : writeQrVideo(texts, video);
		browser = await launchWithFakeCamera(file?.path, { ask: refused });
	});
	base.afterAll(async () => {
		await browser?.close();
		file?.remove();
	});
	base.afterEach(async () => {
		await open?.close();
		open = undefined;
	});
	return async (baseURL: string | undefined, options: { now?: Date } = {}) => {
		open = await openCameraPage(browser, baseURL ?? '', { ...options, camera: !refused });
		return open;
	};
}

base.describe('scanning a vCard badge', () => {
	const camera = withCamera([ZOE]);

	base('read, reviewed, saved with the event and the session in progress', async ({ baseURL }) => {
		const { page } = await camera(baseURL, { now: NOW });
		const eventId = await startWithAgenda(page);
		await page.goto('/scan');
		await expect(page.getByText('Saving to Fjord Conf')).toBeVisible();

		const review = sheet(page);
		await expect(review).toBeVisible({ timeout: 20_000 });
		await expect(cameraStatus(page)).toHaveText('Scanning paused.');
		await expect(review.getByLabel('Name')).toHaveValue('Zoë Ødegård');
		await expect(review.getByLabel('Company')).toHaveValue('Fjordlys AS, Platform');
		await expect(review.getByLabel('Job title')).toHaveValue('Staff Engineer');
		await expect(review.getByRole('textbox', { name: 'Email' })).toHaveValue(
			'zoe.odegard@fjordlys.example'
		);
		await expect(review.getByRole('textbox', { name: 'Phone' })).toHaveValue('+47 912 34 567');
		await expect(review.getByLabel('Where you met')).toHaveValue('s-offline');
		// Focus starts on the sheet's title (no keyboard popping up over the Save button).
		await expect(review.getByRole('heading', { name: 'Review contact' })).toBeFocused();
		await review.getByLabel('Note').fill('Wants the offline sync slides');
		await review.getByRole('button', { name: 'Save', exact: true }).click();

		await expect(review).toBeHidden();
		await expect(page.getByText('Saved Zoë Ødegård')).toBeVisible();
		await expect(lastCaptures(page).getByRole('link', { name: 'Zoë Ødegård' })).toBeVisible();
		// Scanning resumes, and the badge still in front of the camera is not taken twice.
		await expect(cameraStatus(page)).toHaveText("Point the camera at the badge's QR code.");
		await page.waitForTimeout(1_500);
		await expect(review).toHaveCount(0);

		const [saved] = await contacts(page);
		expect(saved).toMatchObject({
			name: 'Zoë Ødegård',
			eventId,
			sessionId: 's-offline',
			metAt: NOW.toISOString(),
			note: 'Wants the offline sync slides'
		});
		expect(await scans(page)).toMatchObject([
			{ raw: ZOE, format: 'vcard', source: 'camera', contactId: saved?.id }
		]);

		await page.getByRole('link', { name: 'People', exact: true }).click();
		await expect(
			page.getByRole('list', { name: 'People' }).getByRole('link', { name: /Zoë Ødegård/ })
		).toBeVisible();
	});

	base(
		'the screen stays on while the camera runs, and is let go on leaving',
		async ({ baseURL }) => {
			const { page } = await camera(baseURL);
			const wake = await stubWakeLock(page);
			await page.goto('/');
			await createEventThroughUi(page, { name: 'Lobby Conf', startDate: '2026-06-02' });
			await page.goto('/scan');
			await expect(sheet(page)).toBeVisible({ timeout: 20_000 });
			await expect.poll(wake.calls).toEqual(['request screen']);
			// Hidden and shown again while scanning: the lock is asked for again.
			await wake.dropAndShow();
			await expect.poll(wake.calls).toEqual(['request screen', 'request screen']);

			await page.keyboard.press('Escape');
			await expect(sheet(page)).toHaveCount(0);
			await page.getByRole('link', { name: 'People', exact: true }).click();
			await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
			await expect.poll(wake.calls).toEqual(['request screen', 'request screen', 'release']);
		}
	);

	base('offline after one visit: the decoder comes from the precache', async ({ baseURL }) => {
		const { page, context } = await camera(baseURL);
		await page.goto('/');
		await waitForServiceWorker(page);
		await createEventThroughUi(page, { name: 'Basement Conf', startDate: '2026-06-02' });

		await context.setOffline(true);
		const wasm: { url: string; fromServiceWorker: boolean }[] = [];
		page.on('response', (response) => {
			if (response.url().endsWith('.wasm'))
				wasm.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker() });
		});
		await page.goto('/scan');
		await expect(page.getByText('Offline', { exact: true })).toBeVisible();
		const review = sheet(page);
		await expect(review).toBeVisible({ timeout: 20_000 });
		// The self-hosted polyfill decoded it, not html5-qrcode's fallback.
		await expect(page.locator('[data-decoder]')).toHaveAttribute('data-decoder', 'zxing-wasm');
		expect(wasm).toEqual([
			{
				url: expect.stringMatching(/\/_app\/immutable\/assets\/zxing_reader\.[\w-]+\.wasm$/),
				fromServiceWorker: true
			}
		]);
		await review.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(page.getByText('Saved Zoë Ødegård')).toBeVisible();
		expect((await contacts(page)).map((c) => c.name)).toEqual(['Zoë Ødegård']);
	});
});

base.describe('a landscape camera stream', () => {
	// A dense badge (588 bytes, QR version 19: 93 modules) at 3 px per module in a 1280×720
	// stream. On a 412 px wide phone the scan box is 174 CSS px over 540 video px: copied at the
	// box's CSS size (html5-qrcode's own loop) that is under 1 px per module, and never read.
	const DENSE = vcard([
		'N:Nakamura-Søndergaard;Ana Sofía;;;',
		'FN:Ana Sofía Nakamura-Søndergaard',
		'ORG:Ålesund Observatoriet for Kystklima;Data Platform',
		'TITLE:Principal Research Engineer, Sensor Networks',
		'EMAIL;TYPE=INTERNET,WORK:ana.sofia.nakamura-sondergaard@kystklima-observatoriet.example',
		'EMAIL;TYPE=INTERNET,HOME:anasofia@post.example',
		'TEL;TYPE=CELL:+47 412 34 567',
		'TEL;TYPE=WORK:+47 70 11 22 33',
		'ADR;TYPE=WORK:;;Strandgata 12;Ålesund;;6004;Norge',
		'URL:https://kystklima-observatoriet.example/folk/ana-sofia',
		'NOTE:Met at the hallway track. Ask about the fjord buoys.'
	]);
	const camera = withCamera([DENSE], { width: 1280, height: 720, codeSize: 303 });

	base('a dense badge in the scan box is read at the camera’s resolution', async ({ baseURL }) => {
		const { page } = await camera(baseURL);
		await page.goto('/scan');
		const review = sheet(page);
		await expect(review).toBeVisible({ timeout: 20_000 });
		await expect(review.getByLabel('Name')).toHaveValue('Ana Sofía Nakamura-Søndergaard');
		await expect(review.getByLabel('Company')).toHaveValue(
			'Ålesund Observatoriet for Kystklima, Data Platform'
		);
		// The stream really is landscape, and wider than the viewfinder shows it.
		const video = await page
			.locator('#scan-viewfinder video')
			.evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight, v.clientWidth]);
		expect(video).toEqual([1280, 720, 412]);
		expect(await scans(page)).toMatchObject([{ raw: DENSE, format: 'vcard', source: 'camera' }]);
	});
});

base.describe('continuous mode', () => {
	const badges = ['Ada Okafor', 'Björn Sæther'].map((name, i) =>
		vcard([`FN:${name}`, `EMAIL:badge${i + 1}@example.org`])
	);
	// 1.6 s per badge, 3.2 s per loop.
	const camera = withCamera(badges, { fps: 5, framesPerCode: 8 });

	base(
		'two badges in one video are each saved once, however often they pass',
		async ({ baseURL }) => {
			const { page } = await camera(baseURL);
			await createEventThroughUi(page, { name: 'Loop Conf', startDate: '2026-06-02' });
			// Switched on before the camera starts, so no code is read in review mode first.
			await putAll(page, 'settings', [{ key: 'continuousScan', value: true }]);
			await page.goto('/scan');
			await expect(page.getByRole('switch', { name: 'Continuous' })).toBeChecked();

			await expect.poll(async () => (await contacts(page)).length, { timeout: 20_000 }).toBe(2);
			await expect(page.getByText('Saved Ada Okafor')).toBeVisible();
			// Two more loops of the video: nothing more is saved, or even logged.
			await page.waitForTimeout(7_000);
			expect((await contacts(page)).map((c) => c.name).sort()).toEqual([
				'Ada Okafor',
				'Björn Sæther'
			]);
			expect(await scans(page)).toHaveLength(2);
			await expect(sheet(page)).toHaveCount(0);
			await expect(lastCaptures(page).getByRole('listitem')).toHaveCount(2);
		}
	);
});

base.describe('hostile badge', () => {
	const camera = withCamera([HOSTILE]);

	base('markup is saved and shown as text; no javascript: link exists', async ({ baseURL }) => {
		const { page } = await camera(baseURL);
		await page.goto('/scan');
		await expect(page.getByRole('link', { name: 'Add your event' })).toBeVisible();
		const review = sheet(page);
		await expect(review).toBeVisible({ timeout: 20_000 });
		await expect(review.getByLabel('Name')).toHaveValue(HOSTILE_NAME);
		await expect(review.getByRole('textbox', { name: 'Website' })).toHaveValue('');
		await review.getByRole('button', { name: 'Save', exact: true }).click();

		await expect(page.getByText(`Saved ${HOSTILE_NAME}`)).toBeVisible();
		await expect(lastCaptures(page).getByRole('link', { name: HOSTILE_NAME })).toBeVisible();
		expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
		const scriptLinks = await page.evaluate(
			() =>
				[...document.querySelectorAll('[href], [src], [action], [formaction]')].filter((el) =>
					['href', 'src', 'action', 'formaction'].some((name) =>
						/^\s*javascript:/i.test(el.getAttribute(name) ?? '')
					)
				).length
		);
		expect(scriptLinks).toBe(0);
		await expect(page.locator('img[src="x"]')).toHaveCount(0);
		const [saved] = await contacts(page);
		expect(saved).toMatchObject({ name: HOSTILE_NAME, urls: [] });
		// No active event: saved without one.
		expect(saved?.eventId).toBeUndefined();
	});
});

base.describe('a code that is not a card', () => {
	const camera = withCamera([OPAQUE]);

	base('an opaque id is kept in Unread scans, with a calm notice', async ({ baseURL }) => {
		const { page } = await camera(baseURL);
		await page.goto('/scan');
		await expect(page.getByText(/^Kept in Unread scans: /)).toBeVisible({ timeout: 20_000 });
		await expect(lastCaptures(page).getByText('Unread code')).toBeVisible();
		await expect(sheet(page)).toHaveCount(0);
		const logged = await scans(page);
		expect(logged).toMatchObject([{ raw: OPAQUE, format: 'unknown', source: 'camera' }]);
		expect(logged[0]?.contactId).toBeUndefined();
		expect(await contacts(page)).toEqual([]);

		// People points to it; the user notes who it was and turns it into a contact.
		await page.getByRole('link', { name: 'People' }).click();
		await page.getByRole('link', { name: /1 scan is not saved as a person yet/ }).click();
		const item = page.getByRole('list', { name: 'Unread scans' }).getByRole('listitem');
		await expect(item.getByLabel('Scanned text')).toHaveText(OPAQUE);
		await item.getByLabel('Who was it?').fill('Red jacket, runs the Acme booth');
		await item.getByRole('button', { name: 'Turn into contact' }).click();
		await expect(item.getByLabel('Note')).toHaveValue('Red jacket, runs the Acme booth');
		await item.getByLabel('Name').fill('Sam Rivera');
		await item.getByLabel('Company').fill('Acme');
		await item.getByRole('button', { name: 'Save person' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Sam Rivera' })).toBeVisible();
		await expect(page.getByText('Red jacket, runs the Acme booth')).toBeVisible();
		const [person] = await contacts(page);
		expect((await scans(page))[0]?.contactId).toBe(person?.id);
		await page.goto('/people/unread');
		await expect(page.getByRole('heading', { name: 'Nothing unread' })).toBeVisible();
	});

	base('the camera is released while hidden and after leaving the screen', async ({ baseURL }) => {
		const { page, context } = await camera(baseURL);
		// Counts the camera tracks still running, whoever opened them.
		await context.addInitScript(() => {
			const devices = navigator.mediaDevices;
			const open = devices.getUserMedia.bind(devices);
			const streams: MediaStream[] = [];
			(window as unknown as { __liveTracks: () => number }).__liveTracks = () =>
				streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length;
			devices.getUserMedia = async (constraints) => {
				const stream = await open(constraints);
				streams.push(stream);
				return stream;
			};
		});
		const liveTracks = () =>
			page.evaluate(() => (window as unknown as { __liveTracks: () => number }).__liveTracks());
		const setHidden = (hidden: boolean) =>
			page.evaluate((value) => {
				Object.defineProperty(document, 'visibilityState', {
					configurable: true,
					get: () => (value ? 'hidden' : 'visible')
				});
				document.dispatchEvent(new Event('visibilitychange'));
			}, hidden);

		await page.goto('/scan');
		await expect(cameraStatus(page)).toHaveText("Point the camera at the badge's QR code.");
		expect(await liveTracks()).toBe(1);

		await setHidden(true);
		await expect.poll(liveTracks).toBe(0);
		await setHidden(false);
		await expect.poll(liveTracks).toBe(1);
		await expect(cameraStatus(page)).toHaveText("Point the camera at the badge's QR code.");
		await expect(page.locator('#scan-viewfinder video')).toHaveCount(1);

		await page.getByRole('link', { name: 'People', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
		await expect.poll(liveTracks).toBe(0);
		// Coming back starts it again, with one viewfinder.
		await page.getByRole('link', { name: 'Scan', exact: true }).click();
		await expect.poll(liveTracks).toBe(1);
		await expect(page.locator('#scan-viewfinder video')).toHaveCount(1);
	});
});

base.describe('camera refused', () => {
	const camera = withCamera([]);

	base('says so plainly; photos and typing still save people', async ({ baseURL }) => {
		const { page } = await camera(baseURL, { now: NOW });
		const eventId = await startWithAgenda(page);
		await page.goto('/scan');

		await expect(cameraStatus(page)).toHaveText(
			"Camera access is blocked for Hallway: allow it in your browser's site settings, or scan from a photo."
		);
		await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();

		// A photo of a badge.
		await photo(page, await qrPng(ZOE));
		const review = sheet(page);
		await expect(review).toBeVisible();
		await expect(review.getByLabel('Name')).toHaveValue('Zoë Ødegård');
		await expect(review.getByLabel('Where you met')).toHaveValue('s-offline');
		await review.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(page.getByText('Saved Zoë Ødegård')).toBeVisible();
		expect(await scans(page)).toMatchObject([{ raw: ZOE, source: 'photo', format: 'vcard' }]);
		const [first] = await contacts(page);

		// The same badge again: met before, so Merge leads; Undo puts the person back as they were.
		await photo(page, await qrPng(ZOE));
		await expect(review.getByText(/^Met before — Zoë Ødegård, Fjord Conf, /)).toBeVisible();
		await review.getByLabel('Note').fill('Second chat: send the sync paper');
		await review.getByRole('button', { name: 'Merge' }).click();
		await expect(page.getByText('Merged into Zoë Ødegård')).toBeVisible();
		expect(await contacts(page)).toMatchObject([
			{ id: first?.id, note: 'Second chat: send the sync paper' }
		]);
		await toastAction(page, 'Merged into Zoë Ødegård', 'Undo');
		await expect(page.getByText('Zoë Ødegård is back as before.')).toBeVisible();
		expect(await contacts(page)).toEqual([first]);

		// Discard: nothing saved, the scan stays logged.
		await photo(page, await qrPng('MECARD:N:Berg,Tove;EMAIL:tove@berg.example;;'));
		await expect(review.getByLabel('Name')).toHaveValue('Tove Berg');
		await review.getByRole('button', { name: 'Discard' }).click();
		await expect(review).toHaveCount(0);
		await expect(lastCaptures(page).getByRole('listitem').first()).toContainText('Not saved');
		expect(await scans(page)).toHaveLength(3);
		expect(await contacts(page)).toHaveLength(1);

		// A photo with no code: said in one line, nothing logged.
		await photo(page, 'static/icons/icon-192.png');
		await expect(page.getByRole('alert')).toHaveText(/^No QR code found in that photo/);
		expect(await scans(page)).toHaveLength(3);

		// Typed in by hand: no scan row, met now, in the session in progress.
		await page.getByRole('button', { name: 'Type it in' }).click();
		const manual = page.getByRole('dialog', { name: 'New contact' });
		await expect(manual.getByLabel('Name')).toHaveValue('');
		await expect(manual.getByLabel('Where you met')).toHaveValue('s-offline');
		await manual.getByLabel('Name').fill('Ingrid Håland');
		await manual.getByRole('textbox', { name: 'Email' }).fill('ingrid@haland.example');
		await manual.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(page.getByText('Saved Ingrid Håland')).toBeVisible();
		expect((await contacts(page)).find((c) => c.name === 'Ingrid Håland')).toMatchObject({
			eventId,
			sessionId: 's-offline',
			metAt: NOW.toISOString(),
			emails: ['ingrid@haland.example']
		});
		expect(await scans(page)).toHaveLength(3);

		// Undo of a save deletes the person again.
		await toastAction(page, 'Saved Ingrid Håland', 'Undo');
		await expect(page.getByText('Removed Ingrid Håland.')).toBeVisible();
		expect((await contacts(page)).map((c) => c.name)).toEqual(['Zoë Ødegård']);
	});

	base('the switches are labelled, keyboard-operable and remembered', async ({ baseURL }) => {
		const { page } = await camera(baseURL);
		await page.goto('/scan');
		const quick = page.getByRole('switch', { name: 'Quick save' });
		await expect(quick).toBeEnabled();
		await expect(quick).not.toBeChecked();
		await quick.focus();
		await page.keyboard.press('Space');
		await expect(quick).toBeChecked();
		await page.getByRole('switch', { name: 'Sound' }).uncheck();
		await page.reload();
		await expect(page.getByRole('switch', { name: 'Quick save' })).toBeChecked();
		await expect(page.getByRole('switch', { name: 'Sound' })).not.toBeChecked();
		await expect(page.getByRole('switch', { name: 'Continuous' })).not.toBeChecked();
	});

	base('the sheet passes axe; Escape closes it unsaved, focus comes back', async ({ baseURL }) => {
		const { page } = await camera(baseURL);
		await page.goto('/scan');
		const typeItIn = page.getByRole('button', { name: 'Type it in' });
		await typeItIn.click();
		const manual = page.getByRole('dialog', { name: 'New contact' });
		await expect(manual).toBeVisible();
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
		await manual.getByLabel('Name').fill('Not kept');
		await page.keyboard.press('Escape');
		await expect(manual).toHaveCount(0);
		await expect(typeItIn).toBeFocused();
		expect(await contacts(page)).toEqual([]);
	});
});
