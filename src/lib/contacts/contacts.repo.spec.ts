import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/db';
import { sessionAt } from '$lib/schedule/sessions.repo';
import {
	ContactValidationError,
	deleteContact,
	findDuplicates,
	listTags,
	mergeIntoContact,
	restoreContact,
	saveContact,
	undoMerge,
	searchContacts,
	updateContact,
	type ContactDraft
} from './contacts.repo';
import { countUnreadScans, listUnreadScans, recordScan } from '$lib/capture/scans.repo';

const ana: ContactDraft = {
	name: 'Ana Lima',
	org: 'Fábrica Digital',
	title: 'Head of Design',
	emails: ['Ana.Lima@Example.com'],
	phones: ['+55 11 91234-5678'],
	urls: ['https://fabrica.example/ana', 'javascript:alert(1)'],
	linkedin: 'https://br.linkedin.com/in/ana-lima/?utm_source=share',
	note: 'Talked about design systems at scale',
	tags: ['design', '#speaker', 'Design']
};

beforeEach(async () => {
	await db.delete();
	await db.open();
});

describe('recordScan', () => {
	it('logs every scan with its raw text, even one that cannot be read', async () => {
		const { scan, parsed } = await recordScan('J3NHHSZN2VK', 'camera', { eventId: 'e1' });
		expect(parsed.kind).toBe('unknown');
		const stored = await db.scans.get(scan.id);
		expect(stored).toMatchObject({
			raw: 'J3NHHSZN2VK',
			format: 'unknown',
			source: 'camera',
			eventId: 'e1'
		});
		expect(stored?.reason).toBeTruthy();
		expect((await listUnreadScans()).map((s) => s.id)).toEqual([scan.id]);
		expect(await countUnreadScans()).toBe(1);
	});

	it('records the format of a readable payload', async () => {
		const { scan, parsed } = await recordScan('MECARD:N:Lima,Ana;EMAIL:ana@example.com;;', 'photo');
		expect(parsed).toMatchObject({ kind: 'contact', format: 'mecard' });
		expect((await db.scans.get(scan.id))?.format).toBe('mecard');
	});
});

describe('saveContact', () => {
	it('normalises the draft: lower-case emails, http(s) links only, canonical LinkedIn, tags once', async () => {
		const saved = await saveContact(ana);
		const row = await db.contacts.get(saved.id);
		expect(row?.emails).toEqual(['ana.lima@example.com']);
		expect(row?.urls).toEqual(['https://fabrica.example/ana']);
		expect(row?.linkedin).toBe('https://www.linkedin.com/in/ana-lima');
		expect(row?.tags).toEqual(['design', 'speaker']);
		expect(row?.phoneKeys).toEqual(expect.arrayContaining(['+5511912345678', '5511912345678']));
	});

	it('links the scan it came from, so the scan leaves Unread scans', async () => {
		const { scan } = await recordScan('ID$4F2A9C$ID', 'camera');
		const saved = await saveContact(
			{ name: 'Badge person', emails: [], phones: [], urls: [] },
			{ scanId: scan.id }
		);
		expect((await db.scans.get(scan.id))?.contactId).toBe(saved.id);
		expect(await listUnreadScans()).toEqual([]);
		expect(await countUnreadScans()).toBe(0);
	});

	it('refuses a contact with nothing to identify them by, writing nothing', async () => {
		await expect(
			saveContact({ name: ' ', emails: [], phones: [], urls: [] })
		).rejects.toBeInstanceOf(ContactValidationError);
		expect(await db.contacts.count()).toBe(0);
	});

	it('keeps hostile text as text', async () => {
		const saved = await saveContact({
			name: '<img src=x onerror=alert(1)>',
			emails: [],
			phones: [],
			urls: ['data:text/html,hi']
		});
		expect((await db.contacts.get(saved.id))?.name).toBe('<img src=x onerror=alert(1)>');
		expect((await db.contacts.get(saved.id))?.urls).toEqual([]);
	});
});

