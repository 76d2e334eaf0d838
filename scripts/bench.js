// `npm run bench`: builds the app and measures it in Debian's Chromium against the production
// build, then prints one report with the issue's budgets as PASS/FAIL lines (and writes it to
// bench/results.md). It never fails on a budget: the exit code is 0 unless the bench itself broke.
//
// Sections (all by default; `npm run bench -- --only shell,lighthouse` runs some):
//   shell       JS and CSS loaded by a first visit per route (raw, gzip); the precache size
//   lighthouse  Lighthouse 12 mobile preset on /, /people, /agenda (scripts/bench-lighthouse.js)
//   data        10,000 contacts, 2,000 sessions, 5,000 follow-ups: first render, search latency,
//               agenda import, backup (scripts/bench-data/)
//   cold        cold start offline: a new tab with the network off → an interactive Today
//   scan        payload parse throughput and QR decoding (scripts/bench-scan/)
// Options: --no-build (measure build/ as it is), --runs N (Lighthouse runs per route, default 3).
// Ports: BENCH_PORT (default 4553) serves build/; the data bench uses BENCH_PORT + 1 and
// Lighthouse's Chromium listens on BENCH_PORT + 2.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './chromium.js';
import { staticApp } from './serve.js';
import { parseBench, scanBench } from './bench-scan/run.js';
import { dataBench, SCALE } from './bench-data/run.js';
import { lighthouseBench } from './bench-lighthouse.js';

const ROOT = join(import.meta.dirname, '..');
const BUILD = join(ROOT, process.env.HALLWAY_BUILD_DIR ?? 'build');
const PORT = Number(process.env.BENCH_PORT ?? 4553);
const SECTIONS = ['shell', 'lighthouse', 'data', 'cold', 'scan'];

const option = (name) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > -1 ? process.argv[i + 1] : undefined;
};
const only = (option('only') ?? SECTIONS.join(',')).split(',').map((s) => s.trim());
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length) {
	console.error(`Unknown section ${unknown.join(', ')}: choose from ${SECTIONS.join(', ')}.`);
	process.exit(1);
}
const run = (section) => only.includes(section);
const LIGHTHOUSE_RUNS = Number(option('runs') ?? 3);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const started = Date.now();

if (!process.argv.includes('--no-build')) {
	console.log('Building…');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
}
const executablePath = findChromium();
if (!executablePath) {
	console.error('The bench needs Chromium: run `node scripts/ensure-chromium.js` first.');
	process.exit(1);
}

const server = createServer(staticApp(BUILD));
await new Promise((done, fail) => {
	server.once('error', (error) =>
		fail(new Error(`Port ${PORT} is taken (${error.message}): set BENCH_PORT to a free one.`))
	);
	server.listen(PORT, 'localhost', done);
});
const origin = `http://localhost:${PORT}`;
const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });

/** Scripts that belong to the QR scanner: html5-qrcode, zxing-wasm. */
const SCANNER = /Html5Qrcode|zxing_reader/;

/** JS and CSS fetched by a first visit to one route (no service worker, empty cache). */
async function firstVisit(route) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	const bodies = [];
	let wasm = 0;
	page.on('response', (response) => {
		const type = response.request().resourceType();
		if (type === 'script' || type === 'stylesheet')
			bodies.push(response.body().then((body) => ({ type, body })));
		// Styles inlined into the page (kit.inlineStyleThreshold) are CSS the visit downloads too.
		if (type === 'document')
			bodies.push(
				response.body().then((html) => ({
					type: 'stylesheet',
					body: Buffer.from(
						[...html.toString().matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)]
							.map((m) => m[1])
							.join('\n')
					)
				}))
			);
		if (response.url().endsWith('.wasm')) wasm += 1;
	});
	await page.goto(origin + route, { waitUntil: 'networkidle' });
	const loaded = (await Promise.all(bodies)).filter((r) => r.body.length > 0);
	await context.close();
	const sum = (type, f) => loaded.filter((r) => r.type === type).reduce((n, r) => n + f(r.body), 0);
	const raw = (b) => b.length;
	const gz = (b) => gzipSync(b, { level: 9 }).length;
	return {
		route,
		files: loaded.length,
		js: sum('script', raw),
		jsGz: sum('script', gz),
		css: sum('stylesheet', raw),
		cssGz: sum('stylesheet', gz),
		scanner: wasm > 0 || loaded.some((r) => r.type === 'script' && SCANNER.test(r.body.toString()))
	};
}

/** Everything the service worker stores on install, as the browser reports it. */
async function precache() {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(origin + '/');
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
	const urls = await page.evaluate(async () => {
		const out = [];
		for (const key of await caches.keys()) {
			const cache = await caches.open(key);
			for (const request of await cache.keys()) out.push(new URL(request.url).pathname);
		}
		return out;
	});
	await context.close();
	let raw = 0;
	let gz = 0;
	for (const path of urls) {
		const name = path === '/' ? '/index.html' : path;
		const file = [name, `${name}.html`]
			.map((p) => join(BUILD, p))
			.find((f) => existsSync(f) && statSync(f).isFile());
		if (!file) continue;
		const body = readFileSync(file);
		raw += body.length;
		gz += gzipSync(body, { level: 9 }).length;
	}
	return { entries: urls.length, raw, gz };
}

