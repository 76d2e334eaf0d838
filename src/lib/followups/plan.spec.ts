import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcToZonedTime } from '$lib/schedule/zoned-time';
import {
	DEFAULT_CADENCE,
	applyWrite,
	cadenceSettings,
	civilDate,
	contactFollowUp,
	defaultDueAt,
	dueState,
	followUpSections,
	isAwake,
	markSent,
	messageKind,
	newFollowUp,
	onNotNow,
	onReplied,
	planAfterSent,
	queueFollowUp,
	rescheduleFollowUp,
	snoozeUntil,
	wake,
	wakeAll,
	type Compose,
	type DueChoice,
	type FollowUpPlanRow
} from './plan';

const BERLIN = 'Europe/Berlin';

const compose: Compose = ({ kind, step }) => ({
	subject: `subject ${kind}`,
	body: `${kind} ${step}`
});

function ids(prefix = 'id'): () => string {
	let next = 0;
	return () => `${prefix}-${++next}`;
}

function row(overrides: Partial<FollowUpPlanRow> = {}): FollowUpPlanRow {
	return {
		id: 'f0',
		contactId: 'c1',
		step: 0,
		channel: 'email',
		subject: 'Great to meet you',
		body: 'Hi Ana',
		dueAt: '2026-06-10T07:00:00.000Z',
		status: 'queued',
		createdAt: '2026-06-09T15:00:00.000Z',
		updatedAt: '2026-06-09T15:00:00.000Z',
		...overrides
	};
}

function due(now: string, timeZone: string, choice: DueChoice, eventEndDate?: string): string {
	return defaultDueAt({ now, timeZone, choice, ...(eventEndDate && { eventEndDate }) });
}

describe('defaultDueAt: next morning', () => {
	it.each([
		// [zone, now, expected]: 09:00 local on the next day, whatever the UTC date says.
		[BERLIN, '2026-01-15T15:00:00Z', '2026-01-16T08:00:00.000Z'],
		['America/New_York', '2026-01-15T22:00:00Z', '2026-01-16T14:00:00.000Z'],
		// 22:00 on the 15th in New York is already the 16th in UTC.
		['America/New_York', '2026-01-16T03:00:00Z', '2026-01-16T14:00:00.000Z'],
		['Asia/Kolkata', '2026-01-15T15:00:00Z', '2026-01-16T03:30:00.000Z'],
		// 18:00 NZDT (+13) on the 15th: the due instant is still the 15th in UTC.
		['Pacific/Auckland', '2026-01-15T05:00:00Z', '2026-01-15T20:00:00.000Z']
	])('in %s, queued at %s → %s', (zone, now, expected) => {
		expect(due(now, zone, 'next-morning')).toBe(expected);
		expect(utcToZonedTime(expected, zone).slice(11)).toBe('09:00:00');
	});

	it.each([
		// Berlin springs forward on 2026-03-29: 09:00 CEST is 07:00Z, not 08:00Z.
		[BERLIN, '2026-03-28T19:00:00Z', '2026-03-29T07:00:00.000Z'],
		// …and falls back on 2026-10-25: 09:00 CET is 08:00Z.
		[BERLIN, '2026-10-24T18:00:00Z', '2026-10-25T08:00:00.000Z'],
		['America/New_York', '2026-03-07T23:00:00Z', '2026-03-08T13:00:00.000Z'],
		['America/New_York', '2026-10-31T22:00:00Z', '2026-11-01T14:00:00.000Z'],
		// Auckland leaves daylight saving on 2026-04-05 (+13 → +12).
		['Pacific/Auckland', '2026-04-04T06:00:00Z', '2026-04-04T21:00:00.000Z'],
		['Pacific/Auckland', '2026-09-26T06:00:00Z', '2026-09-26T20:00:00.000Z']
	])('across a DST change in %s: %s → %s', (zone, now, expected) => {
		expect(due(now, zone, 'next-morning')).toBe(expected);
	});

	it('treats the small hours as the night before: 01:30 → 09:00 the same calendar day', () => {
		// 01:30 CEST on 11 June.
		expect(due('2026-06-10T23:30:00Z', BERLIN, 'next-morning')).toBe('2026-06-11T07:00:00.000Z');
		// 03:59 still belongs to the night before; 04:00 starts a new day.
		expect(due('2026-06-11T01:59:00Z', BERLIN, 'next-morning')).toBe('2026-06-11T07:00:00.000Z');
		expect(due('2026-06-11T02:00:00Z', BERLIN, 'next-morning')).toBe('2026-06-12T07:00:00.000Z');
	});

	it('is always after now', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
				fc.constantFrom(BERLIN, 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'),
				(date, zone) => {
					const result = due(date.toISOString(), zone, 'next-morning');
					expect(Date.parse(result)).toBeGreaterThan(date.getTime());
					expect(Date.parse(result) - date.getTime()).toBeLessThanOrEqual(34 * 3_600_000);
					expect(utcToZonedTime(result, zone).slice(11)).toBe('09:00:00');
				}
			)
		);
	});
});

