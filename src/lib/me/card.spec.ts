import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePayload, type CardFields } from '$lib/capture/payload';
import {
	checkCard,
	myCardFileName,
	myVCard,
	normaliseLinkedIn,
	qrLeavesOutIntro,
	QR_MAX_BYTES,
	splitName,
	tidyCard,
	utf8Bytes,
	type MyProfile
} from './card';

const ana: MyProfile = {
	name: 'Ana Lima',
	intro: 'I design tools for field nurses.\nHere to learn how others test offline apps.',
	org: 'Fábrica; Digital, Ltda',
	title: 'Head of Design, Research; Ops',
	email: 'ana@fabrica.example',
	phone: '+55 11 91234-5678',
	linkedin: 'linkedin.com/in/ana-lima',
	website: 'https://fabrica.example/ana'
};

/** What Hallway's own scanner reads out of the text. */
function scanned(text: string): CardFields {
	const parsed = parsePayload(text);
	if (parsed.kind !== 'contact') throw new Error(`not a contact: ${parsed.reason}`);
	expect(parsed.format).toBe('vcard');
	return parsed.card;
}

describe('myVCard', () => {
	it('writes a compact vCard 3.0 that scans back as the same profile', () => {
		const text = myVCard(ana);
		expect(text.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
		expect(text.endsWith('END:VCARD\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		expect(text).not.toContain('PRODID');
		expect(text).toContain('\r\nORG:Fábrica\\; Digital\\, Ltda\r\n');
		expect(scanned(text)).toEqual({
			name: 'Ana Lima',
			givenName: 'Ana',
			familyName: 'Lima',
			org: 'Fábrica; Digital, Ltda',
			title: 'Head of Design, Research; Ops',
			emails: ['ana@fabrica.example'],
			phones: ['+55 11 91234-5678'],
			urls: ['https://fabrica.example/ana'],
			linkedin: 'https://www.linkedin.com/in/ana-lima',
			note: ana.intro
		});
	});

	it('keeps non-ASCII names whole, in N and FN', () => {
		for (const [name, given, family] of [
			['Zoë Ødegård', 'Zoë', 'Ødegård'],
			['Nguyễn Thị Minh Khai', 'Nguyễn Thị Minh', 'Khai'],
			['Ana de la Cruz', 'Ana', 'de la Cruz'],
			['李小龍', '李小龍', undefined],
			['Dr. 🦊 Fox', 'Dr. 🦊', 'Fox']
		] as const) {
			const card = scanned(myVCard({ name, intro: '' }));
			expect(card.name).toBe(name);
			expect(card.givenName).toBe(given);
			expect(card.familyName).toBe(family);
		}
	});

	it('omits every empty field', () => {
		const text = myVCard({ name: 'Kai', intro: '  ', org: '', email: '   ' });
		expect(text).toBe('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kai\r\nN:;Kai;;;\r\nEND:VCARD\r\n');
		expect(scanned(text)).toEqual({
			name: 'Kai',
			givenName: 'Kai',
			emails: [],
			phones: [],
			urls: []
		});
	});

	it('leaves out fields that would not scan back, and keeps the rest', () => {
		const card = scanned(
			myVCard({
				name: 'Sam Reyes',
				intro: '',
				email: 'sam at example',
				phone: 'call me',
				linkedin: 'https://example.com/sam',
				website: 'javascript:alert(1)',
				org: 'Reyes & Co'
			})
		);
		expect(card).toEqual({
			name: 'Sam Reyes',
			givenName: 'Sam',
			familyName: 'Reyes',
			org: 'Reyes & Co',
			emails: [],
			phones: [],
			urls: []
		});
	});

	it('folds a long intro at 75 octets and it scans back word for word', () => {
		const intro = Array.from(
			{ length: 12 },
			(_, i) => `Part ${i + 1}: naïve café talk, résumé; déjà vu — “quotes”, commas, semicolons.`
		).join('\n');
		const text = myVCard({ ...ana, intro });
		for (const physical of text.split('\r\n'))
			expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75);
		expect(scanned(text).note).toBe(intro);
	});

	it('keeps the QR code scannable: a long intro stays in the file but not in the code', () => {
		const intro = 'I help teams ship offline-first apps. '.repeat(30).trim();
		const profile = { ...ana, intro };
		expect(utf8Bytes(myVCard(profile))).toBeGreaterThan(QR_MAX_BYTES);
		const qr = myVCard(profile, { forQr: true });
		expect(utf8Bytes(qr)).toBeLessThanOrEqual(QR_MAX_BYTES);
		expect(scanned(qr).note).toBeUndefined();
		expect(scanned(qr).emails).toEqual(['ana@fabrica.example']);
		expect(qrLeavesOutIntro(profile)).toBe(true);
		// A short intro fits, so the code carries it.
		expect(myVCard(ana, { forQr: true })).toBe(myVCard(ana));
		expect(qrLeavesOutIntro(ana)).toBe(false);
	});

	it('round-trips random profiles through the scanner', () => {
		const letters = fc.constantFrom(
			...'abcxyzABCXYZéüßøñçłšžЖжλΩ李王한글ñ0123456789 ,;:\\\'"&<>/().-_@!?#%+='.split(''),
			'🦊',
			'\t'
		);
		const text = (max: number) => fc.string({ unit: letters, maxLength: max });
		const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,28}[a-z0-9]$/);
		const profile = fc.record({
			name: text(60).filter((s) => /[^\s,;:]/.test(s)),
			intro: fc.array(text(80), { maxLength: 6 }).map((lines) => lines.join('\n')),
			org: fc.option(text(60), { nil: undefined }),
			title: fc.option(text(60), { nil: undefined }),
			email: fc.option(
				fc
					.tuple(
						fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}$/),
						slug,
						fc.constantFrom('com', 'io')
					)
					.map(([user, host, tld]) => `${user.replace(/\.+$/, '')}@${host}.${tld}`)
					.filter((e) => !e.startsWith('.') && !e.includes('.@')),
				{ nil: undefined }
			),
			phone: fc.option(fc.stringMatching(/^\+?[0-9]{3,4}( [0-9]{2,4}){1,4}$/), { nil: undefined }),
			linkedin: fc.option(
				slug.map((s) => `linkedin.com/in/${s}`),
				{ nil: undefined }
			),
			website: fc.option(
				slug.map((s) => `https://${s}.example.org/about`),
				{ nil: undefined }
			)
		});
		const tidy = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim() || undefined;
		fc.assert(
			fc.property(profile, (p) => {
				expect(checkCard(p)).toEqual({});
				const card = scanned(myVCard(p));
				expect(card.name).toBe(tidy(p.name));
				expect(card.org).toBe(tidy(p.org));
				expect(card.title).toBe(tidy(p.title));
				expect(card.emails).toEqual(p.email ? [p.email.toLowerCase()] : []);
				expect(card.phones).toEqual(p.phone ? [p.phone] : []);
				expect(card.linkedin).toBe(p.linkedin ? `https://www.${p.linkedin}` : undefined);
				expect(card.urls).toEqual(p.website ? [p.website] : []);
				const intro = p.intro
					.split('\n')
					.map((l) => l.replace(/\s+/g, ' ').trim())
					.join('\n')
					.replace(/\n{3,}/g, '\n\n')
					.replace(/^\n+|\n+$/g, '');
				expect(card.note).toBe(intro || undefined);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('checkCard', () => {
	it('accepts a complete card and empty fields', () => {
		expect(checkCard(ana)).toEqual({});
		expect(checkCard({})).toEqual({});
		expect(checkCard({ email: ' ', website: '' })).toEqual({});
	});

	it('says what is wrong with each field in plain words', () => {
		expect(
			checkCard({
				email: 'ana@fabrica',
				phone: 'ring me',
				linkedin: 'linkedin.com/company/fabrica',
				website: 'ftp://fabrica.example'
			})
		).toEqual({
			email: 'That email doesn\u2019t look complete: try name@example.com.',
			phone: 'Use digits for your phone, like +44 20 7946 0000.',
			linkedin: 'Use your profile link, like linkedin.com/in/your-name.',
			website: 'Use a web address, like https://example.com.'
		});
		expect(checkCard({ website: 'https://www.linkedin.com/in/ana' })).toEqual({
			website: 'That\u2019s a LinkedIn profile: put it in the LinkedIn field.'
		});
		expect(checkCard({ phone: '123' }).phone).toBeDefined();
		expect(checkCard({ phone: '+1 415 555 0100 ext. 12' })).toEqual({});
		expect(checkCard({ email: 'a,b@example.com' }).email).toBeDefined();
	});
});

describe('helpers', () => {
	it('normalises LinkedIn entries to the canonical https profile link', () => {
		expect(normaliseLinkedIn('linkedin.com/in/ana-lima')).toBe(
			'https://www.linkedin.com/in/ana-lima'
		);
		expect(normaliseLinkedIn('https://de.linkedin.com/in/Ana-Lima/?utm_source=share')).toBe(
			'https://www.linkedin.com/in/ana-lima'
		);
		expect(normaliseLinkedIn('ana-lima')).toBe('https://www.linkedin.com/in/ana-lima');
		expect(normaliseLinkedIn('https://example.com/in/ana')).toBeUndefined();
		expect(normaliseLinkedIn('')).toBeUndefined();
	});

	it('splits names sensibly', () => {
		expect(splitName('  Ana   Lima ')).toEqual({ given: 'Ana', family: 'Lima' });
		expect(splitName('Ludwig van Beethoven')).toEqual({ given: 'Ludwig', family: 'van Beethoven' });
		expect(splitName('Cher')).toEqual({ given: 'Cher', family: '' });
		expect(splitName('')).toEqual({ given: '', family: '' });
	});

	it('stores fields trimmed, without empty ones', () => {
		expect(tidyCard({ org: '  Acme  ', title: '', email: ' x ' })).toEqual({
			org: 'Acme',
			email: 'x'
		});
	});

	it('names the file after the person', () => {
		expect(myCardFileName('Ana Lima')).toBe('Ana Lima.vcf');
		expect(myCardFileName('  ')).toBe('My card.vcf');
	});
});
