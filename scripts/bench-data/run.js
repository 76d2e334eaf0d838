// The data-scale and offline cold-start sections of `npm run bench`, in Debian's Chromium against
// the production build (build/). The bench's own server serves build/ as scripts/serve.js does,
// plus /__bench/data.js: scripts/bench-data/entry.ts built with Vite from the app's own repo
// modules. The page imports it to seed 10,000 contacts, 2,000 sessions and 5,000 follow-ups into
// the app's IndexedDB; nothing of it is in build/, so no bench code ships to users.
//
// Timings are taken in the page: performance.now() is measured from navigation start, a
// MutationObserver notes when the first list row is in the DOM, and the next animation frame is
// when it is painted. Search latency is from the keystroke's input event to the frame after the
// list's last change.
import { mkdtempSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sirv from 'sirv';
import { build } from 'vite';
import { staticApp } from '../serve.js';

const HERE = import.meta.dirname;
const ROOT = join(HERE, '../..');
/** BENCH_SCALE=0.1 seeds a tenth, to try the bench itself quickly (the budgets assume 1). */
const FACTOR = Number(process.env.BENCH_SCALE ?? 1);
export const SCALE = {
	contacts: Math.round(10_000 * FACTOR),
	sessions: Math.round(2_000 * FACTOR),
	followups: Math.round(5_000 * FACTOR)
};
const RUNS = 5;

export const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const quantile = (values, q) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};

/** First paint of a selector, per name; set up before any page script runs. */
const FIRST_SEEN = {
	people: 'main ul[aria-label="People"] > li',
	agenda: 'main ul[aria-label^="Sessions"] > li',
	followups: 'main ul > li',
	today: 'main #active-event'
};

function watchScript(selectors) {
	const seen = {};
	window.__benchSeen = seen;
	const check = () => {
		for (const [name, selector] of Object.entries(selectors)) {
			if (seen[name] || !document.querySelector(selector)) continue;
			seen[name] = { dom: performance.now() };
			requestAnimationFrame(() => (seen[name].paint = performance.now()));
		}
	};
	new MutationObserver(check).observe(document, { childList: true, subtree: true });
	// Search latency: every input event, and the last DOM change in <main> after it.
	const inputs = [];
	window.__benchInputs = inputs;
	document.addEventListener(
		'input',
		(event) => inputs.push({ at: event.timeStamp, changed: undefined, paint: undefined }),
		true
	);
	const onMain = new MutationObserver(() => {
		const last = inputs[inputs.length - 1];
		if (!last) return;
		last.changed = performance.now();
		requestAnimationFrame(() => (last.paint = performance.now()));
	});
	const attach = () => {
		const main = document.querySelector('main');
		if (main) onMain.observe(main, { childList: true, subtree: true, characterData: true });
		else requestAnimationFrame(attach);
	};
	document.addEventListener('DOMContentLoaded', attach);
}

async function buildModule(outDir) {
	await build({
		configFile: false,
		root: ROOT,
		logLevel: 'error',
		resolve: { alias: { $lib: join(ROOT, 'src/lib') } },
		build: {
			outDir,
			emptyOutDir: true,
			target: 'es2022',
			reportCompressedSize: false,
			lib: { entry: join(HERE, 'entry.ts'), formats: ['es'], fileName: () => 'data.js' }
		}
	});
}

/** The production build plus the bench module under /__bench/. */
async function startServer(buildDir, benchDir, port) {
	const app = staticApp(buildDir);
	const bench = sirv(benchDir, { dev: true });
	const server = createServer((req, res) => {
		if (req.url?.startsWith('/__bench/')) {
			req.url = req.url.slice('/__bench'.length);
			return bench(req, res, () => {
				res.statusCode = 404;
				res.end();
			});
		}
		return app(req, res);
	});
	await new Promise((done, fail) => {
		server.once('error', fail);
		server.listen(port, 'localhost', done);
	});
	return server;
}

const fmt = (v) => (v === undefined || !Number.isFinite(v) ? '—' : `${Math.round(v)} ms`);

/**
 * Seeds the full scale and measures. Returns table rows { label, value, detail } and budget
 * checks { name, ok, actual }.
 * @param {{ browser: import('@playwright/test').Browser, buildDir: string, port: number,
 *   log: (line: string) => void, cold: boolean, data: boolean }} options
 */
