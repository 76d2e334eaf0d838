import { describe, expect, it } from 'vitest';
import {
	TITLE_MAX,
	cleanValue,
	codePointLength,
	formatSpeakers,
	formatTrack,
	shortenTitle,
	speakerNames,
	trackName,
	truncateWords
} from './values';

describe('cleanValue', () => {
	it('collapses whitespace, line breaks and tabs into single spaces', () => {
		expect(cleanValue('  Acme\n\n\tLabs   GmbH  ', 40)).toBe('Acme Labs GmbH');
		expect(cleanValue('Acme\u00a0\u2003Labs', 40)).toBe('Acme Labs');
	});

	it('drops markup leftovers, braces, invisible and bidi control characters', () => {
		expect(cleanValue('<b>Acme</b> <script>Labs</script>', 40)).toBe('Acme Labs');
		expect(cleanValue('{org} Acme', 40)).toBe('org Acme');
		expect(cleanValue('Ac\u200bme\u202e Labs\ufeff', 40)).toBe('Acme Labs');
		expect(cleanValue('a < b', 40)).toBe('a < b');
	});

	it('turns double quotes into single curly quotes and removes empty pairs', () => {
		expect(cleanValue('The "boring" stack', 40)).toBe('The ‘boring’ stack');
		expect(cleanValue('Why “boring” wins', 40)).toBe('Why ‘boring’ wins');
		expect(cleanValue('Acme "" Labs “ ” Inc " " Ltd ‘ ’', 40)).toBe('Acme Labs Inc Ltd');
		expect(cleanValue('„Grüße“ aus Wien', 40)).toBe('‘Grüße’ aus Wien');
	});

	it('removes spaces before punctuation and junk at the edges', () => {
		expect(cleanValue('Acme , Labs ;', 40)).toBe('Acme, Labs');
		expect(cleanValue(' - • Acme Inc.', 40)).toBe('Acme Inc');
		expect(cleanValue('Why Rust?', 40, { quoted: true })).toBe('Why Rust?');
		expect(cleanValue('Why Rust?', 40)).toBe('Why Rust');
	});

	it('treats unreadable values and stringified missing values as missing', () => {
		for (const raw of [
			'',
			'   ',
			'<b></b>',
			'—',
			'""',
			'{}',
			'undefined',
			'null',
			'NaN',
			'[object Object]'
		]) {
			expect(cleanValue(raw, 40)).toBe('');
		}
		for (const raw of [undefined, null, 42, {}, ['Acme']]) expect(cleanValue(raw, 40)).toBe('');
		expect(cleanValue('by', 40)).toBe('');
		expect(cleanValue(' And ', 40)).toBe('');
		expect(cleanValue('by Ana Lima and', 40)).toBe('Ana Lima');
		expect(cleanValue('Stand By', 40, { quoted: true })).toBe('Stand By');
		expect(cleanValue('Made by, Inc', 40)).toBe('Made, Inc');
		expect(cleanValue('BY, @', 40)).toBe('');
		expect(cleanValue('Ana, by', 40)).toBe('Ana');
		// Glued from missing parts: the debris goes, the rest stays.
		expect(cleanValue('Ana undefined', 40)).toBe('Ana');
		expect(cleanValue('null null', 40)).toBe('');
		// Capitalised words are real text, and quoted titles are kept verbatim.
		expect(cleanValue('Null Island Ltd', 40)).toBe('Null Island Ltd');
		expect(cleanValue('When undefined is not a function', 40, { quoted: true })).toBe(
			'When undefined is not a function'
		);
	});

	it('caps length at a word boundary with an ellipsis', () => {
		const long = 'Acme Intergalactic Widgets and Sprockets Holding Company Limited';
		const capped = cleanValue(long, 40);
		expect(codePointLength(capped)).toBeLessThanOrEqual(40);
		expect(capped).toBe('Acme Intergalactic Widgets and…');
		expect(codePointLength(cleanValue('x'.repeat(5_000), 40))).toBe(40);
		// Astral characters are not cut in half.
		expect(cleanValue('𝒜'.repeat(50), 10)).toBe(`${'𝒜'.repeat(9)}…`);
		expect(cleanValue('🦀🦀', 10)).toBe('');
	});
});

