import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PromptKind } from '$lib/db/types';
import { artefactsIn, assertClean } from './assert-clean';
import {
	ICEBREAKER_KINDS,
	SITUATIONS,
	generateIcebreakers,
	icebreakerId,
	type GenerateInput,
	type Icebreaker,
	type IcebreakerKind,
	type PersonInfo,
	type SessionInfo,
	type Situation
} from './generate';
import { createRng } from './rng';
import { PERSON_TEMPLATES, PLACEHOLDER_RE, SITUATION_TEMPLATES, type Template } from './templates';

const FULL_SESSION: SessionInfo = {
	title: 'Design Systems That Survive a Rebrand: Tokens, Primitives and Review Habits',
	track: 'Frontend',
	speakers: ['Ana Lima', 'Bo Chen'],
	abstract:
		'<p>Most design systems break the day marketing changes the colours. We share how our design ' +
		'tokens, a small set of primitives and strict reviews kept our design systems stable through two ' +
		'rebrands at the Financial Times.</p><p>Slides: https://example.com/ds</p>',
	timing: 'just-ended'
};

const FULL_PERSON: PersonInfo = { name: 'Cy Park', org: 'Globex', title: 'Staff Engineer' };

const SHORT_TITLE = '“Design Systems That Survive a Rebrand”';

/** Every text generated over many seeds: what a user would see across many reloads. */
function collect(input: Omit<GenerateInput, 'rng'>, seeds = 80): Icebreaker[] {
	const all: Icebreaker[] = [];
	for (let seed = 0; seed < seeds; seed++) {
		all.push(...generateIcebreakers({ ...input, rng: createRng(seed) }));
	}
	return all;
}

/** Whether a prompt text was rendered from this template. */
function fromTemplate(text: string, template: Template): boolean {
	const parts = template.text.split(PLACEHOLDER_RE).filter((_, i) => i % 2 === 0);
	const escaped = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`^${escaped.join('.+')}$`).test(text);
}

const texts = (items: readonly Icebreaker[]): string[] => items.map((i) => i.text);

function countByKind(items: readonly Icebreaker[]): Record<IcebreakerKind, number> {
	const counts: Record<IcebreakerKind, number> = { opener: 0, deepen: 0, 'small-ask': 0, offer: 0 };
	for (const item of items) counts[item.kind]++;
	return counts;
}

/** The invariants every batch must hold, whatever the input. */
function expectValidBatch(items: readonly Icebreaker[], perKind: number): void {
	for (const item of items) {
		assertClean(item.text);
		expect(item.id).toBe(icebreakerId(item.kind, item.text));
	}
	const lowered = items.map((i) => i.text.toLowerCase());
	expect(new Set(lowered).size).toBe(items.length);
	for (const count of Object.values(countByKind(items))) expect(count).toBeLessThanOrEqual(perKind);
	// Grouped in the conversation's order.
	const order = items.map((i) => ICEBREAKER_KINDS.indexOf(i.kind));
	expect(order).toEqual(order.slice().sort((a, b) => a - b));
}

describe('assertClean', () => {
	it('catches each artefact', () => {
		expect(artefactsIn('What did you make of the talk?')).toEqual([]);
		expect(artefactsIn('What did you make of {title}?')).toContain('placeholder or brace');
		expect(artefactsIn('What did you think of undefined?')).toContain('stringified missing value');
		expect(artefactsIn('What did you think of “null”?')).toContain('stringified missing value');
		expect(artefactsIn('Did you like “When undefined is not a function”?')).toEqual([]);
		expect(artefactsIn('What did you make of “”?')).toContain('empty quotes');
		expect(artefactsIn('What did you make of "" ?')).toContain('empty quotes');
		expect(artefactsIn('Did you like the talk by?')).toContain('dangling "by"');
		expect(artefactsIn('Did you like the talk by and others?')).toContain('dangling "by"');
		expect(artefactsIn('What did you make of “Stand By”?')).toEqual([]);
		expect(artefactsIn('What did you make of “Stand By” by?')).toContain('dangling "by"');
		expect(artefactsIn('Did you like  it?')).toContain('double space');
		expect(artefactsIn('Did you like it , then?')).toContain('space before punctuation');
		expect(artefactsIn('Did you like\nit?')).toContain('line break or tab');
		expect(artefactsIn(' Did you like it?')).toContain('untrimmed');
		expect(artefactsIn('Did you like it')).toContain('missing end punctuation');
		expect(artefactsIn('')).toContain('empty');
		expect(() => assertClean('at {org}?')).toThrow(/placeholder/);
	});
});

