import { describe, expect, it } from 'vitest';
import type { FollowUpPlanRow } from '$lib/followups/plan';
import {
	celebrationKey,
	celebrationsDue,
	chartDays,
	computeProgress,
	eventDays,
	MAX_CHART_DAYS,
	streakOf,
	type ProgressContact,
	type ProgressEvent,
	type ProgressInput
} from './progress';

/** A three-day event in New York (UTC−4 in June): local evenings are the next day in UTC. */
const EVENT: ProgressEvent = {
	id: 'ev1',
	startDate: '2026-06-02',
	endDate: '2026-06-04',
	timeZone: 'America/New_York',
	goals: { peopleToMeet: 3, followUpWithinHours: 72 }
};

let nextId = 0;
function contact(metAt: string, sessionId?: string): ProgressContact {
	return { id: `c${++nextId}`, metAt, ...(sessionId ? { sessionId } : {}) };
}

function row(
	contactId: string,
	fields: Partial<FollowUpPlanRow> & Pick<FollowUpPlanRow, 'status'>
): FollowUpPlanRow {
	return {
		id: `f${++nextId}`,
		contactId,
		step: 0,
		channel: 'email',
		subject: 'Hi',
		body: 'Hello',
		dueAt: '2026-06-03T13:00:00.000Z',
		createdAt: '2026-06-02T14:00:00.000Z',
		updatedAt: '2026-06-02T14:00:00.000Z',
		...fields
	};
}

function progress(partial: Partial<ProgressInput> & Pick<ProgressInput, 'now'>) {
	return computeProgress({ event: EVENT, contacts: [], followups: [], sessions: [], ...partial });
}

describe('people met per day, in the event’s zone', () => {
	it('counts a contact at 23:30 local for that local day, not the UTC one', () => {
		// 23:30 on 2 June in New York is 03:30 on 3 June in UTC.
		const late = contact('2026-06-03T03:30:00.000Z');
		const onThe2nd = progress({ contacts: [late], now: '2026-06-03T03:45:00.000Z' });
		expect(onThe2nd.today).toBe('2026-06-02');
		expect(onThe2nd.metToday).toBe(1);
		expect(onThe2nd.days.find((d) => d.date === '2026-06-02')?.count).toBe(1);
		expect(onThe2nd.days.find((d) => d.date === '2026-06-03')?.count).toBe(0);
		// The next local morning, that person is yesterday's.
		const nextMorning = progress({ contacts: [late], now: '2026-06-03T13:00:00.000Z' });
		expect(nextMorning.today).toBe('2026-06-03');
		expect(nextMorning.metToday).toBe(0);
		expect(nextMorning.metTotal).toBe(1);
	});

	it('keeps the small hours with the evening before (the party counts for its own day)', () => {
		// 01:30 on 3 June in New York.
		const party = contact('2026-06-03T05:30:00.000Z');
		const p = progress({ contacts: [party], now: '2026-06-03T05:45:00.000Z' });
		expect(p.today).toBe('2026-06-02');
		expect(p.metToday).toBe(1);
	});

	it('a contact with an unreadable time counts in the total but on no day', () => {
		const p = progress({ contacts: [contact('yesterday-ish')], now: '2026-06-02T14:00:00.000Z' });
		expect(p.metTotal).toBe(1);
		expect(p.metToday).toBe(0);
		expect(p.days.map((d) => d.count)).toEqual([0, 0, 0]);
	});
});

describe('people met per session today', () => {
	const sessions = [
		{ id: 's1', title: 'Keynote: Offline First' },
		{ id: 's2', title: 'Service workers in anger' },
		{ id: 's3', title: 'Dexie deep dive' },
		{ id: 's4', title: 'Lunch' }
	];

	it('lists the top sessions by people met today, titles as given, ties by title', () => {
		const now = '2026-06-02T20:00:00.000Z';
		const contacts = [
			contact('2026-06-02T13:10:00.000Z', 's2'),
			contact('2026-06-02T13:20:00.000Z', 's2'),
			contact('2026-06-02T14:10:00.000Z', 's1'),
			contact('2026-06-02T15:10:00.000Z', 's3'),
			contact('2026-06-02T16:10:00.000Z', 's4'),
			contact('2026-06-02T17:10:00.000Z'),
			// Yesterday's session contact does not count today.
			contact('2026-06-01T14:10:00.000Z', 's4'),
			// A session that was deleted since: met "elsewhere".
			contact('2026-06-02T18:10:00.000Z', 'gone')
		];
		const p = progress({ contacts, sessions, now });
		expect(p.sessionsToday).toEqual([
			{ sessionId: 's2', title: 'Service workers in anger', count: 2 },
			{ sessionId: 's3', title: 'Dexie deep dive', count: 1 },
			{ sessionId: 's1', title: 'Keynote: Offline First', count: 1 }
		]);
		expect(p.metTodayElsewhere).toBe(2);
		expect(p.metToday).toBe(7);
	});
});

