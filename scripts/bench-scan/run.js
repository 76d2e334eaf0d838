// The scan bench: QR decode success and time per frame in Debian's Chromium, over a seeded corpus
// of badge-like camera frames drawn by the harness page (index.html + main.ts + corpus.ts, built
// with Vite into a temporary directory and served from it). Prints figures, asserts nothing.
//
//   node scripts/bench-scan/run.js            both sections (parse + decode), own Chromium
//   node scripts/bench-scan/run.js --quick    a 44-frame corpus, to try changes
//
// `npm run bench` calls scanBench() and parseBench() and appends their sections to its report.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sirv from 'sirv';
import { build } from 'vite';
import { scanToSaved } from './camera.js';
import { parseBench, quantile } from './parse.js';

const HERE = import.meta.dirname;
/** 200 frames with a code, 20 without (every 11th; the seed is in corpus.ts). */
const SAMPLES = 220;
const BATCH = 20;
/** Badges scanned through the fake camera (the first ones the reference reads). */
const CAMERA_BADGES = 5;
const ROOT = join(HERE, '..', '..');

/**
 * @typedef {{ decoded: boolean, ok: boolean, misread?: string, error?: string, ms: number,
 *   engine: string }} FrameResult
 * @typedef {{ meta: { index: number, blank: boolean, bytes: number, version: number, modules: number,
 *   ecl: string, modulePx: number, rotation: number, tilt: number, effects: string[],
 *   fingerprint: string }, results: Record<string, FrameResult[]> }} SampleRecord
 */

const pct = (n, d) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);
const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '—');

/** FNV-1a over the frames' own hashes: one word for the whole corpus. */
function corpusFingerprint(records) {
	let hash = 0x811c9dc5;
	for (const { meta } of records)
		for (const char of meta.fingerprint) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
	return (hash >>> 0).toString(16).padStart(8, '0');
}

async function buildHarness(outDir) {
	await build({
		configFile: join(HERE, 'vite.config.js'),
		logLevel: 'error',
		build: { outDir, emptyOutDir: true }
	});
}

/**
 * Runs the corpus through every decoder in one page.
 * @param {import('@playwright/test').Browser} browser
 * @param {(line: string) => void} log
 * @param {number} samples
 */
async function measure(browser, log, samples) {
	const outDir = mkdtempSync(join(tmpdir(), 'hallway-bench-scan-'));
	/** @type {import('node:http').Server | undefined} */
	let server;
	try {
		log('Scan bench: building the harness…');
		await buildHarness(outDir);
		// sirv lists the directory when created: after the build.
		server = createServer(sirv(outDir, { etag: true }));
		await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
		const address = server.address();
		const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		/** @type {string[]} */
		const requests = [];
		page.on('request', (request) => requests.push(request.url()));
		/** @type {string[]} */
		const errors = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await page.goto(`${origin}/`);
		await page.waitForFunction(() => window.scanBench !== undefined);
		const info = await page.evaluate(() => window.scanBench.setup());
		/** @type {SampleRecord[]} */
		const records = [];
		const started = Date.now();
		const load = loadavg()[0] ?? 0;
		for (let from = 0; from < samples; from += BATCH) {
			const to = Math.min(samples, from + BATCH);
			records.push(...(await page.evaluate(([a, b]) => window.scanBench.run(a, b), [from, to])));
			log(`Scan bench: ${to}/${samples} frames (${((Date.now() - started) / 1000).toFixed(0)} s)`);
		}
		// The first badges the reference reads, for the fake camera (scan to saved).
		const readable = records
			.filter((r) => !r.meta.blank && r.results.reference?.some((f) => f.ok))
			.slice(0, CAMERA_BADGES)
			.map((r) => r.meta.index);
		const cameraFrames = [];
		for (const index of readable) {
			const { width, height, data } = await page.evaluate((i) => window.scanBench.rgba(i), index);
			cameraFrames.push({ index, width, height, rgba: Buffer.from(data, 'base64') });
		}
		await context.close();
		const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
		const seconds = (Date.now() - started) / 1000;
		return {
			info,
			records,
			cameraFrames,
			foreign,
			errors,
			seconds,
			load: [load, loadavg()[0] ?? 0]
		};
	} finally {
		server?.close();
		rmSync(outDir, { recursive: true, force: true });
	}
}