describe('generateIcebreakers with a session', () => {
	it('IcebreakerKind is a PromptKind', () => {
		expectTypeOf<IcebreakerKind>().toExtend<PromptKind>();
		expect(ICEBREAKER_KINDS).toEqual(['opener', 'deepen', 'small-ask', 'offer']);
	});

	it('gives perKind prompts of every kind for a full session', () => {
		for (const timing of ['now', 'just-ended', 'next'] as const) {
			const items = generateIcebreakers({
				session: { ...FULL_SESSION, timing },
				person: FULL_PERSON,
				rng: createRng(`full-${timing}`)
			});
			expect(countByKind(items)).toEqual({ opener: 2, deepen: 2, 'small-ask': 2, offer: 2 });
			expectValidBatch(items, 2);
		}
	});

	it('uses the short quoted title, the speakers, the track, keywords and the person', () => {
		const all = texts(collect({ session: FULL_SESSION, person: FULL_PERSON }));
		const some = (pattern: RegExp): boolean => all.some((t) => pattern.test(t));
		expect(some(new RegExp(SHORT_TITLE))).toBe(true);
		expect(some(/by Ana Lima and Bo Chen/)).toBe(true);
		expect(some(/the Frontend track/)).toBe(true);
		expect(some(/design systems/)).toBe(true);
		expect(some(/rebrands/)).toBe(true);
		// A name after "at" is an employer, not a topic: it should not become a keyword.
		expect(some(/Financial Times/)).toBe(false);
		expect(some(/at Globex/)).toBe(true);
		expect(some(/as Staff Engineer/)).toBe(true);
		// The long subtitle and the abstract's URL never show.
		expect(some(/Primitives and Review Habits|https?:|example\.com/)).toBe(false);
		// Keywords never repeat the speakers' names or the track.
		expect(some(/working with (?:Ana|Bo|Frontend)|about (?:Ana|Bo)\b/)).toBe(false);
	});

	it('leads every kind with a session template, even when a person is known', () => {
		for (let seed = 0; seed < 40; seed++) {
			const items = generateIcebreakers({
				session: FULL_SESSION,
				person: FULL_PERSON,
				perKind: 1,
				rng: createRng(seed)
			});
			expect(items).toHaveLength(4);
			for (const item of items) {
				expect(PERSON_TEMPLATES.some((t) => fromTemplate(item.text, t))).toBe(false);
			}
		}
	});

	it('follows the timing: past tense for now and just-ended, future for next', () => {
		const live = texts(collect({ session: { ...FULL_SESSION, timing: 'just-ended' } }));
		const now = texts(collect({ session: { ...FULL_SESSION, timing: 'now' } }));
		const next = texts(collect({ session: { ...FULL_SESSION, timing: 'next' } }));
		for (const text of [...live, ...now]) {
			expect(text).not.toMatch(/next talk|are you going|heading to|save you a seat/i);
		}
		for (const text of next) expect(text).not.toMatch(/just heard|that talk|during/i);
		expect(live.some((t) => /just heard|What did you make of/.test(t))).toBe(true);
		expect(next.some((t) => t.startsWith(`Are you going to ${SHORT_TITLE}`))).toBe(true);
		expect(new Set(now)).toEqual(new Set(live));
	});

	it('names one, two or many speakers, never "by" alone', () => {
		const bylines = (speakers: string[]): string[] =>
			texts(collect({ session: { ...FULL_SESSION, speakers } }))
				.map((t) => /\bby ([^?.]+)/.exec(t)?.[1])
				.filter((b): b is string => b !== undefined);
		expect(new Set(bylines(['Ana Lima']))).toEqual(new Set(['Ana Lima']));
		expect(new Set(bylines(['Ana Lima', 'Bo Chen', 'Cy Park', 'Di Rossi']))).toEqual(
			new Set(['Ana Lima and 3 others'])
		);
		expect(bylines([])).toEqual([]);
		expect(bylines(['', '  ', '<i></i>'])).toEqual([]);
	});

	it('shortens long titles at a word boundary', () => {
		const title =
			'Building Resilient Event-Driven Architectures With Kafka, Outbox Patterns and Sagas in Practice';
		const all = texts(collect({ session: { ...FULL_SESSION, title } }));
		const quoted = all.map((t) => /“([^”]*)”/.exec(t)?.[1]).filter((q) => q !== undefined);
		expect(quoted.length).toBeGreaterThan(0);
		for (const q of quoted)
			expect(q).toBe('Building Resilient Event-Driven Architectures With Kafka…');
	});

	it('treats untrusted values as plain text', () => {
		const items = collect({
			session: {
				title: '  Rust\n\n at\tscale {speakers} <script>alert(1)</script> "really"  ',
				track: '<b>Systems</b>\n',
				speakers: ['Ana\u202e Lima', '{org}'],
				abstract:
					'Memory safety in Rust. Rust ownership {keyword} and &lt;b&gt;borrowing&lt;/b&gt;.',
				timing: 'now'
			},
			person: { org: '  Acme\n Labs , Inc. ', title: '{role}' }
		});
		for (const text of texts(items)) {
			assertClean(text);
			expect(text).not.toMatch(/[<>{}\u202e]|script/);
		}
		const all = texts(items).join(' ');
		expect(all).toContain('“Rust at scale speakers alert(1) ‘really’”');
		expect(all).toContain('the Systems track');
		expect(all).toContain('Ana Lima and org');
		expect(all).toContain('Acme Labs, Inc');
	});

	it('copes with huge values (the test timeout guards against quadratic paths)', () => {
		const huge = `<b>${'Kubernetes operators, '.repeat(5_000)}</b>`;
		const items = generateIcebreakers({
			session: {
				title: huge,
				track: huge,
				speakers: [huge, huge, huge],
				abstract: huge,
				timing: 'now'
			},
			person: { name: huge, org: huge, title: huge },
			rng: createRng('huge')
		});
		expectValidBatch(items, 2);
		for (const item of items) expect(item.text.length).toBeLessThan(250);
	});

	it('falls back to "that talk" when the title is unreadable', () => {
		for (const title of ['', '   ', '<b></b>', '“”', 'undefined']) {
			const items = collect({ session: { ...FULL_SESSION, title, abstract: undefined } }, 20);
			for (const item of items) expect(item.text).not.toMatch(/“/);
			expect(countByKind(items.slice(0, 8))).toEqual({
				opener: 2,
				deepen: 2,
				'small-ask': 2,
				offer: 2
			});
		}
	});
});

