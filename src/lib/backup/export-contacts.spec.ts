import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { parsePayload, parseVCards, type CardFields } from '$lib/capture/payload';
import { splitName } from '$lib/contacts/vcard-export';
import { saveContact } from '$lib/contacts/contacts.repo';
import { db, type ContactRow } from '$lib/db';
import {
	ContactFileWriter,
	CSV_BOM,
	contactToCsvCells,
	contactToVCard,
	csvLine,
	exportFileName,
	isoWithOffset,
	matchesFilter,
	neutraliseCell,
	type ExportPlace
} from './export-contacts';
import { exportContacts } from './export-contacts.repo';

const tick = () => new Promise((done) => setTimeout(done, 3));

function contact(fields: Partial<ContactRow> & { name: string }): ContactRow {
	return {
		id: crypto.randomUUID(),
		emails: [],
		phones: [],
		urls: [],
		note: '',
		tags: [],
		metAt: '2026-06-02T08:40:00.000Z',
		createdAt: '2026-06-02T08:40:00.000Z',
		updatedAt: '2026-06-02T08:40:00.000Z',
		words: [],
		phoneKeys: [],
		...fields
	};
}

const place: ExportPlace = {
	event: { name: 'Search Conf', timeZone: 'Europe/Berlin' },
	session: { title: 'Opening keynote' }
};

// ---------------------------------------------------------------------------------------------
// vCard: every contact parses back to the same fields
// ---------------------------------------------------------------------------------------------

/** Text as the parser hands it back: no controls, single spaces, trimmed, no mojibake telltales. */
const cleanText = (max: number) =>
	fc
		.oneof(
			fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }),
			fc
				.array(
					fc.constantFrom(
						...'aZé ñü中😀,;:\\"\'=+-@<>&ÅøßЖ'.match(/./gu)!,
						'Mc',
						'José',
						'São Paulo'
					),
					{ minLength: 1, maxLength: max }
				)
				.map((parts) => parts.join(''))
		)
		.map((s) =>
			s
				.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}]/gu, '')
				.replace(/\s+/g, ' ')
				.trim()
		)
		.filter((s) => s.length > 0 && !/[\uD800-\uDFFF\u00c3\u00c2]/.test(s.replace(/\p{Cs}/gu, '')));

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{2,20}$/);

const contactArb = fc
	.record({
		name: cleanText(30),
		org: fc.option(cleanText(30), { nil: undefined }),
		title: fc.option(cleanText(30), { nil: undefined }),
		emailLocals: fc.uniqueArray(slug, { maxLength: 3 }),
		phoneDigits: fc.uniqueArray(fc.stringMatching(/^[1-9][0-9]{6,11}$/), { maxLength: 3 }),
		linkedin: fc.option(slug, { nil: undefined }),
		noteLines: fc.array(cleanText(40), { maxLength: 4 }),
		tags: fc.uniqueArray(cleanText(12), { maxLength: 3 })
	})
	.map((r): ContactRow =>
		contact({
			name: r.name,
			...(r.org ? { org: r.org } : {}),
			...(r.title ? { title: r.title } : {}),
			emails: r.emailLocals.map((l) => `${l}@example.org`),
			// Two styles people write numbers in: international with spaces, and national.
			phones: r.phoneDigits.map((d, i) =>
				i % 2 ? `0${d}` : `+${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5)}`
			),
			...(r.linkedin ? { linkedin: `https://www.linkedin.com/in/${r.linkedin}` } : {}),
			note: r.noteLines.join('\n'),
			tags: r.tags
		})
	);

function expectSameFields(parsed: CardFields | undefined, c: ContactRow, p: ExportPlace): void {
	const { given, family } = splitName(c);
	const note = [c.note, p.event ? `Met at Search Conf — Opening keynote (2026-06-02)` : '']
		.filter(Boolean)
		.join('\n\n');
	expect(parsed).toBeDefined();
	expect(parsed?.name).toBe(c.name);
	expect(parsed?.givenName ?? '').toBe(given);
	expect(parsed?.familyName ?? '').toBe(family);
	expect(parsed?.org).toBe(c.org);
	expect(parsed?.title).toBe(c.title);
	expect(parsed?.emails).toEqual(c.emails);
	expect(parsed?.phones).toEqual(c.phones);
	expect(parsed?.linkedin).toBe(c.linkedin);
	expect(parsed?.note ?? '').toBe(note);
}