/** Frames one decoder saw, optionally only those of the engine that ran. */
function framesOf(records, id, { blank = false, engine = undefined, where = () => true } = {}) {
	return records
		.filter((r) => r.meta.blank === blank && where(r))
		.flatMap((r) => r.results[id] ?? [])
		.filter((f) => engine === undefined || f.engine === engine);
}

/**
 * @param {Awaited<ReturnType<typeof measure>>} run
 * @returns {string[]}
 */
function report({ info, records, foreign, errors, seconds, load }) {
	const detectorName = info.detectorError
		? `not available (${info.detectorError})`
		: info.native
			? 'the platform BarcodeDetector'
			: 'zxing-wasm (barcode-detector polyfill)';
	const wasmName = info.native ? 'native' : 'zxing-wasm';
	const engineName = (engine) => (engine === 'BarcodeDetector' ? wasmName : 'ZXing-js');
	const { portrait, landscape } = info.geometry;
	const box = (v) => `${v.canvas} px canvas ← ${Math.round(v.source)} px box`;
	const codes = records.filter((r) => !r.meta.blank);
	const blanks = records.filter((r) => r.meta.blank);
	const frameCount = Object.fromEntries(info.decoders.map((d) => [d.id, d.frames]));

	// [label, decoder id, what it was fed]
	const rows = [
		[
			'**App scan tick** (ScanTick.read), phone upright: portrait 720×1280 stream',
			'app-portrait',
			`${info.tick.portrait}, decoded 1:1`
		],
		[
			'**App scan tick**, landscape 1280×720 stream in the same viewfinder',
			'app-landscape',
			`${info.tick.landscape}, decoded 1:1`
		],
		["Before: html5-qrcode's own loop, upright", 'before-portrait', box(portrait)],
		["Before: html5-qrcode's own loop, landscape stream", 'before-landscape', box(landscape)],
		["Fallback without wasm: html5-qrcode's ZXing-js, upright", 'zxingjs-portrait', box(portrait)],
		[`**Reference**: BarcodeDetector.detect(), ${wasmName}`, 'reference', 'whole 1280×720 frame']
	];
	const stats = (id, where = () => true) => {
		const frames = framesOf(records, id, { where });
		const blankFrames = framesOf(records, id, { blank: true, where });
		const times = [...frames, ...blankFrames].map((f) => f.ms).sort((a, b) => a - b);
		return {
			ok: frames.filter((f) => f.ok).length,
			total: frames.length,
			misreads: frames.filter((f) => f.decoded && !f.ok).length,
			falsePositives: blankFrames.filter((f) => f.decoded).length,
			blanks: blankFrames.length,
			median: quantile(times, 0.5),
			p95: quantile(times, 0.95)
		};
	};
	const table = rows
		.filter(([, id]) => frameCount[id] !== undefined)
		.map(([label, id, fed]) => {
			const s = stats(id);
			return (
				`| ${label} | ${fed} | ${pct(s.ok, s.total)} (${s.ok}/${s.total}) | ${s.misreads} | ` +
				`${s.falsePositives}/${s.blanks} | ${ms(s.median)} | ${ms(s.p95)} |`
			);
		});

	// Budgets (issue 7): the app's tick against the reference measured in the same run.
	const budgets = [];
	if (frameCount.reference !== undefined && frameCount['app-portrait'] !== undefined) {
		const ref = stats('reference');
		const line = (ok, text) => `- ${ok ? 'PASS' : 'FAIL'}: ${text}`;
		for (const [id, name] of [
			['app-portrait', 'upright'],
			['app-landscape', 'landscape']
		]) {
			const s = stats(id);
			budgets.push(
				line(
					s.ok / s.total >= ref.ok / ref.total,
					`scan tick success, ${name}: ${pct(s.ok, s.total)} ≥ the reference's ${pct(ref.ok, ref.total)}`
				),
				line(s.misreads === 0, `scan tick misreads, ${name}: ${s.misreads}`),
				line(
					s.falsePositives === 0,
					`scan tick false positives, ${name}: ${s.falsePositives}/${s.blanks}`
				),
				line(
					s.median <= 1.3 * ref.median,
					`scan tick median, ${name}: ${ms(s.median)} ≤ 1.3 × the reference's ${ms(ref.median)} ` +
						`(${(s.median / ref.median).toFixed(2)}×)`
				)
			);
		}
	} else budgets.push('- FAIL: no BarcodeDetector could be loaded, so nothing was compared.');

	const columns = [
		['App tick, upright', 'app-portrait'],
		['App tick, landscape', 'app-landscape'],
		['Before, upright (293 px)', 'before-portrait'],
		['Before, landscape (164 px)', 'before-landscape'],
		['ZXing-js fallback (293 px)', 'zxingjs-portrait'],
		['Reference', 'reference']
	].filter(([, id]) => frameCount[id] !== undefined);
	const rates = (where) =>
		columns
			.map(([, id]) => {
				const frames = framesOf(records, id, { where });
				return frames.length === 0 ? '—' : pct(frames.filter((f) => f.ok).length, frames.length);
			})
			.join(' | ');
	const header = columns.map(([label]) => label).join(' | ');
	const align = columns.map(() => '---:').join(' | ');

	const scale = portrait.canvas / portrait.source;
	const bySize = [
		['< 2.5', 0, 2.5],
		['2.5–3.5', 2.5, 3.5],
		['3.5–4.5', 3.5, 4.5],
		['≥ 4.5', 4.5, Infinity]
	].map(([label, lo, hi]) => {
		const where = (r) => r.meta.modulePx >= lo && r.meta.modulePx < hi;
		const css = `${(lo * scale).toFixed(1)}${hi === Infinity ? '+' : `–${(hi * scale).toFixed(1)}`}`;
		return `| ${label} | ${css} | ${codes.filter(where).length} | ${rates(where)} |`;
	});
	const clean = (r) => r.meta.effects.every((e) => e === 'jpeg');
	const byEffect = [
		['clean (at most JPEG)', clean],
		...['tilt', 'blur', 'noise', 'low contrast', 'dim', 'glare', 'jpeg'].map((e) => [
			e,
			(r) => r.meta.effects.includes(e)
		])
	].map(([label, where]) => `| ${label} | ${codes.filter(where).length} | ${rates(where)} |`);

	const bytes = codes.map((r) => r.meta.bytes);
	const versions = codes.map((r) => r.meta.version);
	const modulePx = codes.map((r) => r.meta.modulePx).sort((a, b) => a - b);
	const notes = records.flatMap((r) =>
		Object.entries(r.results).flatMap(([id, frames]) =>
			frames
				.filter((f) => f.misread || f.error)
				.map((f) => {
					const what = f.misread ? `misread ${f.misread}` : `threw ${f.error}`;
					return `- frame ${r.meta.index}, ${id} (${engineName(f.engine)}): ${what}`;
				})
		)
	);
	const thrown = notes.filter((n) => n.includes(': threw ')).length;
	const wasm = info.wasm.map((url) => new URL(url).pathname).join(', ') || 'none';
	return [
		'## QR decode: success and time per frame (Chromium)',
		'',
		`${codes.length} badge frames with a QR code and ${blanks.length} without (logo, dot pattern, ` +
			`finder patterns around noise), 1280×720, drawn in the page from seed 0x${info.seed.toString(16)} ` +
			`(corpus fingerprint ${corpusFingerprint(records)}). vCard 3.0 / 2.1 payloads of ` +
			`${Math.min(...bytes)}–${Math.max(...bytes)} bytes (UTF-8, non-ASCII names), QR versions ` +
			`${Math.min(...versions)}–${Math.max(...versions)}, ${modulePx[0]?.toFixed(1)}–` +
			`${modulePx.at(-1)?.toFixed(1)} px per module in the frame (median ` +
			`${quantile(modulePx, 0.5).toFixed(1)}), rotated up to 25°, ` +
			`${codes.filter((r) => r.meta.effects.includes('tilt')).length} tilted in perspective, with ` +
			'blur, low contrast, dim light, glare, noise and JPEG (q 0.4–0.9) at random.',
		'',
		`Phone viewfinder 390×844 CSS px: scan box ${portrait.canvas} CSS px (Scanner.svelte). The app's ` +
			'scan tick (src/lib/capture/scanner-tick.ts, imported by the harness) crops the scan box from the ' +
			"video frame in the camera's pixels and decodes it 1:1, once per frame; its time is the whole " +
			"tick (crop, draw, detect). Before it, html5-qrcode's own loop copied the box onto a canvas of " +
			'its CSS size and decoded that. One frame per image: a decoder reads the same image the same way ' +
			'every time, so "read within 2 frames" equals success per frame here. The reference is also the ' +
			"app's photo path (readQrFromImage: the whole image, ≤ 2000 px).",
		'',
		`BarcodeDetector: ${detectorName}; .wasm from ${wasm}; requests to other origins: ` +
			`${foreign.length}; decoder errors: ${thrown}; page errors: ${errors.length}. ` +
			`Times include copying the frame onto the decode canvas; decoding took ${seconds.toFixed(0)} s ` +
			`(1-min load average ${load.map((l) => l.toFixed(1)).join(' → ')} on ${cpus().length} cores, ` +
			'this bench included: times move with load, rates do not).',
		'',
		'| decoder | fed | success per frame | misreads | false positives | median | p95 |',
		'| --- | --- | ---: | ---: | ---: | ---: | ---: |',
		...table,
		'',
		'Budgets:',
		'',
		...budgets,
		'',
		`Success per frame by module size (px per module in the capture frame, and in the ${portrait.canvas} px canvas):`,
		'',
		`| px/module | in canvas | codes | ${header} |`,
		`| --- | --- | ---: | ${align} |`,
		...bySize,
		'',
		'Success per frame by degradation (a frame can have several):',
		'',
		`| frames with | codes | ${header} |`,
		`| --- | ---: | ${align} |`,
		...byEffect,
		'',
		...(notes.length ? ['Misreads and decoder errors:', '', ...notes, ''] : [])
	];
}