describe('generateIcebreakers with each field missing in turn', () => {
	const cases: Array<[string, Omit<GenerateInput, 'rng'>, RegExp]> = [
		['no track', { session: { ...FULL_SESSION, track: undefined }, person: FULL_PERSON }, /track/i],
		['blank track', { session: { ...FULL_SESSION, track: ' \n ' }, person: FULL_PERSON }, /track/i],
		[
			'no speakers',
			{ session: { ...FULL_SESSION, speakers: [] }, person: FULL_PERSON },
			/Ana|Bo Chen|slides by|\bby\b/
		],
		[
			'unreadable speakers',
			{ session: { ...FULL_SESSION, speakers: ['', '<b> </b>'] }, person: FULL_PERSON },
			/\bby\b/
		],
		[
			'no abstract',
			{ session: { ...FULL_SESSION, abstract: undefined }, person: FULL_PERSON },
			/design systems|colours|primitives/
		],
		['no person', { session: FULL_SESSION }, /Globex|Staff Engineer|Cy Park/],
		[
			'no org',
			{ session: FULL_SESSION, person: { ...FULL_PERSON, org: undefined } },
			/Globex|\bat\s*[?.]/
		],
		[
			'no person title',
			{ session: FULL_SESSION, person: { ...FULL_PERSON, title: '' } },
			/Staff Engineer|work as\s*[?.]/
		],
		['empty person', { session: FULL_SESSION, person: {} }, /Globex|Staff Engineer/],
		[
			'next, nothing but a title',
			{ session: { title: 'Rust at Scale', speakers: [], timing: 'next' } },
			/track|\bby\b|Globex/
		]
	];

	for (const [name, input, absent] of cases) {
		it(`${name}: still full, clean and without the missing value`, () => {
			for (let seed = 0; seed < 60; seed++) {
				const items = generateIcebreakers({ ...input, rng: createRng(seed), perKind: 3 });
				expectValidBatch(items, 3);
				for (const kind of ICEBREAKER_KINDS) {
					expect(countByKind(items)[kind]).toBeGreaterThanOrEqual(2);
				}
				for (const text of texts(items)) expect(text).not.toMatch(absent);
			}
		});
	}
});