describe('de-duplication and merge', () => {
	it('finds someone met before by email (any case), phone digits or LinkedIn', async () => {
		const saved = await saveContact(ana);
		for (const probe of [
			{ emails: ['ANA.LIMA@example.com'], phones: [] },
			{ emails: [], phones: ['+55 (11) 91234 5678'] },
			{ emails: [], phones: ['5511912345678'] },
			{ emails: [], phones: [], linkedin: 'linkedin.com/in/ana-lima/' }
		]) {
			expect((await findDuplicates(probe)).map((c) => c.id)).toEqual([saved.id]);
		}
		expect(await findDuplicates({ emails: ['someone@else.com'], phones: ['+1 555 0100'] })).toEqual(
			[]
		);
	});

	it('merging keeps every value from both and never overwrites what was there', async () => {
		const saved = await saveContact(ana);
		const { contact, previous } = await mergeIntoContact(saved.id, {
			name: 'Ana L.',
			org: 'Other Org',
			emails: ['ana@personal.example', 'ana.lima@example.com'],
			phones: ['+55 11 91234 5678', '+351 912 345 678'],
			urls: ['https://ana.example'],
			note: 'Met again at the party',
			tags: ['friend', 'DESIGN']
		});
		expect(previous.id).toBe(saved.id);
		expect(contact.name).toBe('Ana Lima');
		expect(contact.org).toBe('Fábrica Digital');
		expect(contact.emails).toEqual(['ana.lima@example.com', 'ana@personal.example']);
		expect(contact.phones).toEqual(['+55 11 91234-5678', '+351 912 345 678']);
		expect(contact.urls).toEqual(['https://fabrica.example/ana', 'https://ana.example/']);
		expect(contact.tags).toEqual(['design', 'speaker', 'friend']);
		expect(contact.note).toBe('Talked about design systems at scale\n\nMet again at the party');
		expect(contact.linkedin).toBe('https://www.linkedin.com/in/ana-lima');
		expect(await db.contacts.count()).toBe(1);
		// The merged data is searchable by the new words too.
		expect((await searchContacts({ text: 'party' })).map((c) => c.id)).toEqual([saved.id]);
	});
});

describe('undo a merge', () => {
	it('puts the contact back as it was and leaves the scan unread again', async () => {
		const saved = await saveContact(ana);
		const { scan } = await recordScan('MECARD:N:Lima,Ana;EMAIL:ana@new.example;;', 'camera');
		const { previous } = await mergeIntoContact(
			saved.id,
			{ name: 'Ana', emails: ['ana@new.example'], phones: [], urls: [] },
			{ scanId: scan.id }
		);
		expect((await db.scans.get(scan.id))?.contactId).toBe(saved.id);
		await undoMerge(previous, scan.id);
		expect((await db.contacts.get(saved.id))?.emails).toEqual(['ana.lima@example.com']);
		expect((await listUnreadScans()).map((s) => s.id)).toEqual([scan.id]);
		expect(await countUnreadScans()).toBe(1);
	});
});

describe('edit, delete and undo', () => {
	it('updates fields and rebuilds the search words', async () => {
		const saved = await saveContact(ana);
		await updateContact(saved.id, { ...ana, org: 'Nova Labs' });
		expect(await searchContacts({ text: 'fabrica' })).toEqual([]);
		expect((await searchContacts({ text: 'nova' })).map((c) => c.id)).toEqual([saved.id]);
	});

	it('delete leaves the scan logged (unread again) and undo restores both', async () => {
		const { scan } = await recordScan('https://hihello.me/p/abc', 'camera');
		const saved = await saveContact({ ...ana }, { scanId: scan.id });
		const deleted = await deleteContact(saved.id);
		expect(await db.contacts.count()).toBe(0);
		expect((await db.scans.get(scan.id))?.contactId).toBeUndefined();
		await restoreContact(deleted!);
		expect((await db.contacts.get(saved.id))?.name).toBe('Ana Lima');
		expect((await db.scans.get(scan.id))?.contactId).toBe(saved.id);
	});
});

