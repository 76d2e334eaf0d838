import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/db';
import { saveContact } from '$lib/contacts/contacts.repo';
import { createEvent } from '$lib/events/events.repo';
import { setSetting } from '$lib/settings/settings.repo';
import { claimDueNotification } from './notify.repo';
import { followUpSections } from './plan';
import {
	confirmSent,
	discardDraft,
	firstFollowUpGoal,
	listFollowUpRows,
	markNotNow,
	markReplied,
	queueDraft,
	renderFirstMessage,
	restoreFollowUps,
	startFollowUp,
	wakeDue
} from './outbox.repo';

const MET = '2026-06-02T10:00:00.000Z';

async function setUp() {
	const event = await createEvent({
		name: 'JSConf EU',
		startDate: '2026-06-02',
		endDate: '2026-06-03',
		timeZone: 'Europe/Berlin'
	});
	const contact = await saveContact({
		name: 'Ana Lima',
		org: 'Fábrica',
		emails: ['ana@fabrica.example'],
		phones: [],
		urls: [],
		note: 'offline sync for field teams',
		eventId: event.id,
		metAt: MET
	});
	await setSetting('myName', 'Sam');
	return { event, contact };
}

beforeEach(async () => {
	await db.delete();
	await db.open();
});

describe('the outbox', () => {
	it('uses the rhythm from Settings for the next nudge', async () => {
		const { contact } = await setUp();
		await setSetting('followUpCadence', { nudge1AfterDays: 2, nudge2AfterDays: 7, snoozeDays: 90 });
		const draft = await startFollowUp(contact.id, MET);
		await queueDraft(draft!.id, draft!.dueAt, MET);
		const sentAt = '2026-06-03T08:00:00.000Z';
		await confirmSent(draft!.id, sentAt, sentAt);
		const rows = await listFollowUpRows();
		// Sent on 3 June: two days later, at 09:00 in Berlin.
		expect(rows.find((r) => r.step === 1)?.dueAt).toBe('2026-06-05T07:00:00.000Z');
	});

	it('drafts from the template, queues, falls due, and sending schedules nudge 1', async () => {
		const { contact } = await setUp();
		const draft = await startFollowUp(contact.id, MET);
		expect(draft?.status).toBe('draft');
		expect(draft?.channel).toBe('email');
		expect(draft?.dueAt).toBe('2026-06-03T07:00:00.000Z');
		expect(draft?.subject).toBe('Great to meet you at JSConf EU');
		expect(draft?.body).toContain('Hi Ana,');
		expect(draft?.body).toContain('Best,\nSam');
		expect(draft?.body).not.toMatch(/undefined|\{|\}| {2}/);
		// Opening it again reuses the same draft.
		expect((await startFollowUp(contact.id, MET))?.id).toBe(draft!.id);

		await queueDraft(draft!.id, draft!.dueAt, MET);
		let rows = await listFollowUpRows();
		expect(followUpSections(rows, MET).scheduled).toHaveLength(1);
		expect(followUpSections(rows, '2026-06-03T07:00:00.000Z').due).toHaveLength(1);

		const sentAt = '2026-06-03T08:00:00.000Z';
		const snapshot = await confirmSent(draft!.id, sentAt, sentAt);
		rows = await listFollowUpRows();
		expect(rows.find((r) => r.id === draft!.id)?.status).toBe('sent');
		const nudge = rows.find((r) => r.step === 1);
		expect(nudge?.status).toBe('queued');
		expect(nudge?.dueAt).toBe('2026-06-08T07:00:00.000Z');
		expect(nudge?.subject).toBe('Following up from JSConf EU');
		expect(followUpSections(rows, sentAt).waiting).toHaveLength(1);

		await restoreFollowUps(snapshot);
		rows = await listFollowUpRows();
		expect(rows).toHaveLength(1);
		expect(rows[0]?.status).toBe('queued');
	});

	it('"Replied" ends the cadence', async () => {
		const { contact } = await setUp();
		const draft = await startFollowUp(contact.id, MET);
		await confirmSent(draft!.id, MET, MET);
		await markReplied(contact.id, '2026-06-04T10:00:00.000Z');
		const rows = await listFollowUpRows();
		expect(rows.map((r) => r.status).sort()).toEqual(['cancelled', 'replied']);
		expect(followUpSections(rows, '2026-07-01T00:00:00.000Z').done).toHaveLength(1);
	});

	it('"Not now" snoozes for 90 days, then it wakes as a check-in', async () => {
		const { contact } = await setUp();
		const draft = await startFollowUp(contact.id, MET);
		await markNotNow(contact.id, MET);
		let rows = await listFollowUpRows();
		expect(rows[0]?.status).toBe('snoozed');
		expect(rows[0]?.dueAt).toBe('2026-08-31T07:00:00.000Z');
		expect(followUpSections(rows, MET).snoozed).toHaveLength(1);

		expect(await wakeDue('2026-08-01T00:00:00.000Z')).toBe(0);
		expect(await wakeDue('2026-08-31T08:00:00.000Z')).toBe(1);
		rows = await listFollowUpRows();
		expect(rows[0]).toMatchObject({ id: draft!.id, status: 'queued', kind: 'check-in' });
		expect(rows[0]?.subject).toBe('Checking back in');
	});

	it('discards a draft, but never a queued row', async () => {
		const { contact } = await setUp();
		const draft = await startFollowUp(contact.id, MET);
		await discardDraft(draft!.id);
		expect(await db.followups.count()).toBe(0);
		const again = await startFollowUp(contact.id, MET);
		await queueDraft(again!.id, again!.dueAt, MET);
		await discardDraft(again!.id);
		expect(await db.followups.count()).toBe(1);
	});

	it('counts the 72-hour goal from first messages sent in time', async () => {
		const { event, contact } = await setUp();
		const late = await saveContact({
			name: 'Bo Chen',
			emails: [],
			phones: ['+49 151 1234'],
			urls: [],
			note: '',
			eventId: event.id,
			metAt: MET
		});
		expect(await firstFollowUpGoal(event.id, 72)).toEqual({ people: 2, followedUp: 0 });
		const first = await startFollowUp(contact.id, MET);
		expect((await startFollowUp(late.id, MET))?.channel).toBe('sms');
		await confirmSent(first!.id, '2026-06-04T09:00:00.000Z', '2026-06-04T09:00:00.000Z');
		const lateRow = (await db.followups.where('contactId').equals(late.id).toArray())[0]!;
		await confirmSent(lateRow.id, '2026-06-06T09:00:00.000Z', '2026-06-06T09:00:00.000Z');
		expect(await firstFollowUpGoal(event.id, 72)).toEqual({ people: 2, followedUp: 1 });
	});
});

