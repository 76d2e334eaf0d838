import { describe, expect, it } from 'vitest';
import type { FollowUpPlanRow } from './plan';
import { personFollowUpStatus } from './status';

const BERLIN = 'Europe/Berlin';
let n = 0;
function row(changes: Partial<FollowUpPlanRow>): FollowUpPlanRow {
	n++;
	return {
		id: `r${n}`,
		contactId: 'ana',
		step: 0,
		channel: 'email',
		subject: 'Hi',
		body: 'Hello',
		dueAt: '2026-06-03T07:00:00.000Z',
		status: 'queued',
		createdAt: `2026-06-02T10:00:0${n % 10}.000Z`,
		updatedAt: '2026-06-02T10:00:00.000Z',
		...changes
	};
}

// Tuesday 2 June 2026, 12:00 in Berlin.
const NOW = '2026-06-02T10:00:00.000Z';

describe('the person page\u2019s follow-up line', () => {
	it('offers a draft when there is nothing yet', () => {
		expect(personFollowUpStatus([], NOW, BERLIN)).toEqual({
			text: 'No follow-up yet.',
			actions: ['draft']
		});
	});

	it('says when a draft or a queued message will go, in the event\u2019s zone', () => {
		const draft = row({ status: 'draft' });
		expect(personFollowUpStatus([draft], NOW, BERLIN)).toEqual({
			text: 'Draft saved — for Wed 9:00',
			actions: ['send', 'edit', 'replied', 'not-now'],
			row: draft
		});
		const queued = row({});
		expect(personFollowUpStatus([queued], NOW, BERLIN).text).toBe('Queued for Wed 9:00');
		// The same instant is 17:00 on Wednesday in Tokyo, and 03:00 on Wednesday in New York.
		expect(personFollowUpStatus([queued], NOW, 'Asia/Tokyo').text).toBe('Queued for Wed 16:00');
		expect(personFollowUpStatus([queued], NOW, 'America/New_York').text).toBe(
			'Queued for Wed 3:00'
		);
		expect(
			personFollowUpStatus([row({ dueAt: '2026-06-02T16:00:00.000Z' })], NOW, BERLIN).text
		).toBe('Queued for 18:00 today');
		expect(
			personFollowUpStatus([row({ dueAt: '2026-07-01T07:00:00.000Z' })], NOW, BERLIN).text
		).toBe('Queued for 1 July 9:00');
	});

	it('says "due now" once the time has come', () => {
		const queued = row({});
		expect(personFollowUpStatus([queued], '2026-06-03T07:00:00.000Z', BERLIN).text).toBe(
			'Queued — due now'
		);
		expect(
			personFollowUpStatus([row({ status: 'draft' })], '2026-06-04T07:00:00.000Z', BERLIN).text
		).toBe('Draft saved — due now');
	});

	it('after sending: when it went and when the nudge is due, then that no more are planned', () => {
		const sent = row({ status: 'sent', sentAt: '2026-06-01T08:00:00.000Z' });
		const nudge = row({ step: 1, dueAt: '2026-06-06T07:00:00.000Z' });
		expect(personFollowUpStatus([sent, nudge], NOW, BERLIN)).toEqual({
			text: 'Sent Mon — nudge 1 due Sat',
			actions: ['send', 'edit', 'replied', 'not-now'],
			row: nudge
		});
		const last = row({ step: 2, status: 'sent', sentAt: '2026-06-02T08:00:00.000Z' });
		expect(personFollowUpStatus([sent, last], NOW, BERLIN)).toEqual({
			text: 'Sent today — no more nudges planned',
			actions: ['replied', 'not-now']
		});
	});

	it('a nudge that is due reads as due', () => {
		const sent = row({ status: 'sent', sentAt: '2026-05-20T08:00:00.000Z' });
		const nudge = row({ step: 1, dueAt: '2026-06-01T07:00:00.000Z' });
		expect(personFollowUpStatus([sent, nudge], NOW, BERLIN).text).toBe(
			'Queued (nudge 1) — due now'
		);
	});

	it('not now: until when, with the year when it is not this one', () => {
		const snoozed = row({ status: 'snoozed', dueAt: '2026-08-31T07:00:00.000Z' });
		expect(personFollowUpStatus([snoozed], NOW, BERLIN)).toMatchObject({
			text: 'Not now until 31 August',
			actions: ['replied']
		});
		const later = row({ status: 'snoozed', dueAt: '2027-03-03T08:00:00.000Z' });
		expect(personFollowUpStatus([later], '2026-12-20T10:00:00.000Z', BERLIN).text).toBe(
			'Not now until 3 March 2027'
		);
	});

	it('replied and finished offer a new follow-up', () => {
		const replied = row({ status: 'replied', sentAt: '2026-06-01T08:00:00.000Z' });
		expect(personFollowUpStatus([replied], NOW, BERLIN)).toEqual({
			text: 'Replied',
			actions: ['draft']
		});
		expect(personFollowUpStatus([row({ status: 'cancelled' })], NOW, BERLIN).text).toBe('Finished');
	});

	it('a day boundary is the event zone\u2019s midnight, not the device\u2019s', () => {
		// 23:30 UTC on Tuesday is already Wednesday 08:30 in Tokyo: "today" there.
		const queued = row({ dueAt: '2026-06-03T00:00:00.000Z' });
		expect(personFollowUpStatus([queued], '2026-06-02T23:30:00.000Z', 'Asia/Tokyo').text).toBe(
			'Queued for 9:00 today'
		);
		expect(personFollowUpStatus([queued], '2026-06-02T23:30:00.000Z', 'UTC').text).toBe(
			'Queued for Wed 0:00'
		);
		// An unknown zone falls back to the device's without throwing.
		expect(() => personFollowUpStatus([queued], NOW, 'Mars/Olympus')).not.toThrow();
	});
});
