/**
 * Specs for the QR payload parser. Raw multi-line payloads live in tests/fixtures/payloads/ (byte
 * exact: CRLF, lone CR, BOM and NUL included); single-line payloads are inline below. Every
 * fixture is compared with `toEqual` against the whole expected result.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	canonicalLinkedIn,
	parsePayload,
	parseVCards,
	phoneKey,
	repairMojibake,
	safeHttpUrl,
	type CardFields,
	type ParsedPayload
} from './payload';

type Format = Extract<ParsedPayload, { kind: 'contact' }>['format'];

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/payloads/', import.meta.url));

function fixture(name: string): string {
	return readFileSync(FIXTURES + name, 'utf8');
}

function card(fields: Partial<CardFields>): CardFields {
	return { name: '', emails: [], phones: [], urls: [], ...fields };
}

function contact(format: Format, fields: Partial<CardFields>): ParsedPayload {
	return { kind: 'contact', format, card: card(fields) };
}

function unknown(reason: string): ParsedPayload {
	return { kind: 'unknown', reason };
}

const WIFI = "This is a Wi-Fi network code, not a person's card.";
const REGISTRATION =
	"An event registration code: it can't be read offline. Kept so you can add the person by hand.";
const EMPTY = 'The code is empty.';
const PROSE = "This text doesn't look like a contact card.";
const SCHEME = "This is a link of a kind Hallway doesn't open, not a person's card.";
const BAD_LINK = "This link can't be opened safely, so it wasn't kept.";
const EMPTY_CARD = 'This contact card has no readable details.';

// ---------------------------------------------------------------------------------------------
// vCard fixtures (files)
// ---------------------------------------------------------------------------------------------

type LineEnding = 'crlf' | 'lf' | 'cr';

const VCARD_FIXTURES: [file: string, eol: LineEnding, expected: ParsedPayload][] = [
	[
		'vcard30-full-lf.vcf',
		'lf',
		contact('vcard', {
			name: 'Astrid Lindqvist',
			givenName: 'Astrid',
			familyName: 'Lindqvist',
			org: 'Nordlys Energy AB, Grid Innovation',
			title: 'Head of Partnerships',
			emails: ['astrid.lindqvist@nordlys.example', 'astrid.l@mail.example'],
			phones: ['+46 70 123 45 67', '+46 8 555 010 00'],
			urls: ['https://nordlys.example/people/astrid'],
			address: 'Kungsgatan 12, Stockholm, 111 43, Sweden',
			note: 'Interested in pilot sites for 2026.'
		})
	],
	[
		// QP soft breaks (one splitting a UTF-8 sequence), 2.1 bare types, PREF, a fax noted.
		'vcard21-qp-utf8.vcf',
		'crlf',
		contact('vcard', {
			name: 'Dr. Jürgen Müller',
			givenName: 'Jürgen',
			familyName: 'Müller',
			org: 'Straßenbahn Zürich AG, Vertrieb',
			title: 'Leiter Vertrieb',
			emails: ['juergen.mueller@example.ch', 'j.mueller@example.ch'],
			phones: ['+41 79 555 01 23', '+41 44 555 01 00'],
			address: 'Bahnhofstraße 1, Zürich, 8001, Schweiz',
			note: 'Fax: +41 44 555 01 99\nGetroffen am Stand – möchte eine Demo.\nFollow-up nächste Woche.'
		})
	],
	[
		// ISO-8859-1 QP; the second soft break is followed by a space, which QP keeps as content.
		'vcard21-qp-latin1.vcf',
		'crlf',
		contact('vcard', {
			name: 'Renée Lefèvre',
			givenName: 'Renée',
			familyName: 'Lefèvre',
			org: 'Société Générale',
			title: "Chargée d'affaires",
			emails: ['renee.lefevre@example.fr'],
			phones: ['+33 1 42 14 20 00'],
			note: "Intéressée par l'offre à long terme, café demain à 9h."
		})
	],
	[
		// windows-1252 smart quotes and euro; unknown charsets fall back to UTF-8, then cp1252.
		'vcard21-qp-cp1252.vcf',
		'crlf',
		contact('vcard', {
			name: 'Seán O’Brien',
			givenName: 'Seán',
			familyName: 'O’Brien',
			org: 'Café Ltd',
			title: 'Head of Sales – EMEA',
			emails: ['sean.obrien@example.ie'],
			note: '“Great talk” – budget € 50k'
		})
	],
	[
		'vcard30-folding-tab.vcf',
		'crlf',
		contact('vcard', {
			name: 'Alexandra Konstantinopoulou',
			givenName: 'Alexandra',
			familyName: 'Konstantinopoulou',
			org: 'Hellenic Maritime Logistics',
			emails: ['alexandra@example.gr'],
			phones: ['+30 690 000 0000'],
			note: 'This note is folded with a tab and then with a space, and keeps its comma.'
		})
	],
	[
		// iOS export: item groups, X-ABLabel, type=pref ordering, duplicates by case and digits.
		'vcard30-apple-groups.vcf',
		'crlf',
		contact('vcard', {
			name: 'Yuki Nakamura',
			givenName: 'Yuki',
			familyName: 'Nakamura',
			org: 'Kumo Systems, Developer Relations',
			title: 'Developer Advocate',
			emails: ['yuki@kumo.example', 'yuki.nakamura@kumo.example'],
			phones: ['+81 90-1234-5678', '+81 3-1234-5678'],
			urls: ['https://kumo.example/team/yuki', 'https://twitter.com/yuki_dev'],
			linkedin: 'https://www.linkedin.com/in/yuki-nakamura-kumo',
			address: '1-2-3 Shibuya, Floor 4, Shibuya-ku, Tokyo, 150-0002, Japan'
		})
	],
	[
		// Repeated type=, quoted TYPE list, X-SOCIALPROFILE with x-user, VALUE=URI, fax.
		'vcard30-params.vcf',
		'lf',
		contact('vcard', {
			name: 'Priya Raman',
			givenName: 'Priya',
			familyName: 'Raman',
			emails: ['priya.raman@home.example', 'priya@work.example'],
			phones: ['+91 98450 00000', '+91 80 5555 0100'],
			urls: ['https://priya.example/'],
			linkedin: 'https://www.linkedin.com/in/priyaraman',
			note: 'Fax: +91 80 5555 0199'
		})
	],
	[
		// tel: URIs with PREF ranks and ext, a quoted LABEL param holding a colon, multi-values.
		'vcard40-tel-uri.vcf',
		'crlf',
		contact('vcard', {
			name: 'Dr. María-José Fernández',
			givenName: 'María-José Elena',
			familyName: 'Fernández',
			org: 'Universidad de Ejemplo, Facultad de Informática',
			title: 'Profesora',
			emails: ['mjfernandez@ejemplo.es', 'mj.fernandez@correo.example'],
			phones: ['+34-600-555-0101', '+34-91-555-0100 ext. 204'],
			urls: ['https://ejemplo.es/~mjf'],
			address: 'Calle Mayor 1, Despacho 3, Madrid, 28013, España'
		})
	],
	[
		'vcard-bom-lowercase.vcf',
		'crlf',
		contact('vcard', {
			name: 'Olamide Adeyemi',
			givenName: 'Olamide',
			familyName: 'Adeyemi',
			org: 'Lagos Fintech Hub',
			emails: ['olamide@lfh.example'],
			phones: ['+234 803 555 0100']
		})
	],
	[
		'vcard-cr-only.vcf',
		'cr',
		contact('vcard', {
			name: 'Søren Kierkegaard-Jensen',
			givenName: 'Søren',
			familyName: 'Kierkegaard-Jensen',
			emails: ['soren@example.dk'],
			note: 'Line one continues here'
		})
	],
	[
		'vcard-truncated.vcf',
		'lf',
		contact('vcard', {
			name: 'Wei Zhang',
			org: 'Shenzhen Robotics',
			emails: ['wei.zhang@robotics.example'],
			phones: ['+86 138 0013 8000'],
			note: 'Talked about gri'
		})
	],
	[
		'vcard-two-cards.vcf',
		'crlf',
		contact('vcard', { name: 'Ana Costa', emails: ['ana.costa@example.pt'] })
	],
	[
		// The first card has no name and the second nothing at all: the third is the person.
		'vcard-multi-first-unnamed.vcf',
		'crlf',
		contact('vcard', { name: 'Carmen Ruiz', emails: ['carmen@example.mx'] })
	],
	[
		'vcard-huge-photo-folded.vcf',
		'crlf',
		contact('vcard', {
			name: 'Chidi Okafor',
			givenName: 'Chidi',
			familyName: 'Okafor',
			emails: ['chidi@example.ng'],
			phones: ['+234 1 555 0100'],
			note: 'Kept after the photo'
		})
	],
	[
		// 2.1 base64 with indented continuation lines, and a LOGO whose lines are not indented.
		'vcard21-photo-base64.vcf',
		'crlf',
		contact('vcard', {
			name: 'Anna Ivanova',
			givenName: 'Anna',
			familyName: 'Ivanova',
			org: 'Volga Analytics',
			emails: ['anna.ivanova@example.ru'],
			phones: ['+7 912 555 0100']
		})
	],
	[
		'vcard-no-fn.vcf',
		'lf',
		contact('vcard', {
			name: 'Gabriel José García Márquez',
			givenName: 'Gabriel',
			familyName: 'García Márquez',
			emails: ['gabo@example.co']
		})
	],
	[
		'vcard-no-name-org.vcf',
		'lf',
		contact('vcard', {
			name: 'Acme Robotics GmbH',
			org: 'Acme Robotics GmbH',
			phones: ['+49 89 555 0100']
		})
	],
	[
		'vcard-no-name-email.vcf',
		'lf',
		contact('vcard', {
			name: 'info@booth42.example',
			emails: ['info@booth42.example', 'sales@booth42.example']
		})
	],
	[
		// Markup stays literal text; every non-http(s) URL is dropped; NUL, BEL and RLO removed.
		'vcard-hostile.vcf',
		'lf',
		contact('vcard', {
			name: '<img src=x onerror=alert(1)>',
			givenName: 'Eve',
			familyName: '<script>alert(1)</script>',
			org: '"><svg onload=alert(1)>',
			emails: ['eve@evil.example'],
			phones: ['+1 555 0100'],
			urls: ['https://ok.example/profile'],
			note: 'Invoicefdp.exe done'
		})
	],
	[
		'vcard-mojibake.vcf',
		'lf',
		contact('vcard', {
			name: 'José García',
			givenName: 'José',
			familyName: 'García',
			org: 'Café & Co',
			title: 'Dirección Técnica',
			emails: ['jose@example.es'],
			address: 'Calle Zoë 5, München',
			note: 'Reunión en la cafetería – muy interesante'
		})
	],
	[
		'vcard-escapes.vcf',
		'crlf',
		contact('vcard', {
			name: 'Smith, Jr.; John',
			givenName: 'John',
			familyName: 'Smith, Jr.',
			org: 'Smith; Wesson & Sons, R&D',
			title: 'VP, Engineering',
			emails: ['john.smith@example.com'],
			address: '12 Rue de la Paix, Bât. B, Paris, 75002, France',
			note: 'Line one\nLine two\nLine three\\with backslash, comma; semicolon'
		})
	],
	['vcard-empty.vcf', 'crlf', unknown(EMPTY_CARD)],
	[
		// ROLE stands in for TITLE, LABEL for ADR; raw line breaks inside NOTE are kept.
		'vcard-role-label.vcf',
		'lf',
		contact('vcard', {
			name: 'Tomasz Nowak',
			title: 'Conference speaker',
			linkedin: 'https://www.linkedin.com/in/tomasz-nowak-pl',
			address: 'ul. Marszałkowska 1, 00-001 Warszawa, Polska',
			note: 'Met at the keynote.\nWants the slides.\nSend the pricing sheet.'
		})
	]
];

describe('parsePayload: vCard fixtures', () => {
	it.each(VCARD_FIXTURES)('%s', (file, eol, expected) => {
		const raw = fixture(file);
		// Guard the fixture itself: an editor or git normalising line endings would void the test.
		if (eol === 'crlf') expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		if (eol === 'lf') expect(raw).not.toContain('\r');
		if (eol === 'cr') expect(raw).not.toContain('\n');
		expect(raw).toMatch(eol === 'lf' ? /\n/ : /\r/);
		expect(parsePayload(raw)).toEqual(expected);
	});

	it('keeps the BOM, NUL and control bytes in the fixtures that test them', () => {
		expect(fixture('vcard-bom-lowercase.vcf').charCodeAt(0)).toBe(0xfeff);
		expect(fixture('vcard-hostile.vcf')).toContain('\u0000');
		expect(fixture('vcard-hostile.vcf')).toContain('\u202e');
	});

	it('the huge PHOTO really is folded over hundreds of lines', () => {
		expect(fixture('vcard-huge-photo-folded.vcf').split('\r\n ').length).toBeGreaterThan(300);
	});

	it('reads the same card whatever the line endings', () => {
		const lf = fixture('vcard30-full-lf.vcf');
		const expected = parsePayload(lf);
		expect(parsePayload(lf.replace(/\n/g, '\r\n'))).toEqual(expected);
		expect(parsePayload(lf.replace(/\n/g, '\r'))).toEqual(expected);
		expect(parsePayload('\ufeff' + lf)).toEqual(expected);
	});

	it('reads a vCard with junk before BEGIN, as some scanner apps export', () => {
		expect(parsePayload('Scanned with Foo\nBEGIN:VCARD\nFN:Ada Lovelace\nEND:VCARD')).toEqual(
			contact('vcard', { name: 'Ada Lovelace' })
		);
	});

	it('ignores properties outside a card and unknown properties', () => {
		expect(
			parsePayload('FN:Outside\nBEGIN:VCARD\nX-FOO:bar\nFN:Inside\nEND:VCARD\nFN:After')
		).toEqual(contact('vcard', { name: 'Inside' }));
	});
});

describe('parseVCards', () => {
	it('returns every card of a file, in order', () => {
		expect(parseVCards(fixture('vcard-two-cards.vcf'))).toEqual([
			card({ name: 'Ana Costa', emails: ['ana.costa@example.pt'] }),
			card({ name: 'Bruno Lima', phones: ['+55 11 95555-0100'] })
		]);
	});

	it('leaves out cards with nothing readable but keeps unnamed ones', () => {
		expect(parseVCards(fixture('vcard-multi-first-unnamed.vcf'))).toEqual([
			card({ phones: ['+1 312 555 0199'] }),
			card({ name: 'Carmen Ruiz', emails: ['carmen@example.mx'] })
		]);
		expect(parseVCards(fixture('vcard-empty.vcf'))).toEqual([]);
	});

	it('returns [] for anything that is not a vCard', () => {
		expect(parseVCards('MECARD:N:Doe,Jane;;')).toEqual([]);
		expect(parseVCards('')).toEqual([]);
		expect(parseVCards(42 as unknown as string)).toEqual([]);
	});

	it('reads a file made of every fixture concatenated', () => {
		const names = [
			'vcard30-full-lf.vcf',
			'vcard21-qp-utf8.vcf',
			'vcard-cr-only.vcf',
			'vcard-huge-photo-folded.vcf',
			'vcard-escapes.vcf'
		];
		const cards = parseVCards(names.map(fixture).join('\r\n'));
		expect(cards.map((c) => c.name)).toEqual([
			'Astrid Lindqvist',
			'Dr. Jürgen Müller',
			'Søren Kierkegaard-Jensen',
			'Chidi Okafor',
			'Smith, Jr.; John'
		]);
	});
});

// ---------------------------------------------------------------------------------------------
// Single-line payloads (inline)
// ---------------------------------------------------------------------------------------------

const INLINE: [label: string, payload: string, expected: ParsedPayload][] = [
	// MECARD
	[
		'MECARD, full',
		'MECARD:N:Doe,Jane;TEL:+1-555-555-0100;EMAIL:Jane.Doe@Example.com;URL:https://janedoe.example;' +
			'NOTE:Met at booth 12;ADR:100 Main St,Springfield,IL,62701,USA;BDAY:19900101;;',
		contact('mecard', {
			name: 'Jane Doe',
			givenName: 'Jane',
			familyName: 'Doe',
			emails: ['jane.doe@example.com'],
			phones: ['+1-555-555-0100'],
			urls: ['https://janedoe.example/'],
			address: '100 Main St, Springfield, IL, 62701, USA',
			note: 'Met at booth 12'
		})
	],
	[
		'MECARD, escapes and SOUND',
		'MECARD:N:Smith\\, Jr.,John;SOUND:smith,john;URL:https\\://x.example/a\\;b;' +
			'NOTE:Ratio 3\\:1\\; see C\\:\\\\notes;;',
		contact('mecard', {
			name: 'John Smith, Jr.',
			givenName: 'John',
			familyName: 'Smith, Jr.',
			urls: ['https://x.example/a;b'],
			note: 'Ratio 3:1; see C:\\notes'
		})
	],
	[
		'MECARD, vendor keys CONF/TITLE/ORG',
		'MECARD:N:Tanaka,Hiro;ORG:Sakura Labs;TITLE:CTO;CONF:DevSummit 2025;EMAIL:hiro@sakura.example;;',
		contact('mecard', {
			name: 'Hiro Tanaka',
			givenName: 'Hiro',
			familyName: 'Tanaka',
			org: 'Sakura Labs',
			title: 'CTO',
			emails: ['hiro@sakura.example'],
			note: 'Conference: DevSummit 2025'
		})
	],
	[
		'MECARD, lower-case prefix and keys, N without comma',
		'mecard:n:Jane Doe;email:jane@example.com;tel:+44 7700 900123;tel-av:+447700900123;;',
		contact('mecard', {
			name: 'Jane Doe',
			emails: ['jane@example.com'],
			phones: ['+44 7700 900123']
		})
	],
	[
		'MECARD, hostile URL and mojibake name',
		'MECARD:N:GarcÃ­a,JosÃ©;URL:javascript:alert(1);URL:www.garcia.example;;',
		contact('mecard', {
			name: 'José García',
			givenName: 'José',
			familyName: 'García',
			urls: ['https://www.garcia.example/']
		})
	],
	['MECARD, nothing in it', 'MECARD:;;', unknown(EMPTY_CARD)],
	// BIZCARD
	[
		'BIZCARD',
		'BIZCARD:N:John;X:Smith;T:CTO;C:Acme Inc.;A:1 Infinite Loop, Cupertino;B:+1 408 555 0100;' +
			'M:+1 408 555 0199;F:+1 408 555 0111;E:John.Smith@Acme.example;;',
		contact('bizcard', {
			name: 'John Smith',
			givenName: 'John',
			familyName: 'Smith',
			org: 'Acme Inc.',
			title: 'CTO',
			emails: ['john.smith@acme.example'],
			phones: ['+1 408 555 0100', '+1 408 555 0199'],
			address: '1 Infinite Loop, Cupertino',
			note: 'Fax: +1 408 555 0111'
		})
	],
	// MATMSG, mailto, bare email
	[
		'MATMSG',
		'MATMSG:TO:Events@Acme.example;SUB:Hello;BODY:Nice to meet you\\; talk soon;;',
		contact('matmsg', { name: 'events@acme.example', emails: ['events@acme.example'] })
	],
	[
		'MATMSG without a valid address',
		'MATMSG:TO:not-an-address;SUB:x;;',
		unknown('This email code has no valid address in it.')
	],
	[
		'mailto with several addresses, subject and cc',
		'mailto:Jane@Example.com,jane.doe%40work.example?subject=Nice%20to%20meet%20you&cc=boss@example.com',
		contact('mailto', {
			name: 'jane@example.com',
			emails: ['jane@example.com', 'jane.doe@work.example']
		})
	],
	[
		'mailto with only a to= parameter and percent-encoded unicode',
		'MAILTO:?to=j%C3%B6rg%40example.de&body=hi',
		contact('mailto', { name: 'jörg@example.de', emails: ['jörg@example.de'] })
	],
	[
		'mailto with nothing valid',
		'mailto:?subject=hello',
		unknown('This email code has no valid address in it.')
	],
	[
		'bare email',
		'  Jane.Doe@Example.COM  ',
		contact('email', { name: 'jane.doe@example.com', emails: ['jane.doe@example.com'] })
	],
	[
		'email with display name',
		'"Doe, Jane" <Jane@X.example>',
		contact('email', { name: 'Doe, Jane', emails: ['jane@x.example'] })
	],
	// tel, sms, bare phones
	['tel', 'tel:+1-555-555-0100', contact('tel', { phones: ['+1-555-555-0100'] })],
	['TEL upper-case', 'TEL:+44 20 7946 0018', contact('tel', { phones: ['+44 20 7946 0018'] })],
	[
		'tel with extension and percent-encoding',
		'tel:+1%20555%20555%200100;ext=204;phone-context=example.com',
		contact('tel', { phones: ['+1 555 555 0100 ext. 204'] })
	],
	['tel without digits', 'tel:abc', unknown('This phone code has no valid number in it.')],
	[
		'SMSTO',
		'SMSTO:+15551234567:See you at the booth',
		contact('tel', { phones: ['+15551234567'] })
	],
	['sms', 'sms:+15551234567?body=hi', contact('tel', { phones: ['+15551234567'] })],
	['bare international phone', '+49 30 1234567', contact('tel', { phones: ['+49 30 1234567'] })],
	['bare national phone', '(415) 555-0100', contact('tel', { phones: ['(415) 555-0100'] })],
	// LinkedIn
	[
		'LinkedIn canonical',
		'https://www.linkedin.com/in/jane-doe',
		contact('url', { linkedin: 'https://www.linkedin.com/in/jane-doe' })
	],
	[
		'LinkedIn country subdomain',
		'https://de.linkedin.com/in/Max-Mustermann-4b2a1c',
		contact('url', { linkedin: 'https://www.linkedin.com/in/max-mustermann-4b2a1c' })
	],
	[
		'LinkedIn share query string',
		'https://www.linkedin.com/in/jane-doe-123abc?utm_source=share&utm_campaign=share_via&utm_content=profile&utm_medium=ios_app',
		contact('url', { linkedin: 'https://www.linkedin.com/in/jane-doe-123abc' })
	],
	[
		'LinkedIn without www or scheme, trailing slash',
		'linkedin.com/in/jane-doe/',
		contact('url', { linkedin: 'https://www.linkedin.com/in/jane-doe' })
	],
	[
		'LinkedIn with www, no scheme',
		'www.linkedin.com/in/Jane-Doe',
		contact('url', { linkedin: 'https://www.linkedin.com/in/jane-doe' })
	],
	[
		'LinkedIn percent-encoded slug',
		'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa-5a1b/',
		contact('url', { linkedin: 'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa-5a1b' })
	],
	[
		'LinkedIn over http, mobile host, tracking',
		'http://m.linkedin.com/in/jane-doe?trk=public_profile#about',
		contact('url', { linkedin: 'https://www.linkedin.com/in/jane-doe' })
	],
	[
		'LinkedIn company page is a plain link',
		'https://www.linkedin.com/company/acme-robotics/',
		contact('url', { urls: ['https://www.linkedin.com/company/acme-robotics/'] })
	],
	// Digital-card services and other URLs
	[
		'HiHello (hihello.me)',
		'https://hihello.me/p/7f1c2d3e-aaaa-bbbb-cccc-1234567890ab',
		contact('url', { urls: ['https://hihello.me/p/7f1c2d3e-aaaa-bbbb-cccc-1234567890ab'] })
	],
	[
		'HiHello (hihello.com)',
		'https://hihello.com/hi/janedoe',
		contact('url', { urls: ['https://hihello.com/hi/janedoe'] })
	],
	[
		'Popl',
		'https://popl.co/card/Ab3dE9/1',
		contact('url', { urls: ['https://popl.co/card/Ab3dE9/1'] })
	],
	[
		'Blinq (blinq.me)',
		'https://blinq.me/cl9xk2m0e00001',
		contact('url', { urls: ['https://blinq.me/cl9xk2m0e00001'] })
	],
	['Blinq (blinq.to)', 'blinq.to/jane', contact('url', { urls: ['https://blinq.to/jane'] })],
	[
		'Linktree without scheme',
		'linktr.ee/janedoe',
		contact('url', { urls: ['https://linktr.ee/janedoe'] })
	],
	[
		'organiser URL with a registration token',
		'https://events.example.org/attendee?token=eyJhbGciOiJIUzI1NiJ9.abc.def',
		contact('url', {
			urls: ['https://events.example.org/attendee?token=eyJhbGciOiJIUzI1NiJ9.abc.def']
		})
	],
	['bare www host', 'www.example.com', contact('url', { urls: ['https://www.example.com/'] })],
	[
		'URL with trailing punctuation',
		'<https://example.com/talks/keynote>.',
		contact('url', { urls: ['https://example.com/talks/keynote'] })
	],
	[
		'URL keeps a balanced parenthesis',
		'https://en.wikipedia.org/wiki/Foo_(bar)',
		contact('url', { urls: ['https://en.wikipedia.org/wiki/Foo_(bar)'] })
	],
	[
		'URL credentials are dropped',
		'https://user:secret@example.com/x',
		contact('url', { urls: ['https://example.com/x'] })
	],
	[
		'MEBKM bookmark',
		'MEBKM:TITLE:Jane;URL:http\\://jane.example;;',
		contact('url', { urls: ['http://jane.example/'] })
	],
	['URL to a dotless host', 'http://localhost:8080/', unknown(BAD_LINK)],
	// Delimited badge strings
	[
		'caret, full',
		'A7F3K2^Jane^Doe^Jane.Doe@Acme.example^VP Marketing^Acme Corp^Austin^TX^78701^+1 512 555 0100',
		contact('delimited', {
			name: 'Jane Doe',
			givenName: 'Jane',
			familyName: 'Doe',
			emails: ['jane.doe@acme.example'],
			title: 'VP Marketing',
			org: 'Acme Corp',
			address: 'Austin, TX 78701',
			phones: ['+1 512 555 0100']
		})
	],
	[
		'caret, short',
		'100234^Kwame^Mensah^kwame@example.gh',
		contact('delimited', {
			name: 'Kwame Mensah',
			givenName: 'Kwame',
			familyName: 'Mensah',
			emails: ['kwame@example.gh']
		})
	],
	[
		'caret, three fields only',
		'100235^Li^Wei',
		contact('delimited', { name: 'Li Wei', givenName: 'Li', familyName: 'Wei' })
	],
	[
		'caret, empty fields',
		'A1B2^Maria^^maria@example.com^^^^^^',
		contact('delimited', { name: 'Maria', givenName: 'Maria', emails: ['maria@example.com'] })
	],
	[
		'pipe with an email',
		'R-77|Kofi|Boateng|kofi@example.gh|Engineer|Accra Tech',
		contact('delimited', {
			name: 'Kofi Boateng',
			givenName: 'Kofi',
			familyName: 'Boateng',
			emails: ['kofi@example.gh'],
			title: 'Engineer',
			org: 'Accra Tech'
		})
	],
	[
		'tab with an email',
		'9981\tNina\tPetrova\tnina@example.bg\t\tSofia Labs',
		contact('delimited', {
			name: 'Nina Petrova',
			givenName: 'Nina',
			familyName: 'Petrova',
			emails: ['nina@example.bg'],
			org: 'Sofia Labs'
		})
	],
	[
		'pipe with the email elsewhere keeps email and phone only',
		'x|y|z|w|ops@example.com|+1 555 010 0199',
		contact('delimited', {
			name: 'ops@example.com',
			emails: ['ops@example.com'],
			phones: ['+1 555 010 0199']
		})
	],
	[
		'caret with the email in an unexpected column keeps it',
		'77^Omar^Haddad^^^Levant Labs^Amman^^^^omar@example.jo',
		contact('delimited', {
			name: 'Omar Haddad',
			givenName: 'Omar',
			familyName: 'Haddad',
			org: 'Levant Labs',
			address: 'Amman',
			emails: ['omar@example.jo']
		})
	],
	['caret emoticon in prose is not a badge', 'see you ^_^ later', unknown(PROSE)],
	['pipe without an email is not a card', 'ABC|123|XYZ', unknown(REGISTRATION)],
	['caret with only an id', '99812^^^^', unknown(REGISTRATION)],
	// Not contacts
	['Wi-Fi', 'WIFI:T:WPA;S:ConfGuest;P:hallway2025;;', unknown(WIFI)],
	['Wi-Fi lower-case', 'wifi:S:Hall;T:nopass;;', unknown(WIFI)],
	[
		'calendar event',
		'BEGIN:VEVENT\nSUMMARY:Keynote\nDTSTART:20250601T090000Z\nEND:VEVENT',
		unknown("This is a calendar entry, not a person's card.")
	],
	['geo', 'geo:52.5200,13.4050', unknown("This is a map location, not a person's card.")],
	['opaque id', 'J3NHHSZN2VK', unknown(REGISTRATION)],
	['UUID', '3f2c8a1e-9b7d-4c2a-8e6f-0a1b2c3d4e5f', unknown(REGISTRATION)],
	['ID$hex$ID', 'ID$4F2A9C0B7E11D3$ID', unknown(REGISTRATION)],
	['AT$hex$AT', 'AT$00A1B2C3D4E5F6$AT', unknown(REGISTRATION)],
	['numeric id', '004512339876', unknown(REGISTRATION)],
	['dotted token', 'badge.4471', unknown(REGISTRATION)],
	['empty', '', unknown(EMPTY)],
	['whitespace only', '  \r\n\t  ', unknown(EMPTY)],
	['NUL only', '\u0000\u0000', unknown(EMPTY)],
	['prose', 'Thanks for visiting our booth! Enjoy the conference.', unknown(PROSE)],
	['javascript: payload', 'javascript:alert(document.cookie)', unknown(SCHEME)],
	['data: payload', 'data:text/html,<script>alert(1)</script>', unknown(SCHEME)],
	['vbscript: payload', 'VBScript:MsgBox("hi")', unknown(SCHEME)],
	['file: payload', 'file:///etc/passwd', unknown(SCHEME)],
	['app deep link', 'myapp://open?card=123', unknown(SCHEME)]
];

describe('parsePayload: inline payloads', () => {
	it.each(INLINE)('%s', (_label, payload, expected) => {
		expect(parsePayload(payload)).toEqual(expected);
	});
});

describe('fixture count', () => {
	it('has at least 50 payloads with expectations', () => {
		expect(VCARD_FIXTURES.length + INLINE.length).toBeGreaterThanOrEqual(50);
	});
});

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

describe('phoneKey', () => {
	it.each([
		['+1 (415) 555-0100', '+14155550100'],
		['tel:+44-20-7946-0018', '+442079460018'],
		['0171 555 01 23', '01715550123'],
		['1+2', '12'],
		['+ext', ''],
		['', '']
	])('%s → %s', (input, expected) => {
		expect(phoneKey(input)).toBe(expected);
	});
});

describe('safeHttpUrl', () => {
	it.each([
		['https://example.com', 'https://example.com/'],
		['HTTP://Example.COM/Path?q=1#f', 'http://example.com/Path?q=1#f'],
		['www.example.com/a', 'https://www.example.com/a'],
		['//cdn.example.com/x', 'https://cdn.example.com/x'],
		['example.org:8443/app', 'https://example.org:8443/app'],
		['"https://example.com/a,b",', 'https://example.com/a,b'],
		['  https://example.com/x)  ', 'https://example.com/x'],
		// Lenient on purpose: a URL field holding a bare host means a website.
		['jane.doe', 'https://jane.doe/']
	])('accepts %s', (input, expected) => {
		expect(safeHttpUrl(input)).toBe(expected);
	});

	it.each([
		'javascript:alert(1)',
		' JaVaScRiPt:alert(1)',
		'java\nscript:alert(1)',
		'java\u0000script:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'vbscript:msgbox(1)',
		'file:///etc/passwd',
		'ftp://example.com/file',
		'mailto:jane@example.com',
		'https://exa mple.com',
		'http://localhost/',
		'https:///nohost',
		'not a url',
		'nodot',
		'badge.4471',
		'under_score.example',
		'',
		'https://' + 'a'.repeat(3000) + '.com'
	])('rejects %j', (input) => {
		expect(safeHttpUrl(input)).toBeUndefined();
	});
});

describe('canonicalLinkedIn', () => {
	it.each([
		['https://www.linkedin.com/in/jane-doe', 'https://www.linkedin.com/in/jane-doe'],
		['https://uk.linkedin.com/in/Jane-Doe/', 'https://www.linkedin.com/in/jane-doe'],
		['linkedin.com/in/jane-doe/details/experience/', 'https://www.linkedin.com/in/jane-doe'],
		[
			'https://www.linkedin.com/IN/jane-doe?originalSubdomain=fr',
			'https://www.linkedin.com/in/jane-doe'
		]
	])('%s', (input, expected) => {
		expect(canonicalLinkedIn(input)).toBe(expected);
	});

	it.each([
		'https://www.linkedin.com/company/acme',
		'https://www.linkedin.com/in/',
		'https://linkedin.com.evil.example/in/jane',
		'https://notlinkedin.com/in/jane',
		'javascript://www.linkedin.com/in/jane%0aalert(1)',
		'https://www.linkedin.com/in/%3Cscript%3E'
	])('rejects %s', (input) => {
		expect(canonicalLinkedIn(input)).toBeUndefined();
	});
});

describe('repairMojibake', () => {
	it.each([
		['JosÃ©', 'José'],
		['JosÃ© GarcÃ­a', 'José García'],
		['MÃ¼ller', 'Müller'],
		['FranÃ§ois', 'François'],
		['Â£100', '£100'],
		['â€œQuotedâ€\u009d Ã©', '“Quoted” é'],
		['JosÃƒÂ©', 'José']
	])('%s → %s', (input, expected) => {
		expect(repairMojibake(input)).toBe(expected);
	});

	it.each(['José', 'SÃO PAULO', 'Ã© 中文', 'plain ascii', 'Ã', '', 'â€œ no telltale'])(
		'leaves %j alone',
		(input) => {
			expect(repairMojibake(input)).toBe(input);
		}
	);
});

// Hostile 200 KB inputs must still come back: a quadratic path takes minutes on these, so the
// test's own timeout is the guard. Speed itself is measured by `npm run bench`, not here.
describe('hostile input of 200 KB', () => {
	const big = 200_000;
	it.each([
		['backslashes in a MECARD', 'MECARD:N:' + '\\'.repeat(big)],
		['QP equals signs', 'BEGIN:VCARD\nN;ENCODING=QUOTED-PRINTABLE:' + '=\n'.repeat(big / 2)],
		['semicolons in N', 'BEGIN:VCARD\nN:' + ';'.repeat(big)],
		['empty folds inside a header', 'BEGIN:VCARD\nTEL' + '\n '.repeat(big / 2) + '\nFN:x'],
		['folded lines', 'BEGIN:VCARD\nNOTE:x' + '\n x'.repeat(big / 3)],
		['orphan lines after NOTE', 'BEGIN:VCARD\nNOTE:x' + '\nplain'.repeat(big / 6)],
		['at signs', 'a@'.repeat(big / 2)],
		['carets', '^'.repeat(big)],
		['dots', '.'.repeat(big) + 'x'],
		['closing brackets in a URL', 'https://example.com/' + ')'.repeat(big)],
		['spaces then text', ' '.repeat(big) + 'x y'],
		['unterminated quote in params', 'BEGIN:VCARD\nTEL;TYPE="' + 'a;'.repeat(big / 2)]
	])(
		'%s',
		(_label, payload) => {
			expect(['contact', 'unknown']).toContain(parsePayload(payload).kind);
			expect(Array.isArray(parseVCards(payload))).toBe(true);
		},
		15_000
	);
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/** C0/C1 controls and bidi overrides/isolates, which no returned field may contain. */
function hasControl(value: string): boolean {
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
		if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true;
	}
	return false;
}