describe('searchContacts', () => {
	it('matches word prefixes across fields, ignoring case and accents; every word must match', async () => {
		const a = await saveContact(ana);
		// Saved in the same millisecond the order would fall to the ids; a later save must come first.
		await new Promise((r) => setTimeout(r, 3));
		const b = await saveContact({
			name: 'José Núñez',
			org: 'Acme',
			emails: ['jose@acme.io'],
			phones: [],
			urls: [],
			tags: ['hot-lead']
		});
		expect((await searchContacts({ text: 'jose' })).map((c) => c.id)).toEqual([b.id]);
		expect((await searchContacts({ text: 'FABR' })).map((c) => c.id)).toEqual([a.id]);
		expect((await searchContacts({ text: 'design lima' })).map((c) => c.id)).toEqual([a.id]);
		expect((await searchContacts({ text: 'design acme' })).map((c) => c.id)).toEqual([]);
		expect((await searchContacts({ text: 'acme.io' })).map((c) => c.id)).toEqual([b.id]);
		expect((await searchContacts({})).map((c) => c.id)).toEqual([b.id, a.id]);
	});

	it('lists contacts saved in the same millisecond in one stable order, with or without text', async () => {
		const saved = [];
		for (const name of ['Ana One', 'Ana Two', 'Ana Three'])
			saved.push(await saveContact({ ...ana, name }));
		const at = '2026-11-21T10:00:00.000Z';
		await db.contacts.toCollection().modify({ createdAt: at });
		const all = (await searchContacts({})).map((c) => c.id);
		const byText = (await searchContacts({ text: 'ana' })).map((c) => c.id);
		expect(all).toHaveLength(3);
		expect(byText).toEqual(all);
		expect(all).toEqual(
			saved
				.map((c) => c.id)
				.sort()
				.reverse()
		);
	});

	it('gives the newest matches first when a short query matches many more than the limit', async () => {
		const rows = Array.from({ length: 60 }, (_, i) => ({
			id: `c${String(i).padStart(2, '0')}`,
			name: i % 3 ? `Maria ${i}` : `Marco ${i}`,
			emails: [],
			phones: [],
			urls: [],
			note: '',
			tags: [],
			metAt: '2026-06-02T10:00:00.000Z',
			createdAt: `2026-06-02T10:${String(i).padStart(2, '0')}:00.000Z`,
			updatedAt: '2026-06-02T10:00:00.000Z',
			words: i % 3 ? ['maria', String(i)] : ['marco', String(i)],
			phoneKeys: []
		}));
		await db.contacts.bulkAdd(rows);
		// "m" matches all 60 (over 4 × the limit): walked newest first, stopped at the limit.
		expect((await searchContacts({ text: 'm', limit: 5 })).map((c) => c.id)).toEqual([
			'c59',
			'c58',
			'c57',
			'c56',
			'c55'
		]);
		expect((await searchContacts({ text: 'mar marco', limit: 3 })).map((c) => c.id)).toEqual([
			'c57',
			'c54',
			'c51'
		]);
		// Fewer matches than that: fetched and sorted, the same order.
		expect((await searchContacts({ text: 'marco', limit: 20 })).map((c) => c.id)).toHaveLength(20);
	});

	it('filters by event, session, tag and rating', async () => {
		const a = await saveContact({ ...ana, eventId: 'e1', sessionId: 's1', rating: 'hot' });
		const b = await saveContact({
			name: 'Bo',
			emails: ['bo@x.io'],
			phones: [],
			urls: [],
			eventId: 'e2',
			tags: ['investor']
		});
		expect((await searchContacts({ eventId: 'e1' })).map((c) => c.id)).toEqual([a.id]);
		expect((await searchContacts({ sessionId: 's1' })).map((c) => c.id)).toEqual([a.id]);
		expect((await searchContacts({ tag: 'Investor' })).map((c) => c.id)).toEqual([b.id]);
		expect((await searchContacts({ rating: 'hot' })).map((c) => c.id)).toEqual([a.id]);
		expect(await listTags()).toEqual(['design', 'investor', 'speaker']);
	});
});

describe('sessionAt', () => {
	const at = (hhmm: string) => `2026-06-02T${hhmm}:00.000Z`;
	async function addSession(id: string, start: string, end: string, isBreak = false) {
		await db.sessions.add({
			id,
			eventId: 'e1',
			title: id,
			start: at(start),
			end: at(end),
			speakers: [],
			isBreak,
			createdAt: at('00:00'),
			updatedAt: at('00:00')
		});
	}

	it('picks the session in progress, else one that ended in the last 15 minutes', async () => {
		await addSession('keynote', '09:00', '10:00');
		await addSession('coffee', '10:00', '10:30', true);
		await addSession('talk', '10:30', '11:15');
		expect((await sessionAt('e1', at('09:30')))?.id).toBe('keynote');
		expect((await sessionAt('e1', at('10:10')))?.id).toBe('coffee');
		expect((await sessionAt('e1', at('11:25')))?.id).toBe('talk');
		expect(await sessionAt('e1', at('11:31'))).toBeUndefined();
		expect(await sessionAt('e2', at('09:30'))).toBeUndefined();
	});

	it('prefers a talk over a break that overlaps it', async () => {
		await addSession('lunch', '12:00', '13:30', true);
		await addSession('lunch-talk', '12:30', '13:00');
		expect((await sessionAt('e1', at('12:45')))?.id).toBe('lunch-talk');
	});
});