describe('defaultDueAt: when the event ends, and custom', () => {
	it('is 18:00 local on the last day', () => {
		expect(due('2026-06-10T10:00:00Z', BERLIN, 'event-end', '2026-06-12')).toBe(
			'2026-06-12T16:00:00.000Z'
		);
		expect(due('2026-01-15T05:00:00Z', 'Pacific/Auckland', 'event-end', '2026-01-16')).toBe(
			'2026-01-16T05:00:00.000Z'
		);
		expect(due('2026-03-25T10:00:00Z', 'America/New_York', 'event-end', '2026-03-27')).toBe(
			'2026-03-27T22:00:00.000Z'
		);
	});

	it('falls back to the next morning once 18:00 on the last day has passed', () => {
		expect(due('2026-06-12T16:00:00Z', BERLIN, 'event-end', '2026-06-12')).toBe(
			'2026-06-13T07:00:00.000Z'
		);
		expect(due('2026-06-20T10:00:00Z', BERLIN, 'event-end', '2026-06-12')).toBe(
			'2026-06-21T07:00:00.000Z'
		);
	});

	it('falls back to the next morning without a usable end date', () => {
		const nextMorning = '2026-06-11T07:00:00.000Z';
		expect(due('2026-06-10T10:00:00Z', BERLIN, 'event-end')).toBe(nextMorning);
		expect(due('2026-06-10T10:00:00Z', BERLIN, 'event-end', '2026-02-30')).toBe(nextMorning);
		expect(due('2026-06-10T10:00:00Z', BERLIN, 'event-end', '12 June')).toBe(nextMorning);
	});

	it('takes a custom instant as is, and a local date-time in the event zone', () => {
		const now = '2026-06-10T10:00:00Z';
		expect(due(now, BERLIN, { custom: '2026-06-20T14:00:00+02:00' })).toBe(
			'2026-06-20T12:00:00.000Z'
		);
		expect(due(now, BERLIN, { custom: '2026-06-20T14:00' })).toBe('2026-06-20T12:00:00.000Z');
		expect(due(now, 'Asia/Kolkata', { custom: '2026-06-20T14:00' })).toBe(
			'2026-06-20T08:30:00.000Z'
		);
		// A custom time in the past is the user's choice: it is simply due now.
		expect(due(now, BERLIN, { custom: '2026-06-01T08:00:00Z' })).toBe('2026-06-01T08:00:00.000Z');
	});

	it('falls back to the next morning for an unreadable custom time', () => {
		for (const custom of ['soon', '', '2026-02-30T10:00', '2026-06-20']) {
			expect(due('2026-06-10T10:00:00Z', BERLIN, { custom })).toBe('2026-06-11T07:00:00.000Z');
		}
	});

	it('throws only on programmer errors', () => {
		expect(() => due('yesterday', BERLIN, 'next-morning')).toThrow(RangeError);
		expect(() => due('2026-06-10T10:00:00', BERLIN, 'next-morning')).toThrow(/ISO 8601 instant/);
		expect(() => due('2026-06-10T10:00:00Z', BERLIN, 'whenever' as DueChoice)).toThrow(TypeError);
		// An unknown zone is a missing field, not a crash: the device's zone is used.
		expect(due('2026-06-10T10:00:00Z', 'Mars/Olympus', 'next-morning')).toMatch(
			/^2026-06-1\dT\d\d:\d\d:00\.000Z$/
		);
	});
});

describe('civilDate', () => {
	it('puts the small hours on the day before, in the given zone', () => {
		expect(civilDate('2026-06-10T23:30:00Z', BERLIN)).toBe('2026-06-10');
		expect(civilDate('2026-06-11T02:00:00Z', BERLIN)).toBe('2026-06-11');
		expect(civilDate('2026-06-10T23:30:00Z', 'America/New_York')).toBe('2026-06-10');
		expect(civilDate('2026-06-10T13:00:00Z', 'Pacific/Auckland')).toBe('2026-06-10');
		expect(civilDate('2026-06-10T18:00:00Z', 'Pacific/Auckland')).toBe('2026-06-11');
	});
});