/**
 * Measures the corpus in the given browser and returns the section's markdown lines.
 * @param {{ browser: import('@playwright/test').Browser, log?: (line: string) => void, samples?: number }} options
 */
export async function scanBench({ browser, log = () => {}, samples = SAMPLES }) {
	const run = await measure(browser, log, samples);
	const camera = await scanToSaved({
		frames: run.cameraFrames,
		// SCAN_BENCH_BUILD: another build to measure (e.g. a copy of the previous one).
		buildDir: process.env.SCAN_BENCH_BUILD ?? join(ROOT, 'build'),
		port: Number(process.env.SCAN_BENCH_PORT ?? 4563),
		log
	});
	return [...report(run), ...camera];
}

export { parseBench };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const { chromium } = await import('@playwright/test');
	const { CHROMIUM_FLAGS, findChromium } = await import('../chromium.js');
	const executablePath = findChromium();
	if (!executablePath) {
		console.error('The bench needs Chromium: run `node scripts/ensure-chromium.js` first.');
		process.exit(1);
	}
	const log = (line) => console.error(line);
	const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
	try {
		const samples = process.argv.includes('--quick') ? 44 : SAMPLES;
		const lines = [...(await parseBench(log)), ...(await scanBench({ browser, log, samples }))];
		console.log(lines.join('\n'));
	} finally {
		await browser.close();
	}
}
