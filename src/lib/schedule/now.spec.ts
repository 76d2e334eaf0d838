import { describe, expect, it } from 'vitest';
import type { SessionRow } from '$lib/db/types';
import { dayKey, formatTimeRange, wallClock } from './format';
import { nowAndNext } from './now';

const s = (id: string, start: string, end: string, isBreak = false): SessionRow => ({
	id,
	eventId: 'e',
	title: id,
	start: `2026-03-29T${start}:00.000Z`,
	end: `2026-03-29T${end}:00.000Z`,
	speakers: [],
	isBreak,
	createdAt: '',
	updatedAt: ''
});

describe('nowAndNext', () => {
	const day = [
		s('coffee', '08:00', '09:00', true),
		s('keynote', '08:00', '09:00'),
		s('a', '09:15', '10:00'),
		s('b', '09:15', '10:00'),
		s('c', '11:00', '12:00')
	];

	it('lists what is on (talks first), what just ended and everything starting next', () => {
		const at8 = nowAndNext(day, '2026-03-29T08:30:00.000Z');
		expect(at8.now.map((x) => x.id)).toEqual(['keynote', 'coffee']);
		expect(at8.next.map((x) => x.id)).toEqual(['a', 'b']);
		const between = nowAndNext(day, '2026-03-29T09:05:00.000Z');
		expect(between.now).toEqual([]);
		expect(between.justEnded?.id).toBe('keynote');
		expect(between.next.map((x) => x.id)).toEqual(['a', 'b']);
		const late = nowAndNext(day, '2026-03-29T13:00:00.000Z');
		expect(late).toEqual({ now: [], justEnded: undefined, next: [] });
	});
});

describe('times in the event zone', () => {
	it('reads instants on the wall clock of the event, across the DST change', () => {
		// 00:30Z is 01:30 CET; 01:30Z is 03:30 CEST (the clocks jumped at 02:00 local).
		expect(wallClock('2026-03-29T00:30:00.000Z', 'Europe/Berlin')).toEqual({
			date: '2026-03-29',
			time: '01:30'
		});
		expect(wallClock('2026-03-29T01:30:00.000Z', 'Europe/Berlin')).toEqual({
			date: '2026-03-29',
			time: '03:30'
		});
		expect(dayKey('2026-03-28T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-03-29');
		expect(dayKey('2026-03-28T23:30:00.000Z', 'America/New_York')).toBe('2026-03-28');
		expect(
			formatTimeRange('2026-03-29T00:30:00.000Z', '2026-03-29T01:30:00.000Z', 'Europe/Berlin')
		).toMatch(/01:30.*03:30/);
	});
});
