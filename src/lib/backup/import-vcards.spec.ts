import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveContact } from '$lib/contacts/contacts.repo';
import { listUnreadScans } from '$lib/capture/scans.repo';
import { db } from '$lib/db';
import { readVCardFile, splitVCardBlocks } from './import-vcards';
import { applyVCardImport, previewVCardImport, VCardImportError } from './import-vcards.repo';

const card = (lines: string[]) =>
	['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n');

const file = [
	card(['FN:Ana Lima', 'EMAIL:ana@example.com', 'ORG:Fábrica']),
	card(['FN:Bo Chen', 'TEL:+44 20 7946 0958']),
	card(['FN:Cy Diaz', 'EMAIL:CY@Example.com', 'TITLE:CTO', 'NOTE:Met at the booth']),
	card(['PHOTO;ENCODING=b;TYPE=JPEG:AAAA']),
	card(['FN:Bo Chen', 'TEL:+442079460958', 'EMAIL:bo@example.com'])
].join('\r\n');

beforeEach(async () => {
	await db.delete();
	await db.open();
});

describe('reading a .vcf file', () => {
	it('cuts it into cards, whatever the line ends, keeping a truncated last card', () => {
		const text =
			'\uFEFFjunk\nbegin:vcard\nFN:A\nend:vcard\rBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\nBEGIN:VCARD\nFN:C';
		expect(splitVCardBlocks(text)).toEqual([
			'begin:vcard\r\nFN:A\r\nend:vcard',
			'BEGIN:VCARD\r\nFN:B\r\nEND:VCARD',
			'BEGIN:VCARD\r\nFN:C'
		]);
	});

	it('reads the fixtures the scanner reads, several cards per file', () => {
		const two = readFileSync('tests/fixtures/payloads/vcard-two-cards.vcf', 'utf8');
		const result = readVCardFile(two);
		expect(result.ok && result.entries.length).toBe(2);
	});

	it('refuses a file that is not a contacts file, with a reason', () => {
		expect(readVCardFile('')).toMatchObject({ ok: false, reason: 'This file is empty.' });
		expect(readVCardFile('Name,Email\nAna,ana@example.com')).toMatchObject({
			ok: false,
			reason: expect.stringContaining('no contact cards') as unknown
		});
		expect(readVCardFile('\u0000\u0001PNG')).toMatchObject({ ok: false });
	});
});

describe('importing a .vcf file', () => {
	it('previews new, already saved, repeated and unreadable cards', async () => {
		await saveContact({ name: 'Cy D.', emails: ['cy@example.com'], phones: [], urls: [] });
		const preview = await previewVCardImport(file);
		expect(preview).toMatchObject({ added: 2, existing: 1, repeats: 1 });
		expect(preview.unreadable).toEqual([
			{ index: 4, reason: 'This contact card has no readable details.' }
		]);
		expect(await db.contacts.count()).toBe(1);
		expect(await db.scans.count()).toBe(0);
	});

	it('saves the new, fills in the known without overwriting, logs every card; twice adds nothing', async () => {
		const cy = await saveContact({
			name: 'Cy D.',
			title: 'Founder',
			emails: ['cy@example.com'],
			phones: [],
			urls: [],
			note: 'Old note'
		});
		const preview = await previewVCardImport(file);
		const first = await applyVCardImport(preview.entries, { eventId: 'e1' });
		expect(first).toEqual({ added: 2, merged: 2, unread: 1 });

		const rows = await db.contacts.toArray();
		expect(rows.map((r) => r.name).sort()).toEqual(['Ana Lima', 'Bo Chen', 'Cy D.']);
		const bo = rows.find((r) => r.name === 'Bo Chen');
		expect(bo).toMatchObject({ eventId: 'e1', emails: ['bo@example.com'] });
		expect(bo?.phones).toEqual(['+44 20 7946 0958']);
		const merged = rows.find((r) => r.id === cy.id);
		expect(merged).toMatchObject({ title: 'Founder', note: 'Old note\n\nMet at the booth' });

		const scans = await db.scans.toArray();
		expect(scans).toHaveLength(5);
		expect(scans.every((s) => s.source === 'import' && s.raw.startsWith('BEGIN:VCARD'))).toBe(true);
		expect((await listUnreadScans()).map((s) => s.raw)).toEqual([
			card(['PHOTO;ENCODING=b;TYPE=JPEG:AAAA'])
		]);

		const again = await previewVCardImport(file);
		expect(again).toMatchObject({ added: 0, existing: 4, repeats: 0 });
		const before = (await db.contacts.toArray()).map(({ updatedAt: _u, ...rest }) => rest);
		const second = await applyVCardImport(again.entries, { eventId: 'e1' });
		expect(second).toEqual({ added: 0, merged: 4, unread: 1 });
		const after = (await db.contacts.toArray()).map(({ updatedAt: _u, ...rest }) => rest);
		expect(after).toEqual(before);
	});

	it('does not save a name-only card twice', async () => {
		const nameOnly = card(['FN:Dee Evans', 'ORG:Acme']);
		await applyVCardImport((await previewVCardImport(nameOnly)).entries);
		const again = await previewVCardImport(nameOnly);
		expect(again).toMatchObject({ added: 0, existing: 1 });
		await applyVCardImport(again.entries);
		expect(await db.contacts.count()).toBe(1);
	});

	it('changes nothing for a bad file', async () => {
		await expect(previewVCardImport('hello')).rejects.toBeInstanceOf(VCardImportError);
		expect(await db.contacts.count()).toBe(0);
		expect(await db.scans.count()).toBe(0);
	});

	it('writes nothing at all when the transaction fails part-way', async () => {
		const preview = await previewVCardImport(file);
		db.contacts.hook('creating', (_key, obj: { name: string }) => {
			if (obj.name === 'Bo Chen') throw new Error('disk full');
		});
		await expect(applyVCardImport(preview.entries)).rejects.toThrow('disk full');
		expect(await db.contacts.count()).toBe(0);
		expect(await db.scans.count()).toBe(0);
	});
});
