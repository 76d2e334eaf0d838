import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/db';
import { saveContact } from '$lib/contacts/contacts.repo';
import { createEvent } from '$lib/events/events.repo';
import { confirmSent, startFollowUp } from '$lib/followups/outbox.repo';
import { getSetting } from '$lib/settings/settings.repo';
import { addSession } from '$lib/schedule/sessions.repo';
import { celebrationsDue, computeProgress } from './progress';
import { readProgress, rememberCelebrated } from './progress.repo';

beforeEach(async () => {
	await db.delete();
	await db.open();
});

const MET = '2026-06-02T10:00:00.000Z';

async function person(name: string, eventId: string, sessionId?: string) {
	return saveContact({
		name,
		emails: [`${name.toLowerCase().replace(' ', '.')}@example.org`],
		phones: [],
		urls: [],
		note: '',
		eventId,
		metAt: MET,
		...(sessionId ? { sessionId } : {})
	});
}

describe('the progress reader', () => {
	it('reads one event’s contacts, their follow-ups and sessions, and nothing of other events', async () => {
		const event = await createEvent({
			name: 'JSConf EU',
			startDate: '2026-06-02',
			endDate: '2026-06-03',
			timeZone: 'Europe/Berlin',
			goals: { peopleToMeet: 2, followUpWithinHours: 72 }
		});
		const other = await createEvent({
			name: 'Elsewhere',
			startDate: '2026-06-02',
			endDate: '2026-06-02',
			timeZone: 'Europe/Berlin'
		});
		const session = await addSession(event.id, {
			title: 'Offline first',
			start: '2026-06-02T09:30:00.000Z',
			end: '2026-06-02T10:30:00.000Z',
			speakers: []
		});
		const ana = await person('Ana Lima', event.id, session.id);
		await person('Bo Chen', event.id);
		await person('Cy Dodd', other.id);
		const draft = await startFollowUp(ana.id, MET);
		await confirmSent(draft!.id, '2026-06-02T18:00:00.000Z', '2026-06-02T18:00:00.000Z');

		const rows = await readProgress(event.id);
		expect(rows.contacts.map((c) => c.name).sort()).toEqual(['Ana Lima', 'Bo Chen']);
		expect(rows.sessions.map((s) => s.title)).toEqual(['Offline first']);
		expect(rows.celebrated).toEqual([]);
		const progress = computeProgress({ event, ...rows, now: '2026-06-02T19:00:00.000Z' });
		expect(progress.metToday).toBe(2);
		expect(progress.sessionsToday).toEqual([
			{ sessionId: session.id, title: 'Offline first', count: 1 }
		]);
		expect(progress.sent).toEqual({ first: 1, later: 0 });
		expect(progress.peopleGoalReached).toBe(true);

		// Once remembered, the celebration is not due again, even after reading afresh.
		const due = celebrationsDue(event.id, progress, rows.celebrated);
		expect(due.map((c) => c.kind)).toEqual(['people']);
		await rememberCelebrated(due.map((c) => c.key));
		await rememberCelebrated(due.map((c) => c.key));
		const again = await readProgress(event.id);
		expect(again.celebrated).toEqual([`${event.id}:people:2`]);
		expect(celebrationsDue(event.id, progress, again.celebrated)).toEqual([]);
		expect(await getSetting('celebratedGoals')).toEqual([`${event.id}:people:2`]);
	});
});