export async function dataBench({ browser, buildDir, port, log, cold, data }) {
	const benchDir = mkdtempSync(join(tmpdir(), 'hallway-bench-data-'));
	const rows = [];
	const budgets = [];
	const notes = [];
	let server;
	let context;
	try {
		log('Data bench: building the seeding module…');
		await buildModule(benchDir);
		// Seeding and the repo-level timings run on a blank page of the same origin (same
		// IndexedDB), so the app's own live queries do not re-run after every one of 15,000 writes.
		writeFileSync(join(benchDir, 'blank.html'), '<!doctype html><title>Hallway bench</title>');
		server = await startServer(buildDir, benchDir, port);
		const origin = `http://localhost:${port}`;
		context = await browser.newContext({
			viewport: { width: 390, height: 844 },
			deviceScaleFactor: 2,
			isMobile: true,
			hasTouch: true,
			locale: 'en-GB'
		});
		await context.addInitScript(watchScript, FIRST_SEEN);
		const page = await context.newPage();
		const errors = [];
		page.on('pageerror', (error) => errors.push(error.message));
		// Before the service worker is installed: once it controls the origin, every navigation
		// is answered with the app.
		await page.goto(`${origin}/__bench/blank.html`);
		const scale = data ? SCALE : { contacts: 50, sessions: 100, followups: 10 };
		log(
			`Data bench: seeding ${scale.contacts} contacts, ${scale.sessions} sessions, ${scale.followups} follow-ups through the app's repos…`
		);
		const ticker = setInterval(() => {
			page
				.evaluate(async () => (await import('/__bench/data.js')).progress)
				.then((p) => log(`  … ${p.step} ${p.done}/${p.of}`))
				.catch(() => {});
		}, 15_000);
		const seeded = await page
			.evaluate(async (counts) => (await import('/__bench/data.js')).seed(counts), scale)
			.finally(() => clearInterval(ticker));
		log(`Data bench: seeded in ${seeded.seconds.toFixed(1)} s`);
		notes.push(
			`Seeded through the app's repo functions (createEvent, parseSchedule + previewImport + applyImport, saveContact, startFollowUp/queueDraft) in ${seeded.seconds.toFixed(0)} s: ${seeded.contacts} contacts, ${seeded.sessions} sessions, ${seeded.followups} follow-ups. Seeding, backup and import run on a blank page of the app's origin (the repos alone, no screen re-rendering); screens load in a phone viewport (390×844) with the service worker controlling, median of ${RUNS} loads after one warm-up.`
		);

		if (data) {
			const hasBackup = existsSync(join(ROOT, 'src/lib/backup/backup.ts'));
			if (!hasBackup) {
				rows.push({ label: 'backup: not measured (module not present)', value: '—', detail: '' });
			} else {
				log('Data bench: backup export and restore…');
				const exports = [];
				const restores = [];
				for (let run = 0; run < 3; run += 1) {
					exports.push(
						await page.evaluate(async () => (await import('/__bench/data.js')).exportBackup())
					);
					restores.push(
						await page.evaluate(async () => (await import('/__bench/data.js')).restoreBackup())
					);
				}
				const exp = median(exports.map((e) => e.ms));
				const res = median(restores.map((e) => e.ms));
				rows.push({
					label: `Backup export (full JSON, ${(exports[0].bytes / 1024 / 1024).toFixed(1)} MB)`,
					value: fmt(exp),
					detail: 'median of 3'
				});
				rows.push({
					label: 'Backup restore (the same file)',
					value: fmt(res),
					detail: `median of 3: check ${fmt(median(restores.map((e) => e.check)))}, preview ${fmt(median(restores.map((e) => e.preview)))}, write ${fmt(median(restores.map((e) => e.write)))}`
				});
				budgets.push({ name: 'Backup export ≤ 1 s', ok: exp <= 1000, actual: fmt(exp) });
				budgets.push({ name: 'Backup restore ≤ 3 s', ok: res <= 3000, actual: fmt(res) });
			}
		}
		if (data) {
			log('Data bench: importing a 1,000-session pretalx JSON…');
			const imports = [];
			for (let run = 1; run <= 3; run += 1)
				imports.push(
					await page.evaluate(
						async (r) => (await import('/__bench/data.js')).importAgenda(1000, r),
						run
					)
				);
			const total = median(imports.map((i) => i.total));
			rows.push({
				label: `Import ${imports[0].sessions}-session pretalx JSON (${(imports[0].bytes / 1024 / 1024).toFixed(1)} MB)`,
				value: fmt(total),
				detail: `parse ${fmt(median(imports.map((i) => i.parse)))}, preview ${fmt(median(imports.map((i) => i.preview)))}, write ${fmt(median(imports.map((i) => i.apply)))}`
			});
			budgets.push({ name: '1,000-session import ≤ 1 s', ok: total <= 1000, actual: fmt(total) });
		}

		await page.goto(`${origin}/`);
		await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
			timeout: 30_000
		});

		/** navigation start → first row painted, median of RUNS loads. */
		const firstRender = async (route, name) => {
			const times = [];
			for (let i = 0; i < RUNS + 1; i += 1) {
				await page.goto(`${origin}${route}`);
				await page.waitForFunction((n) => window.__benchSeen?.[n]?.paint !== undefined, name, {
					timeout: 30_000
				});
				const t = await page.evaluate((n) => window.__benchSeen[n].paint, name);
				if (i > 0) times.push(t); // the first load warms the HTTP cache, as a returning user's
			}
			return times;
		};

		if (data) {
			for (const [route, name, label, budget] of [
				['/people', 'people', 'People', 150],
				['/agenda', 'agenda', 'Agenda', 150],
				['/follow-ups', 'followups', 'Follow-ups', undefined]
			]) {
				log(`Data bench: first render of ${route}…`);
				const times = await firstRender(route, name);
				const m = median(times);
				rows.push({
					label: `${label}: navigation → first row painted`,
					value: fmt(m),
					detail: `min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))}`
				});
				if (budget)
					budgets.push({
						name: `${label} first render ≤ ${budget} ms`,
						ok: m <= budget,
						actual: fmt(m)
					});
			}

			log('Data bench: search keystroke latency on /people…');
			const latencies = await searchLatency(page, origin, seeded.oldestName);
			const p50 = quantile(
				latencies.map((l) => l.ms),
				0.5
			);
			const p95 = quantile(
				latencies.map((l) => l.ms),
				0.95
			);
			rows.push({
				label: `People search: keystroke → list updated (p50 / p95)`,
				value: `${fmt(p50)} / ${fmt(p95)}`,
				detail: `${latencies.length} keystrokes that changed the list`
			});
			budgets.push({ name: 'People search p95 ≤ 16 ms', ok: p95 <= 16, actual: fmt(p95) });
			const found = await page
				.getByRole('list', { name: 'People' })
				.getByRole('link', { name: new RegExp(seeded.oldestName) })
				.count();
			notes.push(
				`Search found the oldest contact (${seeded.oldestName}) by name: ${found > 0 ? 'yes' : 'NO'}.`
			);
		}

		if (cold) {
			log('Data bench: cold start offline…');
			await page.goto(`${origin}/`);
			await page.waitForFunction(() => window.__benchSeen?.today?.paint !== undefined);
			await context.setOffline(true);
			const times = [];
			for (let i = 0; i < RUNS; i += 1) {
				const offlinePage = await context.newPage();
				offlinePage.on('pageerror', (error) => errors.push(error.message));
				await offlinePage.goto(`${origin}/`);
				await offlinePage
					.getByRole('heading', { level: 1, name: 'Today' })
					.waitFor({ state: 'visible' });
				await offlinePage.waitForFunction(() => window.__benchSeen?.today?.paint !== undefined);
				times.push(await offlinePage.evaluate(() => window.__benchSeen.today.paint));
				await offlinePage.close();
			}
			await context.setOffline(false);
			rows.push({
				label: 'Cold start offline: navigation → Today with the active event painted',
				value: fmt(median(times)),
				detail: `new tab, network off, service worker serving; ${data ? 'full data set' : 'one event'}; min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))}`
			});
		}

		if (errors.length) notes.push(`Page errors: ${errors.join('; ')}`);
	} finally {
		await context?.close();
		server?.close();
		rmSync(benchDir, { recursive: true, force: true });
	}
	return { rows, budgets, notes };
}

/**
 * Types queries into People's search box one key at a time and returns, per keystroke that
 * changed the list, the time from its input event to the frame after the list's last change.
 */
async function searchLatency(page, origin, oldestName) {
	await page.goto(`${origin}/people`);
	await page.waitForFunction(() => window.__benchSeen?.people?.paint !== undefined);
	const box = page.getByLabel('Search people');
	await box.click();
	const queries = ['maria', 'acme rob', 'hiring', oldestName.toLowerCase(), 'søren', 'zoë ber'];
	const out = [];
	for (const query of queries) {
		for (const key of [...query, 'clear']) {
			if (key === 'clear') await box.fill('');
			else await page.keyboard.type(key);
			// Quiet for a while: the list has settled.
			await page.waitForTimeout(350);
			const last = await page.evaluate(() => window.__benchInputs.at(-1));
			if (last?.paint !== undefined) out.push({ key, ms: last.paint - last.at });
		}
	}
	// Leave the oldest contact's name in the box, for the "found" check.
	await box.fill(oldestName);
	await page.waitForTimeout(500);
	return out;
}