describe('cadence settings', () => {
	it('defaults to 5, 7 and 90 days', () => {
		expect(DEFAULT_CADENCE).toEqual({ nudge1AfterDays: 5, nudge2AfterDays: 7, snoozeDays: 90 });
		expect(cadenceSettings()).toEqual(DEFAULT_CADENCE);
		expect(cadenceSettings(null)).toEqual(DEFAULT_CADENCE);
	});

	it('completes partial settings and repairs bad values without throwing', () => {
		expect(cadenceSettings({ nudge1AfterDays: 3 })).toEqual({
			...DEFAULT_CADENCE,
			nudge1AfterDays: 3
		});
		expect(
			cadenceSettings({
				nudge1AfterDays: 2.6,
				nudge2AfterDays: Number.NaN,
				snoozeDays: -4
			})
		).toEqual({ nudge1AfterDays: 3, nudge2AfterDays: 7, snoozeDays: 1 });
		expect(cadenceSettings({ snoozeDays: '30' as unknown as number }).snoozeDays).toBe(90);
		expect(cadenceSettings({ nudge1AfterDays: 1e9 }).nudge1AfterDays).toBe(60);
	});
});

describe('planAfterSent', () => {
	it('schedules nudge 1 at 09:00 local, 5 days after the day the first message was sent', () => {
		// Sent Tuesday 9 June at 15:00 in Berlin → Sunday 14 June, 09:00 CEST.
		expect(planAfterSent(row(), '2026-06-09T13:00:00Z', undefined, BERLIN)).toEqual({
			step: 1,
			kind: 'nudge-1',
			dueAt: '2026-06-14T07:00:00.000Z'
		});
	});

	it('schedules nudge 2 at 09:00 local, 7 days after nudge 1 was sent', () => {
		expect(planAfterSent(row({ step: 1 }), '2026-06-15T08:00:00Z', undefined, BERLIN)).toEqual({
			step: 2,
			kind: 'nudge-2',
			dueAt: '2026-06-22T07:00:00.000Z'
		});
	});

	it('keeps 09:00 local across a DST change in the gap', () => {
		// 25 March is CET, 30 March is CEST.
		expect(planAfterSent(row(), '2026-03-25T10:00:00Z', undefined, BERLIN)?.dueAt).toBe(
			'2026-03-30T07:00:00.000Z'
		);
		expect(planAfterSent(row(), '2026-03-05T20:00:00Z', undefined, 'America/New_York')?.dueAt).toBe(
			'2026-03-10T13:00:00.000Z'
		);
		expect(planAfterSent(row(), '2026-04-01T02:00:00Z', undefined, 'Pacific/Auckland')?.dueAt).toBe(
			'2026-04-05T21:00:00.000Z'
		);
	});

	it('counts a message sent after midnight as sent the evening before', () => {
		// 01:30 on Wednesday 10 June counts as Tuesday night.
		expect(planAfterSent(row(), '2026-06-09T23:30:00Z', undefined, BERLIN)?.dueAt).toBe(
			'2026-06-14T07:00:00.000Z'
		);
	});

	it('follows configured gaps', () => {
		const settings = { nudge1AfterDays: 2, nudge2AfterDays: 10 };
		expect(planAfterSent(row(), '2026-06-09T13:00:00Z', settings, BERLIN)?.dueAt).toBe(
			'2026-06-11T07:00:00.000Z'
		);
		expect(planAfterSent(row({ step: 1 }), '2026-06-09T13:00:00Z', settings, BERLIN)?.dueAt).toBe(
			'2026-06-19T07:00:00.000Z'
		);
	});

	it('plans nothing after nudge 2 or after a check-in: never more than two nudges', () => {
		expect(
			planAfterSent(row({ step: 2 }), '2026-06-09T13:00:00Z', undefined, BERLIN)
		).toBeUndefined();
		expect(
			planAfterSent(row({ step: 0, kind: 'check-in' }), '2026-06-09T13:00:00Z', undefined, BERLIN)
		).toBeUndefined();
	});

	it('rejects a sentAt that is not an instant', () => {
		expect(() => planAfterSent(row(), 'Tuesday', undefined, BERLIN)).toThrow(RangeError);
	});
});

