import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/db';
import { saveContact } from '$lib/contacts/contacts.repo';
import { createEvent } from '$lib/events/events.repo';
import { OPEN_STATUS_LIST } from './open';
import { listFollowUpRows, markNotNow, startFollowUp } from './outbox.repo';
import { OPEN_STATUSES } from './plan';
import { wakeSnoozed } from './wake';

const MET = '2026-06-02T10:00:00.000Z';

beforeEach(async () => {
	await db.delete();
	await db.open();
});

describe('waking snoozed follow-ups on open', () => {
	it('lists the same open statuses as the planner', () => {
		expect([...OPEN_STATUS_LIST]).toEqual([...OPEN_STATUSES]);
	});

	it('does nothing until a snoozed follow-up is due, then wakes it as a check-in', async () => {
		const event = await createEvent({
			name: 'JSConf EU',
			startDate: '2026-06-02',
			endDate: '2026-06-03',
			timeZone: 'Europe/Berlin'
		});
		const contact = await saveContact({
			name: 'Ana Lima',
			emails: ['ana@fabrica.example'],
			phones: [],
			urls: [],
			eventId: event.id,
			metAt: MET
		});
		expect(await wakeSnoozed(MET)).toBe(0);
		await startFollowUp(contact.id, MET);
		await markNotNow(contact.id, MET);
		expect(await wakeSnoozed('2026-08-01T00:00:00.000Z')).toBe(0);
		expect((await listFollowUpRows())[0]?.status).toBe('snoozed');
		expect(await wakeSnoozed('2026-08-31T08:00:00.000Z')).toBe(1);
		expect((await listFollowUpRows())[0]).toMatchObject({ status: 'queued', kind: 'check-in' });
	});
});
