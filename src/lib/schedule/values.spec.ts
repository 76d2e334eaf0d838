import { describe, expect, it } from 'vitest';
import { looksLikeBreak, parseDuration, parseIsoDateTime, safeUrl, splitNames } from './values';

describe('parseIsoDateTime', () => {
	it('reads offsets, Z, local times, basic format and bare dates', () => {
		expect(parseIsoDateTime('2026-03-29T09:30:00+02:00')).toEqual({
			localMs: Date.UTC(2026, 2, 29, 9, 30),
			offsetMs: 7_200_000,
			dateOnly: false
		});
		expect(parseIsoDateTime('2026-03-29T07:30:00.250Z')).toEqual({
			localMs: Date.UTC(2026, 2, 29, 7, 30, 0, 250),
			offsetMs: 0,
			dateOnly: false
		});
		expect(parseIsoDateTime('2026-03-29 09:30')).toEqual({
			localMs: Date.UTC(2026, 2, 29, 9, 30),
			dateOnly: false
		});
		expect(parseIsoDateTime('20260329T093000Z')?.offsetMs).toBe(0);
		expect(parseIsoDateTime('2026-03-29T09:30-0530')?.offsetMs).toBe(-19_800_000);
		expect(parseIsoDateTime('2026-03-29')).toEqual({
			localMs: Date.UTC(2026, 2, 29),
			dateOnly: true
		});
	});

	it('rejects impossible dates and non-dates', () => {
		for (const text of [
			'2026-02-30T10:00',
			'2026-13-01',
			'2026-03-29T25:00',
			'tomorrow',
			'',
			'2026-03-29T10:00+25:00'
		]) {
			expect(parseIsoDateTime(text), text).toBeUndefined();
		}
	});
});

describe('parseDuration', () => {
	it('reads the shapes agenda files use', () => {
		expect(parseDuration('45')).toBe(45 * 60_000);
		expect(parseDuration('00:45')).toBe(45 * 60_000);
		expect(parseDuration('1:30')).toBe(90 * 60_000);
		expect(parseDuration('01:30:00')).toBe(90 * 60_000);
		expect(parseDuration('PT1H15M')).toBe(75 * 60_000);
		expect(parseDuration('90 min')).toBe(90 * 60_000);
		expect(parseDuration('1h 30m')).toBe(90 * 60_000);
		expect(parseDuration('2 hours')).toBe(120 * 60_000);
	});

	it('rejects what is not a duration', () => {
		for (const text of ['', 'soon', '1:75', 'P', 'PT', '-5']) {
			expect(parseDuration(text), text).toBeUndefined();
		}
	});
});

describe('splitNames', () => {
	it('splits on unambiguous separators', () => {
		expect(splitNames('Ada Lovelace; Grace Hopper')).toEqual(['Ada Lovelace', 'Grace Hopper']);
		expect(splitNames('Ada Lovelace & Grace Hopper')).toEqual(['Ada Lovelace', 'Grace Hopper']);
		expect(splitNames('Ada Lovelace and Grace Hopper')).toEqual(['Ada Lovelace', 'Grace Hopper']);
		expect(splitNames('Ada Lovelace, Grace Hopper, and Alan Turing')).toEqual([
			'Ada Lovelace',
			'Grace Hopper',
			'Alan Turing'
		]);
		expect(splitNames('Ada Lovelace | Grace Hopper\nAda Lovelace')).toEqual([
			'Ada Lovelace',
			'Grace Hopper'
		]);
	});

	it('keeps "Last, First" and titles together', () => {
		expect(splitNames('Lovelace, Ada')).toEqual(['Lovelace, Ada']);
		expect(splitNames('Ada Lovelace, PhD')).toEqual(['Ada Lovelace, PhD']);
		expect(splitNames('  ')).toEqual([]);
	});
});

describe('looksLikeBreak', () => {
	it('recognises break titles and types', () => {
		for (const title of [
			'Lunch',
			'Coffee Break',
			'☕ Break (30 min)',
			'Lunch & Networking',
			'Afternoon tea break',
			'Kaffeepause'
		]) {
			expect(looksLikeBreak(title), title).toBe(true);
		}
		expect(looksLikeBreak('Anything', 'Break')).toBe(true);
		expect(looksLikeBreak('Anything', 'coffee')).toBe(true);
	});

	it('leaves talks about breaking things alone', () => {
		for (const title of [
			'Breaking the Monolith',
			'Lunch and Learn: Rust',
			'Break things safely',
			'Coffee Script in 2026'
		]) {
			expect(looksLikeBreak(title), title).toBe(false);
		}
		expect(looksLikeBreak('Talk', 'Breakout session')).toBe(false);
	});
});

describe('safeUrl', () => {
	it('keeps only absolute http(s) links', () => {
		expect(safeUrl(' https://example.test/talk ')).toBe('https://example.test/talk');
		expect(safeUrl('javascript:alert(1)')).toBeUndefined();
		expect(safeUrl('/relative')).toBeUndefined();
		expect(safeUrl('https://a b')).toBeUndefined();
	});
});