describe('follow-ups sent and replied', () => {
	it('counts first messages and later ones with sentAt, and people who replied once each', () => {
		const [ana, bo, cy] = [
			contact('2026-06-02T14:00:00.000Z'),
			contact('2026-06-02T15:00:00.000Z'),
			contact('2026-06-02T16:00:00.000Z')
		];
		const followups = [
			// Ana: first sent, nudge 1 sent and replied to.
			row(ana.id, { status: 'sent', sentAt: '2026-06-03T13:00:00.000Z' }),
			row(ana.id, { step: 1, status: 'replied', sentAt: '2026-06-08T13:00:00.000Z' }),
			// Bo: first message replied to, nudge cancelled.
			row(bo.id, { status: 'replied', sentAt: '2026-06-03T13:05:00.000Z' }),
			row(bo.id, { step: 1, status: 'cancelled' }),
			// Cy: still a draft, and a check-in that went out.
			row(cy.id, { status: 'draft' }),
			row(cy.id, { step: 1, kind: 'check-in', status: 'sent', sentAt: '2026-09-01T13:00:00Z' }),
			// Someone else's row is ignored.
			row('stranger', { status: 'replied', sentAt: '2026-06-03T13:00:00.000Z' })
		];
		const p = progress({
			contacts: [ana, bo, cy],
			followups,
			now: '2026-06-09T13:00:00.000Z'
		});
		expect(p.sent).toEqual({ first: 2, later: 2 });
		expect(p.replied).toBe(2);
	});

	it('the follow-up goal counts first messages sent within the event’s hours of meeting', () => {
		const [ana, bo] = [contact('2026-06-02T14:00:00.000Z'), contact('2026-06-02T15:00:00.000Z')];
		const followups = [
			row(ana.id, { status: 'sent', sentAt: '2026-06-05T13:59:00.000Z' }),
			// 73 hours later: too late for 72 hours.
			row(bo.id, { status: 'sent', sentAt: '2026-06-05T16:00:00.000Z' })
		];
		const p = progress({ contacts: [ana, bo], followups, now: '2026-06-06T13:00:00.000Z' });
		expect(p.followUpGoal).toEqual({
			withinHours: 72,
			people: 2,
			followedUp: 1,
			target: 3,
			reached: false
		});
	});
});

describe('goals', () => {
	const met = (n: number) =>
		Array.from({ length: n }, (_, i) => contact(`2026-06-02T1${i}:00:00.000Z`));

	it('the people goal is reached at the goal and stays reached past it', () => {
		const now = '2026-06-02T22:00:00.000Z';
		expect(progress({ contacts: met(2), now }).peopleGoalReached).toBe(false);
		expect(progress({ contacts: met(3), now }).peopleGoalReached).toBe(true);
		expect(progress({ contacts: met(5), now }).peopleGoalReached).toBe(true);
	});

	it('a goal of 0 people means no goal: never reached, nothing to celebrate', () => {
		const event = { ...EVENT, goals: { peopleToMeet: 0, followUpWithinHours: 72 } };
		const p = computeProgress({
			event,
			contacts: met(4),
			followups: [],
			sessions: [],
			now: '2026-06-02T22:00:00.000Z'
		});
		expect(p.peopleGoal).toBe(0);
		expect(p.peopleGoalReached).toBe(false);
		expect(p.followUpGoal.reached).toBe(false);
		expect(celebrationsDue(event.id, p, [])).toEqual([]);
	});

	it('the follow-up goal is reached when as many people as the goal heard in time', () => {
		const contacts = met(3);
		const followups = contacts.map((c) =>
			row(c.id, { status: 'sent', sentAt: '2026-06-03T13:00:00.000Z' })
		);
		const p = progress({ contacts, followups, now: '2026-06-03T14:00:00.000Z' });
		expect(p.followUpGoal.followedUp).toBe(3);
		expect(p.followUpGoal.reached).toBe(true);
	});
});