describe('generateIcebreakers without a session', () => {
	it.each(SITUATIONS)('gives situational prompts of every kind for %s', (situation) => {
		const own = new Set(
			SITUATION_TEMPLATES.filter((t) => t.situation === situation).map((t) => t.text)
		);
		for (let seed = 0; seed < 30; seed++) {
			const items = generateIcebreakers({ situation, rng: createRng(seed) });
			expect(countByKind(items)).toEqual({ opener: 2, deepen: 2, 'small-ask': 2, offer: 2 });
			expectValidBatch(items, 2);
			// Each kind leads with a prompt written for this situation.
			for (const kind of ICEBREAKER_KINDS) {
				const first = items.find((i) => i.kind === kind);
				expect(own.has(first?.text ?? '')).toBe(true);
			}
		}
	});

	it('defaults to generic, also for unknown situations', () => {
		const generic = generateIcebreakers({ situation: 'generic', rng: createRng(5) });
		expect(generateIcebreakers({ rng: createRng(5) })).toEqual(generic);
		expect(generateIcebreakers({ situation: 'rooftop' as Situation, rng: createRng(5) })).toEqual(
			generic
		);
	});

	it('mixes in person prompts when org or role is known', () => {
		const all = texts(collect({ situation: 'coffee', person: FULL_PERSON }));
		expect(all.some((t) => t.includes('Globex'))).toBe(true);
		expect(all.some((t) => t.includes('Staff Engineer'))).toBe(true);
		// Session-only placeholders never leak into situational prompts.
		for (const text of all) expect(text).not.toMatch(/“|track|\bby\b/);
	});

	it('ignores the situation when a session is given', () => {
		const withSituation = generateIcebreakers({
			session: FULL_SESSION,
			situation: 'dinner',
			rng: createRng(9)
		});
		expect(withSituation).toEqual(
			generateIcebreakers({ session: FULL_SESSION, rng: createRng(9) })
		);
	});
});

describe('generateIcebreakers batches', () => {
	it('returns exactly this for seed 42 (a change here changes what users see)', () => {
		const items = generateIcebreakers({
			session: FULL_SESSION,
			person: FULL_PERSON,
			rng: createRng(42)
		});
		expect(items).toEqual(SNAPSHOT);
	});

	it('leads with an opener that names the talk, whatever the seed', () => {
		for (const timing of ['now', 'just-ended', 'next'] as const) {
			for (let seed = 0; seed < 50; seed++) {
				const [opener] = generateIcebreakers({
					session: { ...FULL_SESSION, timing },
					rng: createRng(seed),
					perKind: 1
				});
				expect(opener?.kind).toBe('opener');
				expect(opener?.text).toContain('“Design Systems That Survive a Rebrand”');
			}
		}
	});

	it('is deterministic per seed and varies across seeds', () => {
		const input = { session: FULL_SESSION, person: FULL_PERSON };
		expect(generateIcebreakers({ ...input, rng: createRng('same') })).toEqual(
			generateIcebreakers({ ...input, rng: createRng('same') })
		);
		const distinct = new Set<string>();
		for (let seed = 0; seed < 20; seed++) {
			distinct.add(JSON.stringify(generateIcebreakers({ ...input, rng: createRng(seed) })));
		}
		expect(distinct.size).toBeGreaterThanOrEqual(18);
	});

	it('honours perKind, giving fewer only when too few templates fit', () => {
		const session = FULL_SESSION;
		expect(generateIcebreakers({ session, rng: createRng(1), perKind: 0 })).toEqual([]);
		expect(generateIcebreakers({ session, rng: createRng(1), perKind: -4 })).toEqual([]);
		expect(generateIcebreakers({ session, rng: createRng(1), perKind: 1 })).toHaveLength(4);
		expect(generateIcebreakers({ session, rng: createRng(1), perKind: Number.NaN })).toHaveLength(
			8
		);
		expect(generateIcebreakers({ session, rng: createRng(1), perKind: 2.7 })).toHaveLength(8);
		const many = generateIcebreakers({
			session,
			person: FULL_PERSON,
			rng: createRng(1),
			perKind: 6
		});
		expect(countByKind(many)).toEqual({ opener: 6, deepen: 6, 'small-ask': 6, offer: 6 });
		expectValidBatch(many, 6);
		// Only so many templates exist: a huge perKind returns them all, once each.
		const all = generateIcebreakers({ situation: 'booth', rng: createRng(1), perKind: 1_000 });
		expectValidBatch(all, 20);
		expect(all.length).toBeLessThan(4 * 20);
		expect(countByKind(all).opener).toBe(5);
	});

	it('gives stable ids that depend on kind and text', () => {
		const [first] = generateIcebreakers({ session: FULL_SESSION, rng: createRng(3) });
		expect(first?.id).toMatch(/^ib-[0-9a-f]{16}$/);
		expect(icebreakerId('opener', 'Hello?')).toBe(icebreakerId('opener', 'Hello?'));
		expect(icebreakerId('opener', 'Hello?')).not.toBe(icebreakerId('deepen', 'Hello?'));
		expect(icebreakerId('opener', 'Hello?')).not.toBe(icebreakerId('opener', 'Hello.'));
	});

	it('rejects a missing rng loudly', () => {
		expect(() => generateIcebreakers({} as GenerateInput)).toThrow(TypeError);
	});
});