describe('drafting and queueing', () => {
	it('creates a step-0 draft with normalised instants', () => {
		expect(
			newFollowUp({
				id: 'f1',
				contactId: 'c1',
				channel: 'sms',
				subject: 'Hi',
				body: 'Great to meet you',
				dueAt: '2026-06-11T09:00:00+02:00',
				now: '2026-06-10T18:00:00+02:00'
			})
		).toEqual({
			id: 'f1',
			contactId: 'c1',
			step: 0,
			channel: 'sms',
			subject: 'Hi',
			body: 'Great to meet you',
			dueAt: '2026-06-11T07:00:00.000Z',
			status: 'draft',
			createdAt: '2026-06-10T16:00:00.000Z',
			updatedAt: '2026-06-10T16:00:00.000Z'
		});
	});

	it('refuses to create a row without ids', () => {
		const input = {
			id: '',
			contactId: 'c1',
			channel: 'email' as const,
			subject: '',
			body: '',
			dueAt: '2026-06-11T07:00:00Z',
			now: '2026-06-10T16:00:00Z'
		};
		expect(() => newFollowUp(input)).toThrow(/id and contactId/);
	});

	it('queues a draft, optionally moving its due time; leaves other statuses alone', () => {
		const now = '2026-06-10T16:00:00Z';
		expect(queueFollowUp(row({ status: 'draft' }), now)).toEqual({
			add: [],
			update: [{ key: 'f0', changes: { status: 'queued', updatedAt: '2026-06-10T16:00:00.000Z' } }]
		});
		expect(
			queueFollowUp(row({ status: 'draft' }), now, '2026-06-12T16:00:00Z').update[0]?.changes
		).toEqual({
			status: 'queued',
			dueAt: '2026-06-12T16:00:00.000Z',
			updatedAt: '2026-06-10T16:00:00.000Z'
		});
		expect(
			queueFollowUp(row({ status: 'queued' }), now, '2026-06-12T16:00:00Z').update
		).toHaveLength(1);
		expect(queueFollowUp(row({ status: 'queued' }), now)).toEqual({ add: [], update: [] });
		expect(queueFollowUp(row({ status: 'sent' }), now)).toEqual({ add: [], update: [] });
	});

	it('reschedules open rows only', () => {
		const now = '2026-06-10T16:00:00Z';
		expect(rescheduleFollowUp(row(), '2026-06-15T07:00:00Z', now).update).toEqual([
			{
				key: 'f0',
				changes: { dueAt: '2026-06-15T07:00:00.000Z', updatedAt: '2026-06-10T16:00:00.000Z' }
			}
		]);
		expect(
			rescheduleFollowUp(row({ status: 'snoozed' }), '2026-06-15T07:00:00Z', now).update
		).toHaveLength(1);
		expect(rescheduleFollowUp(row({ status: 'replied' }), '2026-06-15T07:00:00Z', now)).toEqual({
			add: [],
			update: []
		});
	});
});

describe('markSent', () => {
	const input = {
		sentAt: '2026-06-09T13:00:00Z',
		now: '2026-06-09T13:01:00Z',
		timeZone: BERLIN,
		newId: () => 'n1',
		compose
	};

	it('records the send and queues nudge 1 on the same channel', () => {
		const write = markSent(row({ channel: 'sms' }), input);
		expect(write.update).toEqual([
			{
				key: 'f0',
				changes: {
					status: 'sent',
					sentAt: '2026-06-09T13:00:00.000Z',
					updatedAt: '2026-06-09T13:01:00.000Z'
				}
			}
		]);
		expect(write.add).toEqual([
			{
				id: 'n1',
				contactId: 'c1',
				step: 1,
				channel: 'sms',
				subject: 'subject nudge-1',
				body: 'nudge-1 1',
				dueAt: '2026-06-14T07:00:00.000Z',
				status: 'queued',
				createdAt: '2026-06-09T13:01:00.000Z',
				updatedAt: '2026-06-09T13:01:00.000Z'
			}
		]);
	});

	it('sends drafts as well as queued rows (the user may send straight away)', () => {
		expect(markSent(row({ status: 'draft' }), input).add).toHaveLength(1);
	});

	it('queues nudge 2 after nudge 1, and nothing after nudge 2', () => {
		expect(markSent(row({ step: 1 }), input).add[0]).toMatchObject({ step: 2, body: 'nudge-2 2' });
		const last = markSent(row({ step: 2 }), input);
		expect(last.add).toEqual([]);
		expect(last.update[0]?.changes.status).toBe('sent');
	});

	it('is a no-op for a row that is already sent, replied or cancelled (double tap on "Sent?")', () => {
		for (const status of ['sent', 'replied', 'cancelled'] as const) {
			expect(markSent(row({ status }), input)).toEqual({ add: [], update: [] });
		}
	});

	it('schedules nothing after a check-in', () => {
		const write = markSent(row({ step: 1, kind: 'check-in' }), input);
		expect(write.add).toEqual([]);
		expect(write.update).toHaveLength(1);
	});
});