describe('the .vcf export', () => {
	it('parses back through parsePayload to the same fields, for any contact (property)', () => {
		fc.assert(
			fc.property(contactArb, fc.boolean(), (c, withPlace) => {
				const p = withPlace ? place : {};
				const parsed = parsePayload(contactToVCard(c, p));
				expect(parsed.kind).toBe('contact');
				if (parsed.kind === 'contact') expectSameFields(parsed.card, c, p);
			}),
			{ numRuns: 300 }
		);
	});

	it('splits back into the same contacts with parseVCards (property)', () => {
		fc.assert(
			fc.property(fc.array(contactArb, { minLength: 1, maxLength: 8 }), (people) => {
				const writer = new ContactFileWriter('vcf');
				for (const c of people) writer.add(c, place);
				const cards = parseVCards(writer.text());
				expect(cards).toHaveLength(people.length);
				people.forEach((c, i) => expectSameFields(cards[i], c, place));
			}),
			{ numRuns: 100 }
		);
	});

	it('writes tags as CATEGORIES and where you met below the note, with CRLF line ends', () => {
		const card = contactToVCard(
			contact({ name: 'Ana Lima', note: 'Design systems', tags: ['design', 'a, b'] }),
			place
		);
		expect(card).toContain('\r\nCATEGORIES:design,a\\, b\r\n');
		expect(card).toContain(
			'NOTE:Design systems\\n\\nMet at Search Conf — Opening keynote (2026-06-02)'
		);
		expect(card.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});
});

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

describe('CSV cells', () => {
	it.each([
		['=SUM(A1:A9)', "'=SUM(A1:A9)"],
		["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
		['-1+1', "'-1+1"],
		['@x', "'@x"],
		['\tTAB', "'\tTAB"],
		['\rCR', "'\rCR"],
		['   =1+1', "'   =1+1"],
		['\n =HYPERLINK("x")', '\'\n =HYPERLINK("x")'],
		['Ana = designer', 'Ana = designer'],
		['jose@acme.example', 'jose@acme.example'],
		['', '']
	])('neutralises formula injection: %j', (input, expected) => {
		expect(neutraliseCell(input)).toBe(expected);
	});

	it('keeps phone numbers whole behind the apostrophe, so they read as text', () => {
		const cells = contactToCsvCells(
			contact({ name: 'Bo Chen', phones: ['+44 20 7946 0958', '020 7946 0000'] })
		);
		expect(csvLine([cells[3] ?? ''])).toBe(`"'+44 20 7946 0958; 020 7946 0000"`);
		expect(csvLine(['+44 20 7946 0958'])).toBe("'+44 20 7946 0958");
	});

	it('quotes quotes, commas, semicolons and line breaks (RFC 4180), and nothing else', () => {
		expect(csvLine(['say "hi"', 'a,b', 'a;b', 'two\nlines', 'cr\r\nlf', 'plain'])).toBe(
			'"say ""hi""","a,b","a;b","two\nlines","cr\r\nlf",plain'
		);
		// Neutralised first, then quoted: the apostrophe sits inside the quotes.
		expect(csvLine(['=1,2'])).toBe(`"'=1,2"`);
	});

	it('starts with a BOM and the exact header, ends rows with CRLF, one row per contact', () => {
		const writer = new ContactFileWriter('csv');
		writer.add(
			contact({
				name: 'José Núñez',
				givenName: 'José',
				familyName: 'Núñez',
				org: 'Acme, Inc',
				title: 'CTO',
				emails: ['jose@acme.example', 'j@home.example'],
				phones: ['+34 600 000 000'],
				linkedin: 'https://www.linkedin.com/in/jose',
				tags: ['robotics', 'investor'],
				rating: 'hot',
				note: 'Drones\nwarehouses'
			}),
			place
		);
		const text = writer.text();
		expect(text.startsWith(CSV_BOM)).toBe(true);
		const [header, row, end] = text.slice(1).split('\r\n');
		expect(header).toBe(
			'First name,Last name,Email,Phone,Company,Title,LinkedIn,Event,Session,Met at,Tags,Rating,Note'
		);
		expect(row).toBe(
			[
				'José',
				'Núñez',
				'"jose@acme.example; j@home.example"',
				"'+34 600 000 000",
				'"Acme, Inc"',
				'CTO',
				'https://www.linkedin.com/in/jose',
				'Search Conf',
				'Opening keynote',
				'2026-06-02T10:40:00+02:00',
				'"robotics, investor"',
				'hot',
				'"Drones\nwarehouses"'
			].join(',')
		);
		expect(end).toBe('');
		expect(writer.count).toBe(1);
	});

	it('writes Met at in the event zone with its offset, else in UTC', () => {
		expect(isoWithOffset('2026-06-02T08:40:00.000Z', 'Europe/Berlin')).toBe(
			'2026-06-02T10:40:00+02:00'
		);
		expect(isoWithOffset('2026-01-15T18:05:00.000Z', 'America/New_York')).toBe(
			'2026-01-15T13:05:00-05:00'
		);
		expect(isoWithOffset('2026-06-02T08:40:00.000Z', 'Asia/Kolkata')).toBe(
			'2026-06-02T14:10:00+05:30'
		);
		expect(isoWithOffset('2026-06-02T08:40:00.000Z')).toBe('2026-06-02T08:40:00Z');
		expect(isoWithOffset('2026-06-02T08:40:00.000Z', 'Not/AZone')).toBe('2026-06-02T08:40:00Z');
		expect(isoWithOffset('nonsense')).toBe('');
	});
});

describe('file names and filters', () => {
	it('names the file after what it holds', () => {
		const day = '2026-06-02';
		expect(exportFileName('csv', { filter: { kind: 'all' } }, day)).toBe(
			'Hallway contacts - everyone - 2026-06-02.csv'
		);
		expect(
			exportFileName(
				'vcf',
				{ filter: { kind: 'event', eventId: 'e1' }, eventName: 'Search: Conf/2026' },
				day
			)
		).toBe('Hallway contacts - Search Conf 2026 - 2026-06-02.vcf');
		expect(exportFileName('csv', { filter: { kind: 'tag', tag: 'investor' } }, day)).toBe(
			'Hallway contacts - tag investor - 2026-06-02.csv'
		);
	});

	it('selects by event and by tag', () => {
		const c = contact({ name: 'A', eventId: 'e1', tags: ['design'] });
		expect(matchesFilter(c, { kind: 'all' })).toBe(true);
		expect(matchesFilter(c, { kind: 'event', eventId: 'e1' })).toBe(true);
		expect(matchesFilter(c, { kind: 'event', eventId: 'e2' })).toBe(false);
		expect(matchesFilter(c, { kind: 'tag', tag: 'design' })).toBe(true);
		expect(matchesFilter(c, { kind: 'tag', tag: 'sales' })).toBe(false);
	});
});

// ---------------------------------------------------------------------------------------------
// Reading from the database
// ---------------------------------------------------------------------------------------------

describe('exportContacts', () => {
	beforeEach(async () => {
		await db.delete();
		await db.open();
		await db.events.bulkAdd([
			{
				id: 'e1',
				name: 'Search Conf',
				startDate: '2026-06-02',
				endDate: '2026-06-02',
				timeZone: 'Europe/Berlin',
				goals: { peopleToMeet: 5, followUpWithinHours: 72 },
				createdAt: '2026-01-01T00:00:00.000Z',
				updatedAt: '2026-01-01T00:00:00.000Z'
			},
			{
				id: 'e2',
				name: 'Other Summit',
				startDate: '2026-07-02',
				endDate: '2026-07-02',
				timeZone: 'UTC',
				goals: { peopleToMeet: 5, followUpWithinHours: 72 },
				createdAt: '2026-01-01T00:00:00.000Z',
				updatedAt: '2026-01-01T00:00:00.000Z'
			}
		]);
		await db.sessions.add({
			id: 's1',
			eventId: 'e1',
			title: 'Opening keynote',
			start: '2026-06-02T08:00:00.000Z',
			end: '2026-06-02T09:00:00.000Z',
			speakers: [],
			createdAt: '2026-01-01T00:00:00.000Z',
			updatedAt: '2026-01-01T00:00:00.000Z'
		});
		await saveContact({
			name: 'Ana Lima',
			emails: ['ana@example.com'],
			phones: [],
			urls: [],
			eventId: 'e1',
			sessionId: 's1',
			tags: ['design']
		});
		// A tick apart, so "oldest first" is not left to the clock's resolution.
		await tick();
		await saveContact({
			name: 'Bo Chen',
			emails: ['bo@example.com'],
			phones: [],
			urls: [],
			eventId: 'e2',
			tags: ['investor', 'design']
		});
		await tick();
		await saveContact({ name: 'Cy Diaz', emails: [], phones: ['+1 415 555 0100'], urls: [] });
	});

	const names = (csv: string) =>
		csv
			.split('\r\n')
			.slice(1, -1)
			.map((line) => line.split(',').slice(0, 2).join(' '));

	it('exports everyone, oldest first, with event and session names', async () => {
		const result = await exportContacts({ kind: 'all' }, 'csv', { date: '2026-06-03' });
		expect(result.count).toBe(3);
		expect(result.fileName).toBe('Hallway contacts - everyone - 2026-06-03.csv');
		expect(names(result.text)).toEqual(['Ana Lima', 'Bo Chen', 'Cy Diaz']);
		expect(result.text).toContain('Search Conf,Opening keynote,');
	});

	it('exports one event', async () => {
		const result = await exportContacts({ kind: 'event', eventId: 'e2' }, 'vcf', {
			date: '2026-06-03'
		});
		expect(result.count).toBe(1);
		expect(result.fileName).toBe('Hallway contacts - Other Summit - 2026-06-03.vcf');
		expect(parseVCards(result.text).map((c) => c.name)).toEqual(['Bo Chen']);
	});

	it('exports one tag', async () => {
		const result = await exportContacts({ kind: 'tag', tag: 'design' }, 'csv');
		expect(names(result.text)).toEqual(['Ana Lima', 'Bo Chen']);
	});

	it('makes no file when nothing matches', async () => {
		const result = await exportContacts({ kind: 'tag', tag: 'nobody' }, 'csv');
		expect(result).toMatchObject({ count: 0, text: '' });
	});

	it('reads in chunks, reporting progress and pausing between them', async () => {
		const progress: string[] = [];
		let pauses = 0;
		const result = await exportContacts({ kind: 'all' }, 'vcf', {
			chunkSize: 2,
			onProgress: (done, total) => progress.push(`${done}/${total}`),
			pause: async () => {
				pauses++;
				await Promise.resolve();
			}
		});
		expect(progress).toEqual(['0/3', '2/3', '3/3']);
		expect(pauses).toBe(1);
		expect(parseVCards(result.text)).toHaveLength(3);
	});
});
