import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '$lib/db';
import {
	deleteContact,
	saveContact,
	updateContact,
	type ContactDraft
} from '$lib/contacts/contacts.repo';
import { createEvent } from '$lib/events/events.repo';
import { setSetting } from '$lib/settings/settings.repo';
import { parseBackup, serialiseBackup } from './backup';
import { backupStatus, markBackedUp, readForBackup, restoreBackup } from './backup.repo';
import { leaveUncounted } from './changes';
import { deleteEverything } from './delete.repo';

vi.setConfig({ testTimeout: 60_000 });

const draft = (fields: Partial<ContactDraft> & { name: string }): ContactDraft => ({
	emails: [],
	phones: [],
	urls: [],
	...fields
});

beforeEach(async () => {
	await db.delete();
	await db.open();
});

const changes = async () => (await backupStatus()).changes;

async function backUp() {
	const { rows, covered } = await readForBackup();
	const text = serialiseBackup(rows, {
		exportedAt: '2026-06-02T18:00:00.000Z',
		appVersion: 'test'
	});
	await markBackedUp(covered, '2026-06-02T18:00:00.000Z');
	return text;
}

describe('changes since the last backup', () => {
	it('counts adds, updates and deletes, each row once', async () => {
		expect(await backupStatus()).toEqual({ changes: 0, lastBackupAt: undefined });
		const ana = await saveContact(draft({ name: 'Ana Lima', emails: ['ana@x.example'] }));
		const bo = await saveContact(draft({ name: 'Bo Chen', emails: ['bo@x.example'] }));
		expect(await changes()).toBe(2);
		await backUp();
		expect(await backupStatus()).toEqual({
			changes: 0,
			lastBackupAt: '2026-06-02T18:00:00.000Z'
		});

		await updateContact(ana.id, draft({ name: 'Ana Lima', note: 'met at the keynote' }));
		await updateContact(ana.id, draft({ name: 'Ana Lima', note: 'met at the keynote, twice' }));
		expect(await changes()).toBe(1);
		await deleteContact(bo.id);
		expect(await changes()).toBe(2);
		await setSetting('myName', 'Rosa');
		expect(await changes()).toBe(3);
		// Modify through a collection (a put without keys) counts too.
		await db.contacts.where('id').equals(ana.id).modify({ rating: 'hot' });
		expect(await changes()).toBe(3);
		await db.scans.add({
			id: 's1',
			raw: 'x',
			format: 'unknown',
			source: 'manual',
			scannedAt: '2026-06-02T09:00:00.000Z'
		});
		expect(await changes()).toBe(4);
	});

	it('counts deletes only of rows that were there, and clears of whole tables', async () => {
		await db.contacts.delete('not-there');
		expect(await changes()).toBe(0);
		await db.prompts.bulkAdd([
			{ id: 'p1', kind: 'own', text: 'a', createdAt: '2026-06-02T09:00:00.000Z' },
			{ id: 'p2', kind: 'own', text: 'b', createdAt: '2026-06-02T09:00:00.000Z' }
		]);
		await backUp();
		await db.prompts.clear();
		expect(await changes()).toBe(2);
	});

	it('never counts a write that was rolled back', async () => {
		await expect(
			db.transaction('rw', [db.contacts, db.scans], async () => {
				await saveContact(draft({ name: 'Ana Lima', emails: ['ana@x.example'] }));
				throw new Error('changed my mind');
			})
		).rejects.toThrow('changed my mind');
		expect(await db.contacts.count()).toBe(0);
		expect(await changes()).toBe(0);
	});

	it('does not count the backup time itself', async () => {
		await setSetting('lastBackupAt', '2026-06-01T00:00:00.000Z');
		expect(await changes()).toBe(0);
	});

	it('keeps a change made while the backup was being written', async () => {
		const ana = await saveContact(draft({ name: 'Ana Lima', emails: ['ana@x.example'] }));
		const { covered } = await readForBackup();
		await updateContact(ana.id, draft({ name: 'Ana Lima', note: 'after the read' }));
		await markBackedUp(covered, '2026-06-02T18:00:00.000Z');
		expect(await changes()).toBe(1);
	});

	it('skips counting only in a transaction left uncounted (as a restore does)', async () => {
		const writeIn = (quiet: boolean, id: string) =>
			db.transaction('rw', db.prompts, async (tx) => {
				if (quiet) leaveUncounted(tx.idbtrans);
				await db.prompts.put({ id, kind: 'own', text: 'Hi', createdAt: '2026-06-02T09:00:00Z' });
			});
		await writeIn(true, 'quiet');
		expect(await changes()).toBe(0);
		await writeIn(false, 'loud');
		expect(await changes()).toBe(1);
	});

	it('is reset by a restore, for the rows it restored', async () => {
		await createEvent({
			name: 'Count Conf',
			startDate: '2026-06-02',
			endDate: '2026-06-02',
			timeZone: 'UTC'
		});
		await saveContact(draft({ name: 'Ana Lima', emails: ['ana@x.example'] }));
		const text = await backUp();
		await deleteEverything();
		expect(await backupStatus()).toEqual({ changes: 0, lastBackupAt: undefined });
		await saveContact(draft({ name: 'Not in the file', emails: ['n@x.example'] }));
		const parsed = parseBackup(text);
		if (!parsed.ok) throw new Error(parsed.message);
		await restoreBackup(parsed.backup);
		// The restored rows are the baseline; the one person the file doesn't hold still counts.
		expect(await backupStatus()).toEqual({
			changes: 1,
			lastBackupAt: '2026-06-02T18:00:00.000Z'
		});
	});
});