describe('truncateWords', () => {
	it('leaves short text alone and never ends on punctuation before the ellipsis', () => {
		expect(truncateWords('short', 10)).toBe('short');
		expect(truncateWords('one, two, three, four', 12)).toBe('one, two…');
	});
});

describe('shortenTitle', () => {
	it('cuts subtitles after a colon or a spaced dash', () => {
		expect(shortenTitle('Scaling Kubernetes Operators: Lessons from Production')).toBe(
			'Scaling Kubernetes Operators'
		);
		expect(shortenTitle('Design Systems – What We Learned')).toBe('Design Systems');
		expect(shortenTitle('Design Systems — What We Learned')).toBe('Design Systems');
		expect(shortenTitle('Design Systems - What We Learned')).toBe('Design Systems');
		expect(shortenTitle('Design Systems | Track B')).toBe('Design Systems');
	});

	it('keeps what follows a bare label, and keeps short heads whole', () => {
		expect(shortenTitle('Keynote: The Web Is Fine, Actually')).toBe('The Web Is Fine, Actually');
		expect(shortenTitle('Lightning talk – Ten Minutes of Regex')).toBe('Ten Minutes of Regex');
		expect(shortenTitle('Go: Concurrency Patterns')).toBe('Go: Concurrency Patterns');
		expect(shortenTitle('Self-hosted CI/CD in 2026')).toBe('Self-hosted CI/CD in 2026');
	});

	it('caps long titles at a word boundary near 60 characters', () => {
		const title = shortenTitle(
			'Building Resilient Event-Driven Architectures With Kafka, Outbox Patterns and Sagas in Practice'
		);
		expect(codePointLength(title)).toBeLessThanOrEqual(TITLE_MAX);
		expect(title).toBe('Building Resilient Event-Driven Architectures With Kafka…');
	});

	it('keeps a question mark, drops dangling punctuation and returns "" for nothing', () => {
		expect(shortenTitle('Why Rust?')).toBe('Why Rust?');
		expect(shortenTitle('Rust at scale:')).toBe('Rust at scale');
		expect(shortenTitle('  \n ')).toBe('');
		expect(shortenTitle('<p></p>')).toBe('');
		expect(shortenTitle(undefined)).toBe('');
	});
});

describe('formatSpeakers', () => {
	it('names one, two or many speakers', () => {
		expect(formatSpeakers(['Ana Lima'])).toBe('Ana Lima');
		expect(formatSpeakers(['Ana Lima', 'Bo Chen'])).toBe('Ana Lima and Bo Chen');
		expect(formatSpeakers(['Ana Lima', 'Bo Chen', 'Cy Park', 'Di Rossi'])).toBe(
			'Ana Lima and 3 others'
		);
		expect(formatSpeakers(['Ana Lima', 'Bo Chen', 'Cy Park'])).toBe('Ana Lima and 2 others');
	});

	it('ignores empty, unreadable and repeated names', () => {
		expect(formatSpeakers([])).toBe('');
		expect(formatSpeakers(['', '  ', '<b></b>', 'undefined'])).toBe('');
		expect(formatSpeakers(['', 'Ana  Lima\n', 'ana lima', ' Bo Chen '])).toBe(
			'Ana Lima and Bo Chen'
		);
		expect(formatSpeakers(undefined)).toBe('');
		expect(formatSpeakers('Ana Lima')).toBe('');
		expect(speakerNames(['Ana Lima', 7, null, 'Bo Chen'])).toEqual(['Ana Lima', 'Bo Chen']);
	});
});

describe('formatTrack', () => {
	it('makes a noun phrase without doubling "the" or "track"', () => {
		expect(formatTrack('Frontend')).toBe('the Frontend track');
		expect(formatTrack('Frontend Track')).toBe('the Frontend track');
		expect(formatTrack('the Frontend track')).toBe('the Frontend track');
		expect(formatTrack('Track A')).toBe('Track A');
		expect(formatTrack('Track')).toBe('');
		expect(formatTrack('   ')).toBe('');
		expect(formatTrack(undefined)).toBe('');
		expect(trackName('The Frontend Track')).toBe('Frontend');
	});
});
