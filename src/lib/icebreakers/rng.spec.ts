import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, hashString, pick, randomIndex, shuffle } from './rng';

const draw = (rng: () => number, n: number): number[] => Array.from({ length: n }, () => rng());

describe('createRng', () => {
	it('gives the same sequence for the same seed', () => {
		expect(draw(createRng(42), 20)).toEqual(draw(createRng(42), 20));
		expect(draw(createRng('session-17'), 20)).toEqual(draw(createRng('session-17'), 20));
	});

	it('gives different sequences for different seeds, including nearby ones', () => {
		expect(draw(createRng(1), 5)).not.toEqual(draw(createRng(2), 5));
		expect(draw(createRng('a'), 5)).not.toEqual(draw(createRng('b'), 5));
		expect(draw(createRng(42), 5)).not.toEqual(draw(createRng('42'), 5));
		// Timestamps a millisecond apart, and ones that only differ above 32 bits.
		expect(draw(createRng(1_750_000_000_000), 5)).not.toEqual(
			draw(createRng(1_750_000_000_001), 5)
		);
		expect(draw(createRng(2 ** 40), 5)).not.toEqual(draw(createRng(2 ** 41), 5));
	});

	it('accepts awkward numbers without throwing', () => {
		for (const seed of [0, -1, 0.5, Number.NaN, Infinity, -Infinity, Number.MAX_VALUE]) {
			const values = draw(createRng(seed), 10);
			for (const v of values) expect(v >= 0 && v < 1).toBe(true);
		}
		expect(draw(createRng(0.5), 3)).not.toEqual(draw(createRng(0.25), 3));
	});

	it('stays in [0, 1) and is roughly uniform', () => {
		const values = draw(createRng('uniform'), 20_000);
		expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
		const mean = values.reduce((a, b) => a + b, 0) / values.length;
		expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
		const buckets = new Array<number>(10).fill(0);
		for (const v of values) buckets[Math.floor(v * 10)]! += 1;
		for (const count of buckets) expect(Math.abs(count - 2000)).toBeLessThan(200);
	});

	it('always returns numbers in [0, 1) for any seed', () => {
		fc.assert(
			fc.property(fc.oneof(fc.integer(), fc.double(), fc.string()), (seed) => {
				for (const v of draw(createRng(seed), 8)) expect(v >= 0 && v < 1).toBe(true);
			})
		);
	});
});

describe('hashString', () => {
	it('is stable, 32-bit and seed-dependent', () => {
		expect(hashString('hallway')).toBe(hashString('hallway'));
		expect(hashString('hallway')).not.toBe(hashString('hallwaz'));
		expect(hashString('hallway', 1)).not.toBe(hashString('hallway', 2));
		for (const text of ['', 'a', 'ü', '🦀', 'x'.repeat(10_000)]) {
			const h = hashString(text);
			expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
		}
	});
});

describe('randomIndex', () => {
	it('clamps misbehaving rngs to a valid index', () => {
		expect(randomIndex(5, () => 1)).toBe(4);
		expect(randomIndex(5, () => 7)).toBe(4);
		expect(randomIndex(5, () => -0.5)).toBe(0);
		expect(randomIndex(5, () => Number.NaN)).toBe(0);
		expect(randomIndex(0, () => 0.5)).toBe(0);
		expect(randomIndex(3, () => 0.999)).toBe(2);
	});
});

describe('shuffle and pick', () => {
	it('shuffle returns a permutation and leaves the input alone', () => {
		fc.assert(
			fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
				const before = items.slice();
				const out = shuffle(items, createRng(seed));
				expect(items).toEqual(before);
				expect(out.slice().sort((a, b) => a - b)).toEqual(before.slice().sort((a, b) => a - b));
			})
		);
	});

	it('shuffle is deterministic per seed and actually moves things', () => {
		const items = Array.from({ length: 20 }, (_, i) => i);
		expect(shuffle(items, createRng(7))).toEqual(shuffle(items, createRng(7)));
		expect(shuffle(items, createRng(7))).not.toEqual(items);
		expect(shuffle(items, createRng(7))).not.toEqual(shuffle(items, createRng(8)));
		expect(shuffle([], createRng(1))).toEqual([]);
	});

	it('pick returns a member, or undefined for an empty list', () => {
		const rng = createRng('pick');
		const items = ['a', 'b', 'c'];
		const seen = new Set<string>();
		for (let i = 0; i < 100; i++) {
			const choice = pick(items, rng);
			expect(items).toContain(choice);
			if (choice !== undefined) seen.add(choice);
		}
		expect(seen.size).toBe(3);
		expect(pick([], rng)).toBeUndefined();
	});
});
