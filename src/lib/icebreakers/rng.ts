/**
 * Seeded randomness for icebreakers.
 *
 * Icebreakers must be reproducible: the same seed (say, session id + day) should show the same
 * prompts after a reload, so a prompt the user liked does not vanish, and tests can pin exact
 * output. Math.random cannot be seeded, so this module carries its own small generator (sfc32,
 * seeded through splitmix32) and a string hash. Nothing here is cryptographic.
 */

/** A source of uniform numbers in [0, 1), as returned by {@link createRng}. */
export type Rng = () => number;

/** Murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
function fmix32(input: number): number {
	let h = input >>> 0;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/**
 * Hashes a string to an unsigned 32-bit integer (FNV-1a over UTF-16 code units, then a finaliser
 * so that short strings which differ in one character still land far apart).
 *
 * @param text Any string, including the empty string.
 * @param seed Varies the hash family; two different seeds give independent hashes of the same text.
 * @returns An integer in [0, 2^32).
 */
export function hashString(text: string, seed = 0): number {
	let h = (0x811c9dc5 ^ seed) >>> 0;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return fmix32(h);
}

/** Turns any seed into one 32-bit word. */
function seedWord(seed: number | string): number {
	if (typeof seed === 'string') return hashString(seed);
	if (Number.isSafeInteger(seed)) {
		// Keep both halves of large integers (e.g. Date.now()) so nearby timestamps differ.
		const low = seed >>> 0;
		const high = Math.floor(seed / 0x1_0000_0000) >>> 0;
		return (low ^ fmix32(high ^ 0x9e3779b9)) >>> 0;
	}
	// Fractions, NaN and infinities are legal numbers; hash their text rather than truncate them.
	return hashString(String(seed));
}

/**
 * Creates a seeded pseudo-random generator (sfc32, with its four state words filled by
 * splitmix32 from the seed).
 *
 * @param seed A number (integers use all their bits; other numbers are hashed by their text) or a
 *   string (hashed). The number 42 and the string '42' are different seeds.
 * @returns A function returning numbers in [0, 1); the same seed always yields the same sequence.
 */
export function createRng(seed: number | string): Rng {
	let mix = seedWord(seed);
	const splitmix = (): number => {
		mix = (mix + 0x9e3779b9) | 0;
		let z = mix;
		z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
		z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
		return (z ^ (z >>> 15)) >>> 0;
	};
	let a = splitmix();
	let b = splitmix();
	let c = splitmix();
	let d = splitmix();

	const next = (): number => {
		const t0 = (a + b) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		d = (d + 1) | 0;
		const t = (t0 + d) | 0;
		c = (c + t) | 0;
		return (t >>> 0) / 0x1_0000_0000;
	};
	// The first outputs of a freshly seeded sfc32 are still correlated with the seed.
	for (let i = 0; i < 12; i++) next();
	return next;
}

/**
 * Draws an integer index in [0, n) from the rng.
 *
 * @param n The number of choices; values below 1 give 0.
 * @param rng Expected to return [0, 1); anything else (a caller's own rng gone wrong, NaN) is
 *   clamped so the index is always valid.
 */
export function randomIndex(n: number, rng: Rng): number {
	if (!(n >= 1)) return 0;
	const r = rng();
	const i = Math.floor((Number.isFinite(r) ? r : 0) * n);
	return Math.min(n - 1, Math.max(0, i));
}

/**
 * Returns a shuffled copy (Fisher–Yates); the input is left untouched.
 *
 * @param items Any array, possibly empty.
 * @param rng The randomness; consumes one draw per element after the first.
 */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
	const out = items.slice();
	for (let i = out.length - 1; i > 0; i--) {
		const j = randomIndex(i + 1, rng);
		const held = out[i] as T;
		out[i] = out[j] as T;
		out[j] = held;
	}
	return out;
}

/**
 * Picks one element uniformly.
 *
 * @param items Any array.
 * @param rng The randomness; one draw, or none when the array is empty.
 * @returns The element, or undefined for an empty array.
 */
export function pick<T>(items: readonly T[], rng: Rng): T | undefined {
	if (items.length === 0) return undefined;
	return items[randomIndex(items.length, rng)];
}