describe('generateIcebreakers on arbitrary input', () => {
	const fragments = [
		'',
		' ',
		'\n\t',
		'<b>',
		'</b>',
		'<b>bold</b>',
		'{title}',
		'{}',
		'""',
		'“”',
		' , ',
		'…',
		':',
		' – ',
		'Keynote: ',
		'Track',
		'é',
		'🦀',
		'مرحبا',
		'漢字',
		'\u202e',
		'\u200b',
		'WebAssembly',
		'design systems'
	];
	const junk = fc.oneof(
		fc.string({ maxLength: 30 }),
		fc.string({ unit: 'grapheme', maxLength: 30 }),
		fc.string({ unit: 'binary', maxLength: 30 }),
		fc.array(fc.constantFrom(...fragments), { maxLength: 8 }).map((parts) => parts.join('')),
		fc.constantFrom('undefined', 'null', 'NaN', '[object Object]'),
		fc.string({ minLength: 200, maxLength: 600 })
	);
	const session: fc.Arbitrary<SessionInfo> = fc.record(
		{
			title: junk,
			track: junk,
			speakers: fc.array(junk, { maxLength: 6 }),
			abstract: junk,
			timing: fc.constantFrom('now' as const, 'just-ended' as const, 'next' as const)
		},
		{ requiredKeys: ['title', 'speakers', 'timing'] }
	);
	const person: fc.Arbitrary<PersonInfo> = fc.record(
		{ name: junk, org: junk, title: junk },
		{ requiredKeys: [] }
	);

	it('always gives clean, unique prompts of every kind for a session', () => {
		fc.assert(
			fc.property(
				session,
				fc.option(person, { nil: undefined }),
				fc.integer(),
				fc.integer({ min: 1, max: 3 }),
				(s, p, seed, perKind) => {
					const items = generateIcebreakers({
						session: s,
						person: p,
						rng: createRng(seed),
						perKind
					});
					expect(items.length).toBeGreaterThan(0);
					expectValidBatch(items, perKind);
					for (const kind of ICEBREAKER_KINDS) {
						expect(countByKind(items)[kind]).toBeGreaterThanOrEqual(Math.min(perKind, 2));
					}
					expect(
						generateIcebreakers({ session: s, person: p, rng: createRng(seed), perKind })
					).toEqual(items);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('always gives clean, unique prompts of every kind without a session', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...SITUATIONS),
				fc.option(person, { nil: undefined }),
				fc.integer(),
				(situation, p, seed) => {
					const items = generateIcebreakers({ situation, person: p, rng: createRng(seed) });
					expect(countByKind(items)).toEqual({ opener: 2, deepen: 2, 'small-ask': 2, offer: 2 });
					expectValidBatch(items, 2);
				}
			),
			{ numRuns: 200 }
		);
	});
});

/** Computed once from the code and checked by hand for voice; update deliberately. */
const SNAPSHOT: Icebreaker[] = [
	{
		id: 'ib-94d75666e253b48e',
		kind: 'opener',
		text: 'Was “Design Systems That Survive a Rebrand” what you expected?'
	},
	{
		id: 'ib-0d11867d61360f1d',
		kind: 'opener',
		text: 'Have you seen Ana Lima and Bo Chen speak before?'
	},
	{
		id: 'ib-154872d8d8e2f743',
		kind: 'deepen',
		text: 'Do you deal with design systems much at Globex?'
	},
	{
		id: 'ib-37dd90ec35501dbf',
		kind: 'deepen',
		text: 'What does a normal week look like in your work as Staff Engineer?'
	},
	{
		id: 'ib-bdb8c444188f3469',
		kind: 'small-ask',
		text: 'Which other talks in the Frontend track would you recommend?'
	},
	{
		id: 'ib-44cf3ea310aade57',
		kind: 'small-ask',
		text: 'How does Globex approach rebrands? I’d like to learn from it.'
	},
	{
		id: 'ib-9e2eda5b151d1596',
		kind: 'offer',
		text: 'I’ve seen a few talks in the Frontend track today. Happy to tell you which ones were worth it.'
	},
	{
		id: 'ib-5609fc55c9746903',
		kind: 'offer',
		text: 'I took a few notes during that talk. Happy to share them.'
	}
];
