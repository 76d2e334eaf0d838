// Scan-to-saved through Chromium's fake camera: a few corpus badges, each written as a one-frame
// 1280×720 Y4M video that Chromium's fake capture device loops, are scanned by the production
// build on /scan with quick save on. The time runs from the camera starting (getUserMedia resolving
// in the page) to the "Saved …" toast, which appears once the contact is written.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from '../chromium.js';
import { staticApp } from '../serve.js';
import { quantile } from './parse.js';

/** A phone's viewport, as in the e2e tests. */
const PHONE = { width: 412, height: 915 };

/**
 * A one-frame Y4M (4:2:0, BT.601 limited range) from RGBA pixels.
 * @param {Buffer} rgba
 * @param {number} width
 * @param {number} height
 */
function y4m(rgba, width, height) {
	const luma = Buffer.alloc(width * height);
	const cw = width / 2;
	const ch = height / 2;
	const u = Buffer.alloc(cw * ch);
	const v = Buffer.alloc(cw * ch);
	for (let i = 0; i < width * height; i++) {
		const [r, g, b] = [rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]];
		luma[i] = Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
	}
	for (let y = 0; y < ch; y++)
		for (let x = 0; x < cw; x++) {
			let [r, g, b] = [0, 0, 0];
			for (const [dx, dy] of [
				[0, 0],
				[1, 0],
				[0, 1],
				[1, 1]
			]) {
				const p = ((2 * y + dy) * width + 2 * x + dx) * 4;
				r += rgba[p] / 4;
				g += rgba[p + 1] / 4;
				b += rgba[p + 2] / 4;
			}
			u[y * cw + x] = Math.round(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255);
			v[y * cw + x] = Math.round(128 + (112 * r - 93.786 * g - 18.214 * b) / 255);
		}
	return Buffer.concat([
		Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\nFRAME\n`),
		luma,
		u,
		v
	]);
}

/**
 * Scans one badge video on /scan (quick save on) and returns the times in ms, or undefined when it
 * was not saved within the timeout.
 * @param {string} origin
 * @param {string} video
 */
async function scanOnce(origin, video) {
	const browser = await chromium.launch({
		executablePath: findChromium(),
		args: [
			...CHROMIUM_FLAGS,
			'--use-fake-device-for-media-stream',
			'--use-fake-ui-for-media-stream',
			`--use-file-for-fake-video-capture=${video}`
		]
	});
	try {
		const context = await browser.newContext({
			baseURL: origin,
			viewport: PHONE,
			permissions: ['camera'],
			serviceWorkers: 'block'
		});
		await context.addInitScript(() => {
			const marks = /** @type {Record<string, number>} */ ({});
			/** @type {any} */ (window).__scanMarks = marks;
			const devices = navigator.mediaDevices;
			if (devices?.getUserMedia) {
				const open = devices.getUserMedia.bind(devices);
				devices.getUserMedia = async (constraints) => {
					const stream = await open(constraints);
					marks.camera ??= performance.now();
					return stream;
				};
			}
			new MutationObserver(() => {
				if (marks.saved === undefined && /(^|\n)Saved /.test(document.body?.innerText ?? ''))
					marks.saved = performance.now();
			}).observe(document, { childList: true, subtree: true, characterData: true });
		});
		const page = await context.newPage();
		page.setDefaultTimeout(20_000);
		// The app creates its database on the first screen; then quick save is switched on.
		await page.goto('/people');
		await page.getByRole('heading', { level: 1, name: 'People' }).waitFor({ timeout: 20_000 });
		await page.evaluate(
			() =>
				new Promise((resolve, reject) => {
					const open = indexedDB.open('hallway');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const tx = open.result.transaction('settings', 'readwrite');
						tx.objectStore('settings').put({ key: 'quickSave', value: true });
						tx.oncomplete = () => {
							open.result.close();
							resolve(undefined);
						};
						tx.onerror = () => reject(tx.error);
					};
				})
		);
		await page.goto('/scan');
		try {
			await page.waitForFunction(() => /** @type {any} */ (window).__scanMarks.saved, null, {
				timeout: 20_000
			});
		} catch {
			return undefined;
		}
		const marks = await page.evaluate(() => /** @type {any} */ (window).__scanMarks);
		return { cameraToSaved: marks.saved - marks.camera, loadToSaved: marks.saved };
	} finally {
		await browser.close();
	}
}

/**
 * Scan-to-saved for the given corpus frames (RGBA, 1280×720), against the production build in
 * `buildDir` (default: build/). Returns the section's markdown lines.
 * @param {{ frames: { index: number, width: number, height: number, rgba: Buffer }[],
 *   buildDir: string, port: number, log: (line: string) => void }} options
 */
export async function scanToSaved({ frames, buildDir, port, log }) {
	const title = '### Scan to saved through the fake camera';
	if (!existsSync(join(buildDir, 'index.html')))
		return [
			title,
			'',
			`Not measured: no production build in ${buildDir} (run \`npm run build\`).`,
			''
		];
	const server = createServer(staticApp(buildDir));
	await new Promise((done) => server.listen(port, 'localhost', () => done(undefined)));
	const dir = mkdtempSync(join(tmpdir(), 'hallway-scan-video-'));
	/** @type {{ index: number, cameraToSaved: number, loadToSaved: number }[]} */
	const results = [];
	const missed = [];
	try {
		for (const frame of frames) {
			const file = join(dir, `badge-${frame.index}.y4m`);
			writeFileSync(file, y4m(frame.rgba, frame.width, frame.height));
			// A run that fails on its way (a timeout under load) counts as not saved.
			const times = await scanOnce(`http://localhost:${port}`, file).catch((error) => {
				log(`Scan to saved: frame ${frame.index} failed: ${String(error).split('\n')[0]}`);
				return undefined;
			});
			log(
				`Scan to saved: frame ${frame.index} ${times ? `${times.cameraToSaved.toFixed(0)} ms` : 'not saved'}`
			);
			if (times) results.push({ index: frame.index, ...times });
			else missed.push(frame.index);
		}
	} finally {
		server.close();
		rmSync(dir, { recursive: true, force: true });
	}
	const sorted = (key) => results.map((r) => r[key]).sort((a, b) => a - b);
	const fmt = (v) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : '—');
	const camera = sorted('cameraToSaved');
	const load = sorted('loadToSaved');
	return [
		title,
		'',
		`${frames.length} corpus badges (frames ${frames.map((f) => f.index).join(', ')}), each looped by ` +
			`Chromium's fake camera as a 1280×720 stream, scanned on /scan in a ${PHONE.width}×${PHONE.height} ` +
			'viewport with quick save on, one fresh browser each. From the camera starting (getUserMedia ' +
			'resolved) to the "Saved …" toast, which follows the contact being written; and from the ' +
			'navigation to /scan.',
		'',
		'| | saved | median | max |',
		'| --- | ---: | ---: | ---: |',
		`| camera started → saved | ${results.length}/${frames.length} | ${fmt(quantile(camera, 0.5))} | ${fmt(camera.at(-1))} |`,
		`| navigation → saved | ${results.length}/${frames.length} | ${fmt(quantile(load, 0.5))} | ${fmt(load.at(-1))} |`,
		'',
		...(missed.length ? [`Not saved within 20 s: frames ${missed.join(', ')}.`, ''] : [])
	];
}
