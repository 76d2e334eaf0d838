// Payload parse throughput: the app's parsePayload (src/lib/capture/payload.ts) over a seeded mix
// of realistic payloads, in Node. payload.ts is TypeScript, so it is bundled first with Vite's
// build API (library mode) into a temporary directory and imported from there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { MIX, payloadMix, utf8Length } from './payloads.js';

const ROOT = join(import.meta.dirname, '../..');
const SEED = 20250917;
const COUNT = 2000;

/** @param {number[]} sorted ascending @param {number} q in [0, 1] */
export function quantile(sorted, q) {
	if (sorted.length === 0) return NaN;
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return /** @type {number} */ (sorted[i]);
}

/** Bundles payload.ts for Node and imports it. */
async function loadParser() {
	const outDir = mkdtempSync(join(tmpdir(), 'hallway-bench-parse-'));
	try {
		await build({
			configFile: false,
			root: ROOT,
			logLevel: 'error',
			build: {
				outDir,
				emptyOutDir: true,
				minify: false,
				reportCompressedSize: false,
				lib: {
					entry: join(ROOT, 'src/lib/capture/payload.ts'),
					formats: ['es'],
					fileName: () => 'payload.mjs'
				}
			}
		});
		return /** @type {typeof import('../../src/lib/capture/payload.ts')} */ (
			await import(pathToFileURL(join(outDir, 'payload.mjs')).href)
		);
	} finally {
		rmSync(outDir, { recursive: true, force: true });
	}
}

/**
 * Whether the parser read a payload the way a person would: cards as contacts with the
 * person's name, links as links, opaque ids as unknown.
 * @param {import('./payloads.js').Payload} payload
 * @param {import('../../src/lib/capture/payload.ts').ParsedPayload} parsed
 */
function readAsExpected(payload, parsed) {
	switch (payload.kind) {
		case 'opaque':
			return parsed.kind === 'unknown';
		case 'url':
			return parsed.kind === 'contact' && parsed.format === 'url';
		default:
			return parsed.kind === 'contact' && parsed.card.name === payload.name;
	}
}

/**
 * Times parsePayload over the mix: payloads per second (a tight loop over the whole mix) and the
 * time of single calls (median, p95), overall and per kind.
 * @param {(line: string) => void} [log]
 * @returns {Promise<string[]>} markdown lines
 */
export async function parseBench(log = () => {}) {
	log('Payload parse: bundling src/lib/capture/payload.ts…');
	const { parsePayload } = await loadParser();
	const mix = payloadMix(SEED, COUNT);

	// Warm-up: let the JIT see every path before anything is timed.
	for (let pass = 0; pass < 5; pass++) for (const p of mix) parsePayload(p.text);

	/** Payloads per second over a loop of at least `ms` milliseconds. */
	const throughput = (/** @type {string[]} */ texts, ms) => {
		let n = 0;
		let sink = 0;
		const start = process.hrtime.bigint();
		let elapsed = 0;
		while (elapsed < ms * 1e6) {
			for (const text of texts) sink += parsePayload(text).kind.length;
			n += texts.length;
			elapsed = Number(process.hrtime.bigint() - start);
		}
		if (sink < 0) console.log(sink);
		return n / (elapsed / 1e9);
	};

	/** @type {Map<string, number[]>} µs per single call, by kind */
	const times = new Map();
	for (let pass = 0; pass < 5; pass++) {
		for (const p of mix) {
			const start = process.hrtime.bigint();
			parsePayload(p.text);
			const us = Number(process.hrtime.bigint() - start) / 1000;
			for (const key of [p.kind, 'all']) {
				const list = times.get(key) ?? [];
				list.push(us);
				times.set(key, list);
			}
		}
	}

	const kinds = /** @type {string[]} */ ([...MIX.map(([kind]) => kind), 'all']);
	const labels = /** @type {Record<string, string>} */ ({
		vcard3: 'vCard 3.0 (UTF-8, folded)',
		vcard21: 'vCard 2.1 quoted-printable',
		mecard: 'MECARD',
		url: 'URL (LinkedIn, card service, site)',
		opaque: 'Opaque registration id',
		all: '**Mix**'
	});
	const rows = kinds.map((kind) => {
		const subset = kind === 'all' ? mix : mix.filter((p) => p.kind === kind);
		const texts = subset.map((p) => p.text);
		const us = [...(times.get(kind) ?? [])].sort((a, b) => a - b);
		const bytes = texts.reduce((n, t) => n + utf8Length(t), 0) / texts.length;
		const expected = subset.filter((p) => readAsExpected(p, parsePayload(p.text))).length;
		const perSecond = throughput(texts, kind === 'all' ? 1500 : 400);
		return (
			`| ${labels[kind]} | ${subset.length} | ${bytes.toFixed(0)} B | ` +
			`${Math.round(perSecond).toLocaleString('en-US')} | ${quantile(us, 0.5).toFixed(1)} µs | ` +
			`${quantile(us, 0.95).toFixed(1)} µs | ${((100 * expected) / subset.length).toFixed(1)} % |`
		);
	});
	return [
		'## Payload parse throughput (Node)',
		'',
		`parsePayload over ${mix.length} seeded payloads (seed ${SEED}), Node ${process.version}. ` +
			'Single-call times are measured one call at a time (5 passes); payloads/s is a tight ' +
			'loop. "Read as expected": cards give a contact with the card\'s name, links a link, ids unknown.',
		'',
		'| payloads | count | mean size | payloads/s | median | p95 | read as expected |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
		...rows,
		''
	];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	console.log((await parseBench(console.log)).join('\n'));
}