describe('the whole cadence', () => {
	it('goes draft → queued → due → sent → nudge 1 → nudge 2 → waiting, never a third nudge', () => {
		const newId = ids('n');
		const settings = {};
		let rows: FollowUpPlanRow[] = [
			newFollowUp({
				id: 'first',
				contactId: 'c1',
				channel: 'email',
				subject: 'Great to meet you',
				body: 'Hi Ana',
				dueAt: due('2026-06-09T16:00:00Z', BERLIN, 'next-morning'),
				now: '2026-06-09T16:00:00Z'
			})
		];
		const section = (now: string): string | undefined => contactFollowUp(rows, now)?.state;
		expect(section('2026-06-09T16:00:00Z')).toBe('scheduled');
		rows = applyWrite(rows, queueFollowUp(rows[0]!, '2026-06-09T16:05:00Z'));
		expect(rows[0]?.status).toBe('queued');
		expect(section('2026-06-10T06:59:00Z')).toBe('scheduled');
		expect(section('2026-06-10T07:00:00Z')).toBe('due');

		// Sent Wednesday morning → nudge 1 Monday 15 June 09:00.
		const ctx = { timeZone: BERLIN, settings, newId, compose };
		rows = applyWrite(
			rows,
			markSent(rows[0]!, { ...ctx, sentAt: '2026-06-10T07:30:00Z', now: '2026-06-10T07:31:00Z' })
		);
		expect(rows.map((r) => [r.step, r.status, r.dueAt])).toEqual([
			[0, 'sent', '2026-06-10T07:00:00.000Z'],
			[1, 'queued', '2026-06-15T07:00:00.000Z']
		]);
		expect(section('2026-06-12T12:00:00Z')).toBe('waiting');
		expect(contactFollowUp(rows, '2026-06-12T12:00:00Z')?.row.step).toBe(1);
		expect(section('2026-06-15T07:00:00Z')).toBe('due');

		rows = applyWrite(
			rows,
			markSent(rows[1]!, { ...ctx, sentAt: '2026-06-16T08:00:00Z', now: '2026-06-16T08:00:00Z' })
		);
		expect(rows[2]).toMatchObject({ step: 2, status: 'queued', dueAt: '2026-06-23T07:00:00.000Z' });
		expect(section('2026-06-23T07:00:00Z')).toBe('due');

		rows = applyWrite(
			rows,
			markSent(rows[2]!, { ...ctx, sentAt: '2026-06-23T09:00:00Z', now: '2026-06-23T09:00:00Z' })
		);
		expect(rows).toHaveLength(3);
		expect(rows.filter((r) => r.step > 0 && r.status === 'sent')).toHaveLength(2);
		expect(section('2026-09-01T00:00:00Z')).toBe('waiting');

		// The reply ends it: the last message sent gets the credit.
		rows = applyWrite(rows, onReplied(rows, '2026-09-02T10:00:00Z'));
		expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'replied']);
		expect(section('2026-09-02T10:00:00Z')).toBe('done');
	});
});

describe('onReplied', () => {
	const now = '2026-06-20T10:00:00Z';

	it('cancels every open step and marks the last sent message as replied', () => {
		const rows = [
			row({ id: 'a', step: 0, status: 'sent', sentAt: '2026-06-10T08:00:00.000Z' }),
			row({ id: 'b', step: 1, status: 'queued', createdAt: '2026-06-10T08:00:00.000Z' })
		];
		expect(onReplied(rows, now)).toEqual({
			add: [],
			update: [
				{ key: 'a', changes: { status: 'replied', updatedAt: '2026-06-20T10:00:00.000Z' } },
				{ key: 'b', changes: { status: 'cancelled', updatedAt: '2026-06-20T10:00:00.000Z' } }
			]
		});
	});

	it('cancels a snoozed row too', () => {
		const rows = [
			row({ id: 'a', status: 'sent', sentAt: '2026-06-10T08:00:00.000Z' }),
			row({ id: 'b', step: 1, status: 'snoozed', createdAt: '2026-06-10T08:00:00.000Z' })
		];
		const after = applyWrite(rows, onReplied(rows, now));
		expect(after.map((r) => r.status)).toEqual(['replied', 'cancelled']);
	});

	it('marks the open message as replied when they wrote first', () => {
		expect(
			applyWrite([row({ status: 'draft' })], onReplied([row({ status: 'draft' })], now))[0]?.status
		).toBe('replied');
	});

	it('is idempotent and safe on an empty list', () => {
		const rows = [row({ status: 'replied', sentAt: '2026-06-10T08:00:00.000Z' })];
		expect(onReplied(rows, now)).toEqual({ add: [], update: [] });
		expect(onReplied([], now)).toEqual({ add: [], update: [] });
	});

	it('refuses rows of two contacts', () => {
		expect(() => onReplied([row(), row({ id: 'x', contactId: 'c2' })], now)).toThrow(/one contact/);
	});
});

