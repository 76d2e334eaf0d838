import { beforeEach, describe, expect, it } from 'vitest';
import { db, type FollowUpRow } from '$lib/db';
import { openRowsDueBy } from './due.svelte';
import { followUpSections } from './plan';

function row(id: string, fields: Partial<FollowUpRow>): FollowUpRow {
	return {
		id,
		contactId: id,
		step: 0,
		channel: 'email',
		subject: '',
		body: '',
		dueAt: '2026-06-03T07:00:00.000Z',
		status: 'queued',
		createdAt: '2026-06-01T10:00:00.000Z',
		updatedAt: '2026-06-01T10:00:00.000Z',
		...fields
	};
}

beforeEach(async () => {
	await db.delete();
	await db.open();
});

describe('openRowsDueBy (the due count query)', () => {
	it('reads the open rows due by the horizon, with the other open rows of those people', async () => {
		const now = '2026-06-03T12:00:00.000Z';
		await db.followups.bulkAdd([
			row('due', { dueAt: '2026-06-03T07:00:00.000Z' }),
			row('draft-due', { status: 'draft', dueAt: '2026-06-03T11:59:00.000Z' }),
			row('later', { dueAt: '2026-06-04T07:00:00.000Z' }),
			row('awake', { status: 'snoozed', dueAt: '2026-06-02T07:00:00.000Z' }),
			row('asleep', { status: 'snoozed', dueAt: '2026-09-01T07:00:00.000Z' }),
			row('sent', { status: 'sent', dueAt: '2026-06-01T07:00:00.000Z' }),
			row('unreadable', { dueAt: 'tomorrow' }),
			// Two open rows for one person: the newer, scheduled one decides, so they are not due.
			row('old-open', { contactId: 'two', dueAt: '2026-06-02T07:00:00.000Z' }),
			row('new-open', {
				contactId: 'two',
				dueAt: '2026-06-05T07:00:00.000Z',
				createdAt: '2026-06-02T10:00:00.000Z'
			})
		]);
		const rows = await openRowsDueBy('2026-06-03T12:15:00.000Z');
		expect(rows.map((r) => r.id).sort()).toEqual(
			['awake', 'draft-due', 'due', 'new-open', 'old-open', 'unreadable'].sort()
		);
		// The same due count as from every open row.
		const all = (await db.followups.toArray()).filter((r) =>
			['draft', 'queued', 'snoozed'].includes(r.status)
		);
		expect(followUpSections(rows, now).due.length).toBe(followUpSections(all, now).due.length);
		expect(
			followUpSections(rows, now)
				.due.map((e) => e.contactId)
				.sort()
		).toEqual(['awake', 'draft-due', 'due', 'unreadable'].sort());
	});

	it('reads nothing when nothing is due', async () => {
		await db.followups.add(row('later', { dueAt: '2026-06-04T07:00:00.000Z' }));
		expect(await openRowsDueBy('2026-06-03T12:15:00.000Z')).toEqual([]);
	});
});
