// The Lighthouse section of `npm run bench`: the `lighthouse` package (12.8, performance category,
// default config = mobile form factor with simulated throttling) driving Debian's Chromium, which
// the bench starts itself headless with a remote-debugging port. Each route runs `runs` times on
// a fresh profile (Lighthouse clears storage first); the figures are medians. The machine has no
// internet: Chromium runs with background networking off, and every request Lighthouse saw is
// checked to have stayed on the app's origin.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS } from './chromium.js';

/** Starts Chromium with a DevTools port; resolves once it is listening. */
async function launch(executablePath, port) {
	const profile = mkdtempSync(join(tmpdir(), 'hallway-lighthouse-'));
	const chrome = spawn(
		executablePath,
		[
			...CHROMIUM_FLAGS,
			'--headless=new',
			`--remote-debugging-port=${port}`,
			`--user-data-dir=${profile}`,
			'--no-default-browser-check',
			'--disable-extensions',
			'--mute-audio',
			'about:blank'
		],
		{ stdio: ['ignore', 'ignore', 'pipe'] }
	);
	await new Promise((done, fail) => {
		let text = '';
		const timer = setTimeout(() => fail(new Error(`Chromium did not start: ${text}`)), 30_000);
		chrome.stderr.on('data', (chunk) => {
			text += chunk;
			if (text.includes('DevTools listening on')) {
				clearTimeout(timer);
				done(undefined);
			}
		});
		chrome.once('exit', (code) => fail(new Error(`Chromium exited (${code}): ${text}`)));
	});
	return {
		close: async () => {
			chrome.kill();
			await new Promise((done) =>
				chrome.exitCode !== null ? done(undefined) : chrome.once('exit', done)
			);
			// Chromium's helper processes can still be writing the profile for a moment after it exits.
			rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
		}
	};
}

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * @param {{ executablePath: string, origin: string, routes: string[], runs: number,
 *   port: number, log: (line: string) => void }} options
 * @returns {Promise<{ route: string, score: number, lcp: number, tbt: number, cls: number,
 *   fcp: number, foreign: string[], scores: number[] }[]>}
 */
export async function lighthouseBench({ executablePath, origin, routes, runs, port, log }) {
	const out = [];
	const chrome = await launch(executablePath, port);
	try {
		for (const route of routes) {
			const results = [];
			for (let i = 0; i < runs; i += 1) {
				log(`Lighthouse: ${route} run ${i + 1}/${runs}…`);
				const result = await lighthouse(origin + route, {
					port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: ['performance']
				});
				const lhr = result?.lhr;
				if (!lhr) throw new Error(`Lighthouse returned nothing for ${route}`);
				if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
				const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
				const requests = lhr.audits['network-requests']?.details?.items ?? [];
				results.push({
					score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
					lcp: audit('largest-contentful-paint'),
					fcp: audit('first-contentful-paint'),
					tbt: audit('total-blocking-time'),
					cls: audit('cumulative-layout-shift'),
					foreign: requests
						.map((r) => String(r.url))
						.filter((url) => /^https?:/.test(url) && new URL(url).origin !== origin)
				});
			}
			out.push({
				route,
				scores: results.map((r) => r.score),
				score: median(results.map((r) => r.score)),
				lcp: median(results.map((r) => r.lcp)),
				fcp: median(results.map((r) => r.fcp)),
				tbt: median(results.map((r) => r.tbt)),
				cls: median(results.map((r) => r.cls)),
				foreign: [...new Set(results.flatMap((r) => r.foreign))]
			});
		}
	} finally {
		await chrome.close();
	}
	return out;
}