describe('streaks across event days', () => {
	const event = { startDate: '2026-06-01', endDate: '2026-06-05' };

	it('counts consecutive active event days up to today', () => {
		const active = new Set(['2026-06-01', '2026-06-02', '2026-06-03']);
		expect(streakOf(event, active, '2026-06-03')).toBe(3);
	});

	it('a gap breaks the streak', () => {
		const active = new Set(['2026-06-01', '2026-06-03', '2026-06-04']);
		expect(streakOf(event, active, '2026-06-04')).toBe(2);
	});

	it('a quiet morning today does not break it; a quiet yesterday does', () => {
		const active = new Set(['2026-06-01', '2026-06-02']);
		expect(streakOf(event, active, '2026-06-03')).toBe(2);
		expect(streakOf(event, active, '2026-06-04')).toBe(0);
	});

	it('days outside the event neither add nor break; after the event the run to its last day stays', () => {
		const active = new Set(['2026-05-31', '2026-06-04', '2026-06-05', '2026-06-06']);
		expect(streakOf(event, active, '2026-06-09')).toBe(2);
		expect(streakOf(event, new Set(['2026-05-31']), '2026-06-01')).toBe(0);
		// Before the event starts there is no streak at all.
		expect(streakOf(event, new Set(['2026-05-30', '2026-05-31']), '2026-05-31')).toBe(0);
	});

	it('sending a follow-up keeps a day in the streak, in the event’s zone', () => {
		const day1 = contact('2026-06-02T14:00:00.000Z');
		const followups = [
			// 22:00 on 3 June in New York, 02:00 on the 4th in UTC.
			row(day1.id, { status: 'sent', sentAt: '2026-06-04T02:00:00.000Z' })
		];
		const p = progress({ contacts: [day1], followups, now: '2026-06-04T14:00:00.000Z' });
		expect(p.streak).toBe(2);
	});
});

describe('chart data', () => {
	it('has one bar per event day, today marked, plus days around it with someone met', () => {
		const contacts = [
			contact('2026-06-01T22:00:00.000Z'), // the evening before, 18:00 local on 1 June
			contact('2026-06-02T14:00:00.000Z'),
			contact('2026-06-02T16:00:00.000Z'),
			contact('2026-06-04T14:00:00.000Z'),
			contact('2026-06-07T14:00:00.000Z') // a few days after
		];
		const p = progress({ contacts, now: '2026-06-04T15:00:00.000Z' });
		expect(p.days).toEqual([
			{ date: '2026-06-01', count: 1, inEvent: false, isToday: false },
			{ date: '2026-06-02', count: 2, inEvent: true, isToday: false },
			{ date: '2026-06-03', count: 0, inEvent: true, isToday: false },
			{ date: '2026-06-04', count: 1, inEvent: true, isToday: true },
			{ date: '2026-06-07', count: 1, inEvent: false, isToday: false }
		]);
	});

	it('a long event keeps only days with someone met, and today', () => {
		const event = { startDate: '2026-01-01', endDate: '2026-03-31' };
		expect(eventDays(event)).toHaveLength(90);
		const perDay = new Map([
			['2026-01-10', 2],
			['2026-02-01', 1]
		]);
		const days = chartDays(event, perDay, '2026-02-05');
		expect(days.length).toBeLessThanOrEqual(MAX_CHART_DAYS);
		expect(days.map((d) => d.date)).toEqual(['2026-01-10', '2026-02-01', '2026-02-05']);
	});

	it('impossible dates give no days rather than a long loop', () => {
		expect(eventDays({ startDate: '2026-06-05', endDate: '2026-06-01' })).toEqual([]);
		expect(eventDays({ startDate: 'soon', endDate: '2026-06-01' })).toEqual([]);
	});
});

describe('celebrating once', () => {
	const reached = {
		peopleGoal: 10,
		peopleGoalReached: true,
		followUpGoal: { withinHours: 72, people: 12, followedUp: 10, target: 10, reached: true }
	};

	it('each reached goal is due once, with a warm message, until it has been seen', () => {
		const due = celebrationsDue('ev1', reached, []);
		expect(due.map((c) => c.message)).toEqual([
			'You met your 10 people — nice work.',
			"You followed up with 10 people within 72 hours. That's the part most people skip — well done."
		]);
		for (const c of due) expect(c.message).not.toMatch(/!/);
		const seen = due.map((c) => c.key);
		expect(celebrationsDue('ev1', reached, seen)).toEqual([]);
		// Seeing one leaves the other due.
		expect(celebrationsDue('ev1', reached, [seen[0]!]).map((c) => c.kind)).toEqual(['follow-up']);
	});

	it('is remembered per event and per goal: another event or a raised goal celebrates anew', () => {
		const seen = [celebrationKey('ev1', 'people', 10)];
		expect(celebrationsDue('ev2', reached, seen).map((c) => c.kind)).toContain('people');
		const raised = { ...reached, peopleGoal: 12 };
		expect(celebrationsDue('ev1', raised, seen)[0]?.message).toBe(
			'You met your 12 people — nice work.'
		);
	});

	it('nothing is due before a goal is reached', () => {
		const early = {
			peopleGoal: 10,
			peopleGoalReached: false,
			followUpGoal: { withinHours: 72, people: 3, followedUp: 3, target: 10, reached: false }
		};
		expect(celebrationsDue('ev1', early, [])).toEqual([]);
	});
});
