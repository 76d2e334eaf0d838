import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	deviceTimeZone,
	isValidTimeZone,
	normalizeTimeZone,
	timeZoneOffsetMs,
	utcToZonedTime,
	zonedTimeToUtc
} from './zoned-time';

describe('zonedTimeToUtc', () => {
	it('converts ordinary times with and without seconds', () => {
		expect(zonedTimeToUtc('2026-03-28T09:00', 'Europe/Berlin')).toBe('2026-03-28T08:00:00.000Z');
		expect(zonedTimeToUtc('2026-07-01T09:00:15', 'Europe/Berlin')).toBe('2026-07-01T07:00:15.000Z');
		expect(zonedTimeToUtc('2026-07-01 09:00:15.250', 'Europe/Berlin')).toBe(
			'2026-07-01T07:00:15.250Z'
		);
		expect(zonedTimeToUtc('2026-01-01T00:00', 'Asia/Kathmandu')).toBe('2025-12-31T18:15:00.000Z');
		expect(zonedTimeToUtc('2026-06-15T12:00', 'UTC')).toBe('2026-06-15T12:00:00.000Z');
	});

	it('is exact on both sides of the Berlin spring-forward change (2026-03-29)', () => {
		expect(zonedTimeToUtc('2026-03-29T01:59:59', 'Europe/Berlin')).toBe('2026-03-29T00:59:59.000Z');
		expect(zonedTimeToUtc('2026-03-29T03:00', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
	});

	it('moves a time in the spring gap forward by the gap', () => {
		// 02:00–02:59 does not exist in Berlin that night; 02:30 becomes 03:30 CEST.
		expect(zonedTimeToUtc('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
		expect(zonedTimeToUtc('2026-03-29T02:00', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
		expect(zonedTimeToUtc('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
		// Lord Howe Island shifts by 30 minutes, so its gap is 30 minutes long.
		expect(zonedTimeToUtc('2026-10-04T02:15', 'Australia/Lord_Howe')).toBe(
			'2026-10-03T15:45:00.000Z'
		);
		// Samoa skipped 30 December 2011 entirely: a whole-day gap.
		expect(zonedTimeToUtc('2011-12-30T12:00', 'Pacific/Apia')).toBe('2011-12-30T22:00:00.000Z');
		expect(utcToZonedTime('2011-12-30T22:00:00.000Z', 'Pacific/Apia')).toBe('2011-12-31T12:00:00');
	});

	it('chooses the first occurrence of a time repeated by a fall-back change', () => {
		expect(zonedTimeToUtc('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
		expect(zonedTimeToUtc('2026-11-01T00:59', 'America/New_York')).toBe('2026-11-01T04:59:00.000Z');
		expect(zonedTimeToUtc('2026-11-01T02:00', 'America/New_York')).toBe('2026-11-01T07:00:00.000Z');
		expect(zonedTimeToUtc('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
	});

	it('rejects malformed readings, impossible dates and unknown zones with RangeError', () => {
		expect(() => zonedTimeToUtc('2026-03-29', 'Europe/Berlin')).toThrow(RangeError);
		expect(() => zonedTimeToUtc('29.03.2026 09:00', 'Europe/Berlin')).toThrow(RangeError);
		expect(() => zonedTimeToUtc('2026-02-30T09:00', 'Europe/Berlin')).toThrow(/no such date/);
		expect(() => zonedTimeToUtc('2026-03-29T24:30', 'Europe/Berlin')).toThrow(RangeError);
		expect(() => zonedTimeToUtc('2026-03-29T09:00+01:00', 'Europe/Berlin')).toThrow(RangeError);
		expect(() => zonedTimeToUtc('2026-03-29T09:00', 'Mars/Olympus_Mons')).toThrow(
			/Unknown time zone/
		);
	});

	const zones = [
		'Europe/Berlin',
		'America/New_York',
		'Australia/Lord_Howe',
		'America/Santiago',
		'Asia/Kolkata',
		'Pacific/Apia',
		'Europe/London',
		'UTC'
	];

	it('round-trips every instant, picking the earlier one only for repeated wall-clock times', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: Date.UTC(1995, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }),
				fc.constantFrom(...zones),
				(minutes, zone) => {
					const instant = new Date(minutes * 60_000).toISOString();
					const local = utcToZonedTime(instant, zone);
					const back = zonedTimeToUtc(local, zone);
					if (back === instant) return;
					// Only a fall-back overlap may map back elsewhere: to an earlier instant with the
					// same wall-clock reading.
					expect(back < instant).toBe(true);
					expect(utcToZonedTime(back, zone)).toBe(local);
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('never lands more than the gap away from the requested wall-clock time', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2039-12-31T00:00:00Z') }),
				// Samoa's one-off whole-day jump (2011) is covered above; every other gap is hours.
				fc.constantFrom(...zones.filter((zone) => zone !== 'Pacific/Apia')),
				(date, zone) => {
					if (Number.isNaN(date.getTime())) return;
					const local = date.toISOString().slice(0, 19);
					const result = zonedTimeToUtc(local, zone);
					const shown = utcToZonedTime(result, zone);
					const driftMs = Date.parse(`${shown}Z`) - Date.parse(`${local}Z`);
					// Equal, or pushed forward out of a gap (at most a few hours in any real zone).
					expect(driftMs).toBeGreaterThanOrEqual(0);
					expect(driftMs).toBeLessThanOrEqual(3 * 3_600_000);
				}
			),
			{ numRuns: 1000 }
		);
	});
});

describe('utcToZonedTime and offsets', () => {
	it('reads the wall clock at an instant', () => {
		expect(utcToZonedTime('2026-03-29T00:30:00.000Z', 'Europe/Berlin')).toBe('2026-03-29T01:30:00');
		expect(utcToZonedTime('2026-03-29T01:30:00.000Z', 'Europe/Berlin')).toBe('2026-03-29T03:30:00');
		expect(utcToZonedTime(Date.UTC(2026, 10, 1, 6, 30), 'America/New_York')).toBe(
			'2026-11-01T01:30:00'
		);
		expect(() => utcToZonedTime('not a date', 'UTC')).toThrow(RangeError);
		expect(() => utcToZonedTime(0, 'Nowhere/Land')).toThrow(RangeError);
	});

	it('reports offsets in milliseconds', () => {
		expect(timeZoneOffsetMs(Date.UTC(2026, 0, 1), 'Europe/Berlin')).toBe(3_600_000);
		expect(timeZoneOffsetMs(Date.UTC(2026, 6, 1), 'America/New_York')).toBe(-4 * 3_600_000);
		expect(timeZoneOffsetMs(Date.UTC(2026, 6, 1, 0, 0, 0, 999), 'Asia/Kolkata')).toBe(19_800_000);
	});
});

describe('isValidTimeZone and friends', () => {
	it('accepts IANA names and rejects everything else without throwing', () => {
		expect(isValidTimeZone('Europe/Berlin')).toBe(true);
		expect(isValidTimeZone('UTC')).toBe(true);
		expect(isValidTimeZone('america/new_york')).toBe(true);
		expect(isValidTimeZone('W. Europe Standard Time')).toBe(false);
		expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
		expect(isValidTimeZone('')).toBe(false);
		expect(isValidTimeZone(undefined)).toBe(false);
		expect(isValidTimeZone(42)).toBe(false);
	});

	it('normalizes spelling but keeps the given alias', () => {
		expect(normalizeTimeZone('europe/berlin')).toBe('Europe/Berlin');
		expect(normalizeTimeZone(' Asia/Kolkata ')).toBe('Asia/Kolkata');
		expect(normalizeTimeZone('nowhere')).toBeUndefined();
	});

	it('always reports a usable device zone', () => {
		expect(isValidTimeZone(deviceTimeZone())).toBe(true);
	});
});