describe('not now, and waking up', () => {
	const now = '2026-06-20T10:00:00Z';
	const ctx = { now, timeZone: BERLIN, newId: () => 'snooze-1' };
	// 90 conference days after Saturday 20 June is Friday 18 September, 09:00 CEST.
	const wakeAt = '2026-09-18T07:00:00.000Z';

	it('wakes 90 days later at 09:00 local, also across a DST change', () => {
		expect(snoozeUntil(now, undefined, BERLIN)).toBe(wakeAt);
		// 1 September (CEST) + 90 days = 30 November (CET).
		expect(snoozeUntil('2026-09-01T10:00:00Z', undefined, BERLIN)).toBe('2026-11-30T08:00:00.000Z');
		expect(snoozeUntil(now, { snoozeDays: 30 }, 'Asia/Kolkata')).toBe('2026-07-20T03:30:00.000Z');
	});

	it('snoozes the open nudge and cancels any other open row', () => {
		const rows = [
			row({ id: 'a', status: 'sent', sentAt: '2026-06-10T08:00:00.000Z' }),
			row({ id: 'b', step: 1, status: 'queued', createdAt: '2026-06-10T08:00:00.000Z' }),
			row({ id: 'c', step: 0, status: 'draft', createdAt: '2026-06-01T08:00:00.000Z' })
		];
		expect(onNotNow(rows, ctx)).toEqual({
			add: [],
			update: [
				{
					key: 'b',
					changes: { status: 'snoozed', dueAt: wakeAt, updatedAt: '2026-06-20T10:00:00.000Z' }
				},
				{ key: 'c', changes: { status: 'cancelled', updatedAt: '2026-06-20T10:00:00.000Z' } }
			]
		});
	});

	it('adds a snoozed row when nothing is open (e.g. they replied "not now")', () => {
		const rows = [
			row({
				id: 'a',
				step: 2,
				channel: 'linkedin',
				status: 'replied',
				sentAt: '2026-06-10T08:00:00.000Z'
			})
		];
		const write = onNotNow(rows, { ...ctx, settings: { snoozeDays: 30 } });
		expect(write.update).toEqual([]);
		expect(write.add).toEqual([
			{
				id: 'snooze-1',
				contactId: 'c1',
				step: 2,
				channel: 'linkedin',
				subject: '',
				body: '',
				dueAt: '2026-07-20T07:00:00.000Z',
				status: 'snoozed',
				createdAt: '2026-06-20T10:00:00.000Z',
				updatedAt: '2026-06-20T10:00:00.000Z'
			}
		]);
		expect(onNotNow([], ctx)).toEqual({ add: [], update: [] });
	});

	it('is asleep until the wake time, then awake', () => {
		const snoozed = row({ status: 'snoozed', dueAt: wakeAt });
		expect(isAwake(snoozed, '2026-09-18T06:59:59Z')).toBe(false);
		expect(dueState(snoozed, '2026-09-18T06:59:59Z')).toBe('snoozed');
		expect(isAwake(snoozed, wakeAt)).toBe(true);
		expect(dueState(snoozed, wakeAt)).toBe('due');
		expect(isAwake(row({ status: 'queued', dueAt: '2020-01-01T00:00:00Z' }), wakeAt)).toBe(false);
		// Damaged data surfaces rather than sleeping forever.
		expect(isAwake(row({ status: 'snoozed', dueAt: 'soon' }), now)).toBe(true);
	});

	it('wakes as a queued "checking back in" message that keeps its step', () => {
		const snoozed = row({ id: 's', step: 1, status: 'snoozed', dueAt: wakeAt });
		const write = wake(snoozed, { now: '2026-09-19T12:00:00Z', compose });
		expect(write).toEqual({
			add: [],
			update: [
				{
					key: 's',
					changes: {
						status: 'queued',
						kind: 'check-in',
						subject: 'subject check-in',
						body: 'check-in 1',
						dueAt: wakeAt,
						updatedAt: '2026-09-19T12:00:00.000Z'
					}
				}
			]
		});
		const [woken] = applyWrite([snoozed], write);
		expect(messageKind(woken!)).toBe('check-in');
		expect(dueState(woken!, '2026-09-19T12:00:00Z')).toBe('due');
	});

	it('can be woken early by the user: then it is due now', () => {
		const snoozed = row({ status: 'snoozed', dueAt: wakeAt });
		expect(wake(snoozed, { now, compose }).update[0]?.changes.dueAt).toBe(
			'2026-06-20T10:00:00.000Z'
		);
		expect(wake(row({ status: 'queued' }), { now, compose })).toEqual({ add: [], update: [] });
	});

	it('wakes every awake row in one write', () => {
		const rows = [
			row({ id: 'a', contactId: 'c1', status: 'snoozed', dueAt: '2026-06-01T07:00:00.000Z' }),
			row({ id: 'b', contactId: 'c2', status: 'snoozed', dueAt: '2026-12-01T07:00:00.000Z' }),
			row({ id: 'c', contactId: 'c3', status: 'queued', dueAt: '2026-06-01T07:00:00.000Z' })
		];
		expect(wakeAll(rows, { now, compose }).update.map((u) => u.key)).toEqual(['a']);
	});

	it('schedules no nudges after the check-in is sent, and a reply still ends it', () => {
		const newId = ids('n');
		let rows: FollowUpPlanRow[] = [
			row({ id: 'a', status: 'sent', sentAt: '2026-06-10T08:00:00.000Z' }),
			row({ id: 'b', step: 1, status: 'queued', createdAt: '2026-06-10T08:00:00.000Z' })
		];
		rows = applyWrite(rows, onNotNow(rows, { ...ctx, newId }));
		expect(contactFollowUp(rows, now)?.state).toBe('snoozed');
		rows = applyWrite(rows, wakeAll(rows, { now: '2026-09-18T08:00:00Z', compose }));
		expect(contactFollowUp(rows, '2026-09-18T08:00:00Z')?.state).toBe('due');
		const checkIn = rows.find((r) => r.kind === 'check-in')!;
		rows = applyWrite(
			rows,
			markSent(checkIn, {
				sentAt: '2026-09-18T08:30:00Z',
				now: '2026-09-18T08:30:00Z',
				timeZone: BERLIN,
				newId,
				compose
			})
		);
		expect(rows.filter(isOpenRow)).toEqual([]);
		expect(contactFollowUp(rows, '2026-12-01T00:00:00Z')?.state).toBe('waiting');
		rows = applyWrite(rows, onReplied(rows, '2026-12-01T00:00:00Z'));
		expect(rows.find((r) => r.id === 'b')?.status).toBe('replied');
	});
});

