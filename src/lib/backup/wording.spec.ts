import { describe, expect, it } from 'vitest';
import { ago } from './wording';

const now = Date.parse('2026-06-02T12:00:00.000Z');

describe('ago', () => {
	it('says when, plainly', () => {
		expect(ago('2026-06-02T11:59:30.000Z', now, 'en-GB')).toBe('just now');
		expect(ago('2026-06-02T12:00:30.000Z', now, 'en-GB')).toBe('just now');
		expect(ago('2026-06-02T11:55:00.000Z', now, 'en-GB')).toBe('5 minutes ago');
		expect(ago('2026-06-02T09:00:00.000Z', now, 'en-GB')).toBe('3 hours ago');
		expect(ago('2026-06-01T11:00:00.000Z', now, 'en-GB')).toBe('yesterday');
		expect(ago('2026-05-20T12:00:00.000Z', now, 'en-GB')).toBe('13 days ago');
		expect(ago('2026-03-01T12:00:00.000Z', now, 'en-GB')).toBe('on 1 March 2026');
	});
});