function checkCard(c: CardFields): void {
	for (const url of c.urls) expect(url).toMatch(/^https?:\/\//);
	if (c.linkedin !== undefined) expect(c.linkedin).toMatch(/^https:\/\/www\.linkedin\.com\/in\//);
	for (const email of c.emails) {
		expect(email).toBe(email.toLowerCase());
		expect(email).toContain('@');
	}
	expect(new Set(c.emails).size).toBe(c.emails.length);
	expect(new Set(c.phones.map(phoneKey)).size).toBe(c.phones.length);
	const single = [c.name, c.givenName, c.familyName, c.org, c.title, c.address, ...c.phones];
	for (const value of single) {
		if (value === undefined) continue;
		expect(value).toBe(value.trim());
		expect(hasControl(value)).toBe(false);
	}
	if (c.note !== undefined) expect(hasControl(c.note.replace(/\n/g, ''))).toBe(false);
}

function checkResult(result: ParsedPayload): void {
	if (result.kind === 'contact') checkCard(result.card);
	else expect(result.reason.length).toBeGreaterThan(0);
}

const anyChar = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

const FRAGMENTS = [
	'BEGIN:VCARD',
	'begin:vcard',
	'END:VCARD',
	'VERSION:2.1',
	'VERSION:4.0',
	'FN:',
	'N:',
	'ORG:',
	'TITLE:',
	'ROLE:',
	'NOTE:',
	'ADR;TYPE=work:',
	'LABEL:',
	'item1.URL:',
	'URL:',
	'TEL;CELL;VOICE:',
	'TEL;VALUE=uri;TYPE="voice,cell";PREF=1:tel:+1-',
	'TEL;TYPE=fax:',
	'EMAIL;TYPE=INTERNET,WORK:',
	'X-SOCIALPROFILE;type=linkedin;x-user=',
	'PHOTO;ENCODING=b:',
	'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:',
	'ORG;CHARSET=bogus;ENCODING=QUOTED-PRINTABLE:',
	'FN;ENCODING=b;CHARSET=utf-16le:',
	'=C3=',
	'=A9',
	'=',
	'\\',
	'\\n',
	'\\,',
	'\\;',
	'\\:',
	';',
	':',
	',',
	'"',
	'^',
	'|',
	'\t',
	'javascript:alert(1)',
	'data:text/html,x',
	'JaVaScRiPt:',
	'https://',
	'http://',
	'//',
	'www.',
	'linkedin.com/in/',
	'de.linkedin.com/in/%C3%A9',
	'hihello.me/p/',
	'mailto:',
	'tel:',
	'@',
	'.com',
	'Jane',
	'Doe',
	'JosÃ©',
	'Ã',
	'\u0000',
	'\u202e',
	'\ufeff',
	' '
];

const fragment = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
	{ weight: 1, arbitrary: fc.string({ unit: anyChar, maxLength: 12 }) }
);
const separator = fc.constantFrom('', '', '', '\r\n', '\n', '\r', '\r\n ', '\n\t', ';', ':');
const noisyBody = fc
	.array(fc.tuple(fragment, separator), { maxLength: 80 })
	.map((parts) => parts.map(([text, sep]) => text + sep).join(''));
const noisy = fc
	.tuple(
		fc.constantFrom(
			'BEGIN:VCARD\r\n',
			'begin:vcard\n',
			'MECARD:',
			'BIZCARD:',
			'mailto:',
			'tel:',
			''
		),
		noisyBody
	)
	.map(([prefix, body]) => prefix + body);

/** Realistic values, hostile values and structure-breaking characters, mixed. */
const VALUE_PARTS = [
	'Jane',
	'Doe',
	'José',
	'JosÃ©',
	'<img src=x onerror=alert(1)>',
	'jane@example.com',
	'JANE.DOE@EXAMPLE.COM',
	'mailto:jo@example.org',
	'https://example.com/a?b=c',
	'www.example.org',
	'https://de.linkedin.com/in/jane-doe/?utm_source=share',
	'linkedin.com/in/',
	'hihello.me/p/x',
	'javascript:alert(1)',
	'javascript://example.com/%0aalert(1)',
	'data:text/html,<b>x</b>',
	'tel:+1-555-555-0100',
	'+44 20 7946 0018',
	'=C3=A9',
	'=E9',
	'=\r\n',
	'\r\n ',
	'\\',
	'\\,',
	'\\;',
	'\\n',
	';',
	',',
	':',
	'\u0000',
	'\u202e',
	' '
];
const value = fc
	.array(
		fc.oneof(
			{ weight: 5, arbitrary: fc.constantFrom(...VALUE_PARTS) },
			{ weight: 1, arbitrary: fc.string({ unit: anyChar, maxLength: 8 }) }
		),
		{ maxLength: 5 }
	)
	.map((parts) => parts.join(''));

const vcardLine = fc
	.tuple(
		fc.constantFrom(
			'FN',
			'N',
			'ORG',
			'TITLE',
			'ROLE',
			'NOTE',
			'ADR',
			'LABEL',
			'URL',
			'item1.URL',
			'EMAIL',
			'email',
			'TEL',
			'X-SOCIALPROFILE',
			'X-LINKEDIN',
			'PHOTO',
			'X-ABLabel',
			'BEGIN',
			'END'
		),
		fc.constantFrom(
			'',
			';TYPE=INTERNET,WORK',
			';type=pref',
			';CELL;VOICE',
			';TYPE="voice,work"',
			';VALUE=uri;PREF=1',
			';ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8',
			';CHARSET=ISO-8859-1;QUOTED-PRINTABLE',
			';CHARSET=bogus;ENCODING=QUOTED-PRINTABLE',
			';ENCODING=b',
			';type=linkedin;x-user=jane-doe',
			';TYPE=fax',
			';TYPE="unterminated'
		),
		value
	)
	.map(([name, params, text]) => `${name}${params}:${text}`);

const vcardShaped = fc
	.tuple(
		fc.constantFrom('BEGIN:VCARD', 'begin:vcard', '\ufeffBEGIN:VCARD'),
		fc.constantFrom('VERSION:2.1', 'VERSION:3.0', 'VERSION:4.0', ''),
		fc.array(vcardLine, { maxLength: 15 }),
		fc.constantFrom('\r\n', '\n', '\r'),
		fc.boolean()
	)
	.map(([begin, version, lines, eol, ended]) =>
		[begin, version, ...lines, ...(ended ? ['END:VCARD'] : [])].join(eol)
	);

const mecardShaped = fc
	.tuple(
		fc.constantFrom('MECARD:', 'mecard:', 'BIZCARD:', 'MATMSG:', 'MEBKM:'),
		fc.array(
			fc.tuple(
				fc.constantFrom(
					'N',
					'SOUND',
					'TEL',
					'TEL-AV',
					'EMAIL',
					'URL',
					'NOTE',
					'ADR',
					'ORG',
					'TITLE',
					'CONF',
					'X',
					'T',
					'C',
					'A',
					'B',
					'M',
					'F',
					'E',
					'TO',
					'SUB'
				),
				value
			),
			{ maxLength: 10 }
		)
	)
	.map(([prefix, fields]) => prefix + fields.map(([k, v]) => `${k}:${v};`).join('') + ';');

const shaped = fc.oneof(vcardShaped, mecardShaped, noisy);

describe('properties', () => {
	it('never throws on arbitrary strings and returns only safe links', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string({ maxLength: 3000 }),
					fc.string({ unit: 'binary', maxLength: 3000 }),
					fc.string({ unit: anyChar, maxLength: 3000 })
				),
				(raw) => {
					checkResult(parsePayload(raw));
					parseVCards(raw).forEach(checkCard);
				}
			),
			{ numRuns: 2000 }
		);
	}, 120_000);

	it('never throws on vCard/MECARD-shaped strings and returns only safe links', () => {
		fc.assert(
			fc.property(shaped, (raw) => {
				checkResult(parsePayload(raw));
				parseVCards(raw).forEach(checkCard);
			}),
			{ numRuns: 3000 }
		);
	}, 120_000);

	it('helpers never throw and keep their contracts', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string({ unit: anyChar, maxLength: 300 }), fragment), (raw) => {
				const url = safeHttpUrl(raw);
				if (url !== undefined) expect(url).toMatch(/^https?:\/\//);
				const linkedin = canonicalLinkedIn(raw);
				if (linkedin !== undefined) expect(linkedin).toMatch(/^https:\/\/www\.linkedin\.com\/in\//);
				expect(phoneKey(raw)).toMatch(/^(\+?[0-9]+)?$/);
				expect(typeof repairMojibake(raw)).toBe('string');
			}),
			{ numRuns: 2000 }
		);
	}, 120_000);

	it('a dangerous scheme never survives, whatever follows it', () => {
		const dangerous = fc.constantFrom(
			'javascript',
			'JavaScript',
			'data',
			'vbscript',
			'file',
			'blob',
			'ftp'
		);
		// Authority-shaped rests (`javascript://host/…`) get past a host check: the scheme is the guard.
		const lead = fc.constantFrom('', '//', '//evil.example/', '//www.linkedin.com/in/', '///');
		const rest = fc.string({ unit: anyChar, maxLength: 60 });
		fc.assert(
			fc.property(dangerous, lead, rest, (scheme, authority, tail) => {
				const url = `${scheme}:${authority}${tail}`;
				expect(safeHttpUrl(url)).toBeUndefined();
				expect(canonicalLinkedIn(url)).toBeUndefined();
				checkResult(parsePayload(url));
				checkResult(parsePayload(`BEGIN:VCARD\nURL:${url}\nEND:VCARD`));
				checkResult(parsePayload(`MECARD:URL:${url};;`));
			}),
			{ numRuns: 2000 }
		);
	}, 120_000);

	it('repairMojibake undoes UTF-8 read as Latin-1', () => {
		const letters = fc.constantFrom(...'abcXYZ -éèüñçøåßÉÖæœŁőžñ€’中'.split(''));
		const accented = fc.constantFrom(...'éèüñçøåÉÖæ'.split(''));
		const text = fc
			.tuple(
				fc.string({ unit: letters, maxLength: 20 }),
				accented,
				fc.string({ unit: letters, maxLength: 20 })
			)
			.map(([a, b, c]) => a + b + c);
		fc.assert(
			fc.property(text, (original) => {
				let garbled = '';
				for (const byte of new TextEncoder().encode(original)) garbled += String.fromCharCode(byte);
				expect(repairMojibake(garbled)).toBe(original);
				expect(repairMojibake(original)).toBe(original);
			}),
			{ numRuns: 2000 }
		);
	}, 60_000);
});