function isOpenRow(r: FollowUpPlanRow): boolean {
	return r.status === 'draft' || r.status === 'queued' || r.status === 'snoozed';
}

describe('dueState and sections', () => {
	const now = '2026-06-20T10:00:00Z';

	it('maps each status to its section', () => {
		expect(dueState(row({ status: 'draft', dueAt: '2026-06-20T10:00:00Z' }), now)).toBe('due');
		expect(dueState(row({ status: 'queued', dueAt: '2026-06-21T07:00:00Z' }), now)).toBe(
			'scheduled'
		);
		expect(dueState(row({ status: 'queued', dueAt: 'garbled' }), now)).toBe('due');
		expect(dueState(row({ status: 'sent' }), now)).toBe('waiting');
		expect(dueState(row({ status: 'snoozed', dueAt: '2026-09-18T07:00:00Z' }), now)).toBe(
			'snoozed'
		);
		expect(dueState(row({ status: 'replied' }), now)).toBe('done');
		expect(dueState(row({ status: 'cancelled' }), now)).toBe('done');
	});

	it('names message kinds by step and marker', () => {
		expect([0, 1, 2].map((step) => messageKind({ step: step as 0 | 1 | 2 }))).toEqual([
			'first',
			'nudge-1',
			'nudge-2'
		]);
		expect(messageKind({ step: 2, kind: 'check-in' })).toBe('check-in');
	});

	it('lists each person once, in the right section and order', () => {
		const rows = [
			// c1: overdue first message.
			row({ id: 'a', contactId: 'c1', status: 'queued', dueAt: '2026-06-19T07:00:00.000Z' }),
			// c2: due longer ago.
			row({ id: 'b', contactId: 'c2', status: 'draft', dueAt: '2026-06-18T07:00:00.000Z' }),
			// c3: first message scheduled for later.
			row({ id: 'c', contactId: 'c3', status: 'queued', dueAt: '2026-06-22T07:00:00.000Z' }),
			// c4: sent, nudge not yet due → waiting.
			row({ id: 'd1', contactId: 'c4', status: 'sent', sentAt: '2026-06-17T08:00:00.000Z' }),
			row({
				id: 'd2',
				contactId: 'c4',
				step: 1,
				status: 'queued',
				dueAt: '2026-06-22T07:00:00.000Z',
				createdAt: '2026-06-17T08:00:00.000Z'
			}),
			// c5: all nudges sent → waiting, since earlier than c4.
			row({
				id: 'e',
				contactId: 'c5',
				step: 2,
				status: 'sent',
				sentAt: '2026-06-01T08:00:00.000Z'
			}),
			// c6: not now.
			row({ id: 'f', contactId: 'c6', status: 'snoozed', dueAt: '2026-09-18T07:00:00.000Z' }),
			// c7: replied; c8: cancelled only.
			row({ id: 'g', contactId: 'c7', status: 'replied', updatedAt: '2026-06-19T00:00:00.000Z' }),
			row({ id: 'h', contactId: 'c8', status: 'cancelled', updatedAt: '2026-06-18T00:00:00.000Z' })
		];
		const sections = followUpSections(rows, now);
		const show = (list: { contactId: string; row: { id: string } }[]): string[] =>
			list.map((entry) => `${entry.contactId}:${entry.row.id}`);
		expect(show(sections.due)).toEqual(['c2:b', 'c1:a']);
		expect(show(sections.scheduled)).toEqual(['c3:c']);
		expect(show(sections.waiting)).toEqual(['c5:e', 'c4:d2']);
		expect(sections.waiting[1]?.lastSent?.id).toBe('d1');
		expect(show(sections.snoozed)).toEqual(['c6:f']);
		expect(show(sections.done)).toEqual(['c7:g', 'c8:h']);
		expect(contactFollowUp([], now)).toBeUndefined();
	});
});