/** Budget lines: { name, ok, actual }. */
const budgets = [];
const lines = [];
const budget = (name, ok, actual) => budgets.push({ name, ok, actual });
const version = browser.version();

try {
	if (run('shell')) {
		console.log('Shell: first visit per route…');
		const routes = ['/', '/scan', '/people', '/agenda', '/follow-ups', '/settings', '/events/new'];
		for (const extra of ['/me', '/data'])
			if (existsSync(join(BUILD, `${extra.slice(1)}.html`))) routes.push(extra);
		const rows = [];
		for (const route of routes) rows.push(await firstVisit(route));
		const cache = await precache();
		const home = rows[0];
		budget(
			'JS+CSS on first visit to / ≤ 75 KB gzip',
			home.jsGz + home.cssGz <= 75 * 1024,
			kb(home.jsGz + home.cssGz)
		);
		const leaks = rows.filter((r) => r.route !== '/scan' && r.scanner).map((r) => r.route);
		budget(
			'Scanner (html5-qrcode, zxing-wasm) loaded only on /scan',
			leaks.length === 0 && rows.find((r) => r.route === '/scan')?.scanner === true,
			leaks.length ? `also on ${leaks.join(', ')}` : 'only /scan'
		);
		lines.push(
			'## Shell: JS and CSS loaded on a first visit (no service worker, empty cache)',
			'',
			'| route | files | JS raw | JS gzip | CSS raw | CSS gzip | JS+CSS gzip | scanner |',
			'| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
			...rows.map(
				(r) =>
					`| ${r.route} | ${r.files} | ${kb(r.js)} | ${kb(r.jsGz)} | ${kb(r.css)} | ${kb(r.cssGz)} | ${kb(r.jsGz + r.cssGz)} | ${r.scanner ? 'yes' : 'no'} |`
			),
			'',
			`Service worker precache: ${cache.entries} entries, ${kb(cache.raw)} raw, ${kb(cache.gz)} gzip.`,
			''
		);
	}

	if (run('lighthouse')) {
		const results = await lighthouseBench({
			executablePath,
			origin,
			routes: ['/', '/people', '/agenda'],
			runs: LIGHTHOUSE_RUNS,
			port: PORT + 2,
			log: console.log
		});
		const ms = (v) => `${Math.round(v)} ms`;
		lines.push(
			`## Lighthouse 12.8 (mobile preset, simulated throttling), median of ${LIGHTHOUSE_RUNS}`,
			'',
			'| route | performance | runs | FCP | LCP | TBT | CLS | requests off-origin |',
			'| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
			...results.map(
				(r) =>
					`| ${r.route} | ${r.score} | ${r.scores.join(', ')} | ${ms(r.fcp)} | ${ms(r.lcp)} | ${ms(r.tbt)} | ${r.cls.toFixed(3)} | ${r.foreign.length} |`
			),
			'',
			'Empty database (a first visit): Lighthouse clears storage before each run.',
			''
		);
		for (const r of results) {
			if (r.route === '/') {
				budget('Lighthouse performance on / = 100', r.score >= 100, String(r.score));
				budget('LCP on / ≤ 1.2 s', r.lcp <= 1200, ms(r.lcp));
			} else budget(`Lighthouse performance on ${r.route} ≥ 98`, r.score >= 98, String(r.score));
			if (r.foreign.length)
				budget(`Lighthouse on ${r.route} stayed on the origin`, false, r.foreign.join(' '));
		}
	}

	if (run('data') || run('cold')) {
		const result = await dataBench({
			browser,
			buildDir: BUILD,
			port: PORT + 1,
			log: console.log,
			data: run('data'),
			cold: run('cold')
		});
		lines.push(
			run('data')
				? `## Data scale: ${SCALE.contacts.toLocaleString('en')} contacts, ${SCALE.sessions.toLocaleString('en')} sessions, ${SCALE.followups.toLocaleString('en')} follow-ups`
				: '## Cold start offline',
			'',
			'| measure | median | detail |',
			'| --- | ---: | --- |',
			...result.rows.map((r) => `| ${r.label} | ${r.value} | ${r.detail} |`),
			'',
			...result.notes,
			''
		);
		for (const b of result.budgets) budget(b.name, b.ok, b.actual);
	}

	if (run('scan')) {
		lines.push(
			...(await parseBench(console.log)),
			...(await scanBench({ browser, log: console.log }))
		);
	}
} finally {
	await browser.close();
	server.close();
}

const cpu = cpus();
const report = [
	'# Hallway bench',
	'',
	`Machine: ${cpu[0]?.model?.trim() ?? 'unknown CPU'}, ${cpu.length} cores, Node ${process.version}, Chromium ${version}. Sections: ${only.join(', ')}; ${((Date.now() - started) / 60000).toFixed(1)} min.`,
	'',
	'## Budgets',
	'',
	...(budgets.length
		? budgets.map((b) => `- ${b.ok ? 'PASS' : 'FAIL'} ${b.name} (${b.actual})`)
		: ['- none checked in these sections']),
	'',
	...lines
].join('\n');
console.log(`\n${report}`);
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results.md'), `${report}\n`);
const failed = budgets.filter((b) => !b.ok).length;
console.log(
	`Written to bench/results.md. ${failed ? `${failed} budget(s) FAIL` : 'All budgets checked PASS'} (the bench exits 0 either way).`
);