describe('the outbox with the user\u2019s templates', () => {
	it('drafts, nudges and checks in with the edited templates', async () => {
		const { contact } = await setUp();
		await setSetting('followUpTemplates', {
			edited: {
				'first-great-to-meet': { subject: 'Lovely to meet you', body: 'Hi {firstName}, coffee?' },
				'nudge-1': { subject: 'Coffee still?', body: 'Hi {firstName}, still up for coffee?' },
				'check-in': { subject: 'Back again', body: 'Hi {firstName}, how are things?' }
			},
			own: [{ id: 'own-x', label: 'Mine', subject: 'Mine[ at {event}]', body: 'Mine {firstName}' }]
		});
		const draft = await startFollowUp(contact.id, MET);
		expect(draft).toMatchObject({ subject: 'Lovely to meet you', body: 'Hi Ana, coffee?' });
		expect(await renderFirstMessage(contact.id, 'own-x', MET)).toEqual({
			subject: 'Mine at JSConf EU',
			body: 'Mine Ana'
		});
		await confirmSent(draft!.id, MET, MET);
		let rows = await listFollowUpRows();
		expect(rows.find((r) => r.step === 1)).toMatchObject({
			subject: 'Coffee still?',
			body: 'Hi Ana, still up for coffee?'
		});
		await markNotNow(contact.id, MET);
		await wakeDue('2027-01-01T00:00:00.000Z');
		rows = await listFollowUpRows();
		expect(rows.find((r) => r.kind === 'check-in')?.subject).toBe('Back again');
	});

	it('falls back to the defaults when the stored templates are damaged', async () => {
		const { contact } = await setUp();
		await setSetting('followUpTemplates', {
			edited: { 'first-great-to-meet': { subject: '{oops', body: 'x' } },
			own: []
		});
		expect((await startFollowUp(contact.id, MET))?.subject).toBe('Great to meet you at JSConf EU');
	});
});

describe('the due notification bookkeeping', () => {
	it('claims a due set once, and again only when something new falls due', async () => {
		const { contact } = await setUp();
		const draft = await startFollowUp(contact.id, MET);
		await queueDraft(draft!.id, draft!.dueAt, MET);
		expect((await claimDueNotification(MET)).show).toBe(false);
		const due = '2026-06-03T08:00:00.000Z';
		expect(await claimDueNotification(due)).toMatchObject({
			show: true,
			title: '1 follow-up is due',
			body: 'Ana Lima: open Hallway to send.'
		});
		expect((await claimDueNotification(due)).show).toBe(false);
		await confirmSent(draft!.id, due, due);
		expect((await claimDueNotification(due)).show).toBe(false);
		// Nudge 1 falls due five days later: that is a new due set.
		expect((await claimDueNotification('2026-06-08T08:00:00.000Z')).show).toBe(true);
	});
});
