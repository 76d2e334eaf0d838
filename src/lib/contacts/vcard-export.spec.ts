import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePayload, parseVCards } from '$lib/capture/payload';
import { foldLine } from '$lib/text/content-line';
import { toVCard, vcardFileName, type VCardPerson } from './vcard-export';

const ana: VCardPerson = {
	name: 'Ana Lima',
	givenName: 'Ana',
	familyName: 'Lima',
	org: 'Fábrica; Digital, Ltda',
	title: 'Head of Design',
	emails: ['ana@example.com', 'ana.lima@personal.example'],
	phones: ['+55 11 91234-5678'],
	urls: ['https://fabrica.example/ana'],
	linkedin: 'https://www.linkedin.com/in/ana-lima',
	address: 'Rua Augusta 100, São Paulo',
	note: 'Design systems\nFollow up about the workshop; bring slides'
};

describe('toVCard', () => {
	it('writes vCard 3.0 with CRLF line ends that parses back to the same fields', () => {
		const card = toVCard(ana);
		expect(card.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
		expect(card.endsWith('END:VCARD\r\n')).toBe(true);
		const parsed = parsePayload(card);
		expect(parsed.kind).toBe('contact');
		if (parsed.kind !== 'contact') return;
		expect(parsed.card).toMatchObject({
			name: 'Ana Lima',
			givenName: 'Ana',
			familyName: 'Lima',
			org: 'Fábrica; Digital, Ltda',
			title: 'Head of Design',
			emails: ana.emails,
			phones: ana.phones,
			urls: ana.urls,
			linkedin: ana.linkedin,
			note: ana.note
		});
		expect(parsed.card.address).toContain('Rua Augusta 100');
	});

	it('folds long lines at 75 octets without splitting a character', () => {
		const long = 'Ünïcödé '.repeat(30);
		const folded = foldLine(`NOTE:${long}`);
		for (const line of folded.split('\r\n')) {
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		}
		expect(folded.replace(/\r\n /g, '')).toBe(`NOTE:${long}`);
	});

	it('round-trips arbitrary people through the parser (property)', () => {
		const text = fc
			.string({ minLength: 1, maxLength: 40 })
			.map((s) =>
				// The parser folds runs of white space, as every field on screen does.
				s
					.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
					.replace(/\s+/g, ' ')
					.trim()
			)
			.filter((s) => s.length > 0 && !/[\uD800-\uDFFF]/.test(s));
		fc.assert(
			fc.property(text, text, fc.option(text, { nil: undefined }), (name, org, note) => {
				const person: VCardPerson = {
					name,
					org,
					emails: ['someone@example.org'],
					phones: [],
					urls: [],
					note
				};
				const [card] = parseVCards(toVCard(person));
				expect(card?.name).toBe(name);
				expect(card?.org).toBe(org);
				expect(card?.note).toBe(note);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('vcardFileName', () => {
	it('keeps the name and drops characters file systems refuse', () => {
		expect(vcardFileName('Ana Lima')).toBe('Ana Lima.vcf');
		expect(vcardFileName('a/b:c*?')).toBe('a b c.vcf');
		expect(vcardFileName('  ')).toBe('contact.vcf');
	});
});