describe('cadence invariants under any sequence of actions', () => {
	type Action =
		| { type: 'wait'; hours: number }
		| { type: 'send' }
		| { type: 'reply' }
		| { type: 'notNow' }
		| { type: 'wake' }
		| { type: 'resend' };

	const action: fc.Arbitrary<Action> = fc.oneof(
		fc.record({ type: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 3000 }) }),
		fc.constant({ type: 'send' as const }),
		fc.constant({ type: 'reply' as const }),
		fc.constant({ type: 'notNow' as const }),
		fc.constant({ type: 'wake' as const }),
		fc.constant({ type: 'resend' as const })
	);

	it('never sends more than two nudges, keeps one open row at most, and due times at 09:00 local', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(BERLIN, 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'),
				fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
				fc.array(action, { maxLength: 40 }),
				(zone, start, actions) => {
					const newId = ids('r');
					let nowMs = start.getTime();
					const now = (): string => new Date(nowMs).toISOString();
					let rows: FollowUpPlanRow[] = [
						newFollowUp({
							id: newId(),
							contactId: 'c1',
							channel: 'email',
							subject: 's',
							body: 'b',
							dueAt: due(now(), zone, 'next-morning'),
							now: now()
						})
					];
					let replied = false;
					for (const step of actions) {
						const open = rows.filter(isOpenRow);
						const sendable = open.find((r) => r.status !== 'snoozed');
						const ctx = { now: now(), sentAt: now(), timeZone: zone, newId, compose };
						switch (step.type) {
							case 'wait':
								nowMs += step.hours * 3_600_000;
								break;
							case 'send':
								if (sendable) rows = applyWrite(rows, markSent(sendable, ctx));
								break;
							case 'resend': {
								// A second "Sent?" on a row already sent changes nothing.
								const sent = rows.find((r) => r.status === 'sent');
								if (sent) expect(markSent(sent, ctx)).toEqual({ add: [], update: [] });
								break;
							}
							case 'reply':
								rows = applyWrite(rows, onReplied(rows, now()));
								replied = true;
								break;
							case 'notNow':
								rows = applyWrite(rows, onNotNow(rows, ctx));
								replied = false;
								break;
							case 'wake':
								rows = applyWrite(rows, wakeAll(rows, { now: now(), compose }));
								break;
						}
						expect(rows.filter(isOpenRow).length).toBeLessThanOrEqual(1);
						const nudgesSent = rows.filter(
							(r) => r.step > 0 && r.kind !== 'check-in' && r.sentAt !== undefined
						);
						expect(nudgesSent.length).toBeLessThanOrEqual(2);
						expect(new Set(nudgesSent.map((r) => r.step)).size).toBe(nudgesSent.length);
						if (replied) expect(rows.filter(isOpenRow)).toEqual([]);
						for (const r of rows) {
							expect(utcToZonedTime(r.dueAt, zone).slice(11)).toBe('09:00:00');
						}
					}
				}
			),
			{ numRuns: 150 }
		);
	});
});
