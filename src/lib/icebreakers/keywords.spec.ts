import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractKeywords } from './keywords';

const KUBERNETES = `Scaling Kubernetes Operators: Lessons from Running 40 of Them in Production
<p>Kubernetes operators promise to encode your ops knowledge as code. In this talk we will look at
how we run 40 Kubernetes operators at Acme, what broke, and how we test operators before they reach
production.</p><p>Slides: https://example.com/slides?id=3&amp;v=2</p>`;

const WASM = `WebAssembly beyond the browser: components &amp; WASI
WebAssembly is leaving the browser. Learn how the <b>component model</b> and
<a href="https://wasi.dev/interfaces">WASI</a> let you ship portable plugins &mdash; we&#39;ll
compare Wasmtime and WasmEdge, and show why WebAssembly components matter. More at www.wasi.dev or
mail talks@example.org, or ping @wasm_fan.`;

const DESIGN = `Design Systems That Survive a Rebrand
Most design systems break the day marketing changes the colours. We share how our design tokens, a
small set of primitives and strict reviews kept our design systems stable through two rebrands at
the Financial Times.`;

const lower = (list: string[]): string[] => list.map((k) => k.toLowerCase());

describe('extractKeywords', () => {
	it('finds repeated technical phrases and keeps the writer’s casing', () => {
		const keywords = extractKeywords(KUBERNETES);
		expect(keywords[0]).toBe('Kubernetes operators');
		expect(keywords).toContain('production');
		expect(keywords.join(' ')).not.toMatch(/https?|example|slides|talk|lessons|\bwill\b/i);
	});

	it('strips HTML leftovers, entities, URLs, e-mail addresses and handles', () => {
		const keywords = extractKeywords(WASM, 8);
		expect(keywords[0]).toBe('WebAssembly');
		expect(keywords).toEqual(expect.arrayContaining(['WASI', 'Wasmtime', 'WasmEdge']));
		for (const keyword of keywords) {
			expect(keyword).not.toMatch(/[<>&;]|href|http|www|wasi\.dev|example|wasm_fan|mdash|#39/i);
		}
		// "components" and "component" are one word for counting purposes.
		expect(lower(keywords).filter((k) => k.startsWith('component')).length).toBeLessThanOrEqual(1);
	});

	it('prefers repeated multi-word terms, taking casing from running text over Title Case', () => {
		const keywords = extractKeywords(DESIGN);
		expect(keywords.slice(0, 2)).toEqual(['design systems', 'rebrands']);
		// "at the Financial Times" names an employer, not a topic.
		expect(keywords.join(' ')).not.toMatch(/Financial|Times/);
		// The Title Case title does not make every word a name.
		expect(keywords).not.toContain('Survive');
		expect(keywords).not.toContain('Rebrand');
	});

	it('lets generic words back in when they are used as names', () => {
		const keywords = extractKeywords(
			'We rewrote the billing service in Go and moved the queue to Rust.'
		);
		expect(keywords).toEqual(expect.arrayContaining(['Go', 'Rust']));
		expect(lower(extractKeywords('We go through the basics and then go deeper.'))).not.toContain(
			'go'
		);
	});

	it('keeps technical spellings and short capitals, drops short lower-case words', () => {
		const keywords = extractKeywords(
			'Shipping AI features on iOS with GraphQL, C# and K8s is fun.',
			10
		);
		expect(keywords).toEqual(expect.arrayContaining(['AI', 'iOS', 'GraphQL', 'C#', 'K8s']));
		expect(extractKeywords('an ox, a go, my ui')).toEqual([]);
	});

	it('ranks companies and people after at, by or from below topics', () => {
		const keywords = extractKeywords(
			'Observability with OpenTelemetry. Notes from Initech, by Peter Gibbons, about tracing with ' +
				'OpenTelemetry at the Big Bank.',
			10
		);
		expect(keywords[0]).toBe('OpenTelemetry');
		expect(keywords.slice(0, 3).join(' ')).not.toMatch(/Initech|Peter|Gibbons|Big|Bank/);
		// Still better than nothing when nothing else is there.
		expect(extractKeywords('Notes from Initech.')).toEqual(['Initech']);
	});

	it('keeps runs of names as one phrase', () => {
		expect(
			extractKeywords('We moved from cron jobs to Apache Airflow, and Apache Airflow stayed.')[0]
		).toBe('Apache Airflow');
	});

	it('returns nothing for empty, stop-word-only or markup-only text', () => {
		for (const text of [
			'',
			'   \n\t ',
			'<p></p><br/>',
			'https://example.com/a/b?c=d',
			'In this talk we will learn how and why to use new things.',
			'Introduction to the session',
			'2024 2025 — 42!'
		]) {
			expect(extractKeywords(text)).toEqual([]);
		}
		expect(extractKeywords(undefined as unknown as string)).toEqual([]);
	});

	it('respects max, including nonsense values', () => {
		expect(extractKeywords(WASM, 2)).toHaveLength(2);
		expect(extractKeywords(WASM, 2)).toEqual(extractKeywords(WASM, 8).slice(0, 2));
		expect(extractKeywords(WASM, 0)).toEqual([]);
		expect(extractKeywords(WASM, -3)).toEqual([]);
		expect(extractKeywords(WASM, Number.NaN)).toEqual([]);
		expect(extractKeywords(WASM, 2.9)).toHaveLength(2);
		expect(extractKeywords(WASM)).toHaveLength(5);
	});

	it('never repeats a keyword case-insensitively', () => {
		const keywords = extractKeywords('Rust rust RUST. Rust is fast; rust is safe. Why RUST?', 10);
		expect(new Set(lower(keywords)).size).toBe(keywords.length);
		expect(lower(keywords)).toContain('rust');
	});

	it('handles unicode text and markdown marks', () => {
		expect(extractKeywords('Observabilité avec OpenTelemetry et Grafana')).toEqual(
			expect.arrayContaining(['OpenTelemetry', 'Grafana'])
		);
		expect(
			extractKeywords('**Svelte** runes: why `$state` beats stores. Svelte runes everywhere.')[0]
		).toBe('Svelte runes');
	});

	it('copes with hostile input without quadratic blow-ups (the test timeout is the guard)', () => {
		const hostile = [
			'a'.repeat(50_000),
			'ab.'.repeat(10_000),
			`a${'-'.repeat(20_000)}a`,
			'<script>'.repeat(3_000),
			'<!--'.repeat(5_000),
			'<b'.repeat(10_000),
			'x@'.repeat(10_000),
			'&amp;'.repeat(5_000),
			'Kubernetes operators '.repeat(2_000)
		];
		for (const text of hostile) {
			for (const keyword of extractKeywords(text)) expect(keyword.length).toBeLessThanOrEqual(100);
		}
		expect(extractKeywords('Kubernetes operators '.repeat(2_000))[0]).toBe('Kubernetes operators');
	});

	it('is deterministic', () => {
		expect(extractKeywords(KUBERNETES)).toEqual(extractKeywords(KUBERNETES));
		expect(extractKeywords(WASM, 8)).toEqual(extractKeywords(WASM, 8));
	});

	it('always returns short, unique, non-empty, markup-free phrases', () => {
		const fragment = fc.oneof(
			fc.string({ maxLength: 40 }),
			fc.string({ unit: 'grapheme', maxLength: 20 }),
			fc.constantFrom(
				'<b>',
				'</p>',
				'&amp;',
				'&#x1F980;',
				'https://x.io/a?b=c',
				' ',
				'\n',
				'WebAssembly',
				'design systems',
				'the',
				'Talk',
				'x'.repeat(80)
			)
		);
		fc.assert(
			fc.property(
				fc.array(fragment, { maxLength: 12 }),
				fc.integer({ min: 1, max: 8 }),
				(parts, max) => {
					const keywords = extractKeywords(parts.join(' '), max);
					expect(keywords.length).toBeLessThanOrEqual(max);
					expect(new Set(lower(keywords)).size).toBe(keywords.length);
					for (const keyword of keywords) {
						expect(keyword.trim()).toBe(keyword);
						expect(keyword).not.toBe('');
						expect(keyword).not.toMatch(/[<>]|\s{2}|https?:/);
						expect(keyword.split(' ').length).toBeLessThanOrEqual(3);
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});
