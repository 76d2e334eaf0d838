// `npm run bench`: builds the app and prints what a first visit costs, measured in Debian's
// Chromium against the production build: per route, the JS and CSS bytes the page loads (raw and
// gzip), and the size of the service worker's precache; then how fast the payload parser runs in
// Node and how well and how fast QR codes are decoded in Chromium (scripts/bench-scan/). It prints
// figures and asserts nothing.
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

const ROOT = join(import.meta.dirname, '..');
const BUILD = join(ROOT, 'build');
const ROUTES = ['/', '/scan', '/people', '/agenda', '/follow-ups', '/settings', '/events/new'];
const PORT = Number(process.env.BENCH_PORT ?? 4393);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

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
await new Promise((done) => server.listen(PORT, 'localhost', done));
const origin = `http://localhost:${PORT}`;
const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });

/** JS and CSS fetched by a first visit to one route (no service worker, empty cache). */
async function firstVisit(route) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	const bodies = [];
	page.on('response', (response) => {
		const type = response.request().resourceType();
		if (type === 'script' || type === 'stylesheet')
			bodies.push(response.body().then((body) => ({ type, body })));
	});
	await page.goto(origin + route, { waitUntil: 'networkidle' });
	const loaded = await Promise.all(bodies);
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
		cssGz: sum('stylesheet', gz)
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

const rows = [];
for (const route of ROUTES) rows.push(await firstVisit(route));
const cache = await precache();
const parseLines = await parseBench(console.log);
const scanLines = await scanBench({ browser, log: console.log });
const version = browser.version();
await browser.close();
server.close();

const lines = [
	'# Hallway bench',
	'',
	`Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}, Chromium ${version}`,
	'',
	'## First visit: JS and CSS loaded per route',
	'',
	'| route | files | JS raw | JS gzip | CSS raw | CSS gzip | JS+CSS gzip |',
	'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
	...rows.map(
		(r) =>
			`| ${r.route} | ${r.files} | ${kb(r.js)} | ${kb(r.jsGz)} | ${kb(r.css)} | ${kb(r.cssGz)} | ${kb(r.jsGz + r.cssGz)} |`
	),
	'',
	'## Service worker precache',
	'',
	`${cache.entries} entries, ${kb(cache.raw)} raw, ${kb(cache.gz)} gzip`,
	'',
	...parseLines,
	...scanLines
];
const report = lines.join('\n');
console.log(report);
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results.md'), report);
console.log('Written to bench/results.md');
