// Realistic QR payloads for the bench, from a seeded generator: the same seed gives the same
// payloads on every run and on every machine. Used in Node (parse throughput) and in the scan
// harness page (the badges' QR codes), so it is plain ESM with no Node or DOM imports.

/** @typedef {() => number} Rng A generator of floats in [0, 1). */
/** @typedef {'vcard3' | 'vcard21' | 'mecard' | 'url' | 'opaque'} PayloadKind */

/**
 * @typedef {object} Person
 * @property {string} given
 * @property {string} family
 * @property {string} slug ASCII, for addresses and profile links
 * @property {string} org
 * @property {string} domain
 * @property {string} title
 * @property {string} dept
 * @property {string} mobile
 * @property {string} work
 * @property {string} email
 * @property {string} email2
 * @property {string} linkedin
 * @property {{ street: string, city: string, postal: string, country: string }} adr
 * @property {string} note
 */

/**
 * mulberry32: a small, fast, well-distributed 32-bit generator.
 * @param {number} seed
 * @returns {Rng}
 */
export function seededRng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * @template T
 * @param {Rng} rng
 * @param {readonly T[]} items
 * @returns {T}
 */
export function pick(rng, items) {
	return /** @type {T} */ (items[Math.floor(rng() * items.length)]);
}

/**
 * @param {Rng} rng
 * @param {number} min
 * @param {number} max
 */
export function between(rng, min, max) {
	return min + (max - min) * rng();
}

/**
 * @param {Rng} rng
 * @param {number} n
 */
function digits(rng, n) {
	let out = '';
	for (let i = 0; i < n; i++) out += Math.floor(rng() * 10);
	return out;
}

/**
 * @param {Rng} rng
 * @param {number} n
 * @param {string} [alphabet]
 */
function token(rng, n, alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789') {
	let out = '';
	for (let i = 0; i < n; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
	return out;
}

/** [as written, ASCII slug] */
const GIVEN = /** @type {const} */ ([
	['José', 'jose'],
	['Zoë', 'zoe'],
	['Søren', 'soren'],
	['Łukasz', 'lukasz'],
	['Françoise', 'francoise'],
	['Jürgen', 'juergen'],
	['Kateřina', 'katerina'],
	['Ömer', 'oemer'],
	['Thảo', 'thao'],
	['Αλέξανδρος', 'alexandros'],
	['Мария', 'maria'],
	['美咲', 'misaki'],
	['Saoirse', 'saoirse'],
	['Çağla', 'cagla'],
	['Øystein', 'oystein'],
	['Inès', 'ines'],
	['Ágnes', 'agnes'],
	['João', 'joao'],
	['Aïcha', 'aicha'],
	['Mikołaj', 'mikolaj'],
	['Björn', 'bjorn'],
	['Priya', 'priya'],
	['Sam', 'sam']
]);

const FAMILY = /** @type {const} */ ([
	['Müller', 'mueller'],
	['García Márquez', 'garcia'],
	['Kowalczyk', 'kowalczyk'],
	['Ødegård', 'odegard'],
	['Núñez', 'nunez'],
	['Dvořák', 'dvorak'],
	['Şahin', 'sahin'],
	['Lefèvre', 'lefevre'],
	['Jóhannsdóttir', 'johannsdottir'],
	['Wiśniewska', 'wisniewska'],
	['Παπαδοπούλου', 'papadopoulou'],
	['Иванова', 'ivanova'],
	['山田', 'yamada'],
	['Nguyễn', 'nguyen'],
	['O’Connor', 'oconnor'],
	['van der Berg', 'vanderberg'],
	['Åberg', 'aberg'],
	['Schäfer', 'schaefer'],
	['Smith', 'smith']
]);

/** [organisation, domain, country calling code] */
const ORGS = /** @type {const} */ ([
	['Nordlicht Analytics GmbH', 'nordlicht.io', '+49'],
	['Café Société SAS', 'cafe-societe.fr', '+33'],
	['Łódź Robotics sp. z o.o.', 'lodzrobotics.pl', '+48'],
	['Øresund Biotech ApS', 'oresund-bio.dk', '+45'],
	['Ñandú Labs S.L.', 'nandu.es', '+34'],
	['Müller & Söhne KG', 'mueller-soehne.de', '+49'],
	['Kyōto Data K.K.', 'kyoto-data.jp', '+81'],
	['Bergström Design AB', 'bergstrom.se', '+46'],
	['Hallway Events Ltd', 'hallway.events', '+44'],
	['Acme Cloud, Inc.', 'acme.dev', '+1']
]);

const TITLES = [
	'Head of Platform Engineering',
	'Développeuse front-end senior',
	'Staff Product Designer',
	'Directora de Operaciones',
	'CTO & Co-founder',
	'Data Scientist, Forecasting',
	'Developer Advocate',
	'Principal Engineer; Payments',
	'Responsable marketing produit',
	'Engineering Manager — Mobile',
	'Geschäftsführerin'
];

const DEPTS = ['R&D', 'Platform', 'Growth', 'Développement', 'Sales EMEA', 'Forschung'];

const ADDRESSES = [
	{ street: 'Königstraße 12', city: 'Stuttgart', postal: '70173', country: 'Deutschland' },
	{ street: 'Rua Augusta 27, 3.º Esq.', city: 'Lisboa', postal: '1100-048', country: 'Portugal' },
	{ street: 'Calle de Alcalá 45', city: 'Madrid', postal: '28014', country: 'España' },
	{ street: 'ul. Piotrkowska 104', city: 'Łódź', postal: '90-926', country: 'Polska' },
	{ street: 'Strandvejen 5', city: 'København Ø', postal: '2100', country: 'Danmark' },
	{ street: '12 rue de la Paix', city: 'Paris', postal: '75002', country: 'France' },
	{ street: 'Drottninggatan 33', city: 'Stockholm', postal: '111 51', country: 'Sverige' }
];

const NOTES = [
	'Met at Hallway Summit — talked about offline sync, CRDTs and conflict resolution on flaky venue Wi-Fi.',
	'Speaker: «Designing for flaky networks», room B, 14:30. Wants the slides and the benchmark numbers.',
	'Hiring senior Svelte and Rust engineers; ask about the Berlin and Lisboa offices, remote is fine.',
	'Interested in a pilot for 3 events next spring. Follow up after the conference with pricing.',
	'Café chat about accessibility audits; recommended the WCAG 2.2 focus-appearance guidance.'
];

/**
 * @param {Rng} rng
 * @param {string} code
 */
function phone(rng, code) {
	switch (code) {
		case '+1':
			return `+1 (${digits(rng, 3)}) ${digits(rng, 3)}-${digits(rng, 4)}`;
		case '+44':
			return `+44 7${digits(rng, 3)} ${digits(rng, 6)}`;
		case '+49':
			return `+49 15${digits(rng, 1)} ${digits(rng, 4)} ${digits(rng, 4)}`;
		default:
			return `${code} ${digits(rng, 3)} ${digits(rng, 3)} ${digits(rng, 3)}`;
	}
}

/**
 * A person with everything a badge's card might say about them.
 * @param {Rng} rng
 * @returns {Person}
 */
export function person(rng) {
	const [given, givenSlug] = pick(rng, GIVEN);
	const [family, familySlug] = pick(rng, FAMILY);
	const [org, domain, code] = pick(rng, ORGS);
	const slug = `${givenSlug}.${familySlug}`;
	return {
		given,
		family,
		slug,
		org,
		domain,
		title: pick(rng, TITLES),
		dept: pick(rng, DEPTS),
		mobile: phone(rng, code),
		work: phone(rng, code),
		email: `${slug}@${domain}`,
		email2: `${givenSlug}${digits(rng, 2)}@gmail.com`,
		linkedin: `https://www.linkedin.com/in/${givenSlug}-${familySlug}-${token(rng, 6, '0123456789abcdef')}`,
		adr: pick(rng, ADDRESSES),
		note: pick(rng, NOTES)
	};
}

const encoder = new TextEncoder();

/** @param {string} s */
export function utf8Length(s) {
	return encoder.encode(s).length;
}

/** vCard 3.0 text escaping. @param {string} s */
function esc(s) {
	return s
		.replace(/\\/g, '\\\\')
		.replace(/\n/g, '\\n')
		.replace(/([,;])/g, '\\$1');
}

/**
 * Folds a content line at 75 octets, on character boundaries (RFC 2425).
 * @param {string} line
 */
function fold(line) {
	const out = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = utf8Length(char);
		if (octets + size > 75) {
			out.push(current);
			current = ' ';
			octets = 1;
		}
		current += char;
		octets += size;
	}
	out.push(current);
	return out.join('\r\n');
}

/**
 * Quoted-printable as phones write vCard 2.1: every non-ASCII byte (and `=`) escaped, soft line
 * breaks (`=` CRLF) keeping lines under 76 characters.
 * @param {string} s
 * @param {number} used characters already on the first line (the property name)
 */
function qp(s, used) {
	let out = '';
	let column = used;
	for (const byte of encoder.encode(s)) {
		const piece =
			byte >= 33 && byte <= 126 && byte !== 61
				? String.fromCharCode(byte)
				: byte === 32
					? ' '
					: `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
		if (column + piece.length > 75) {
			out += '=\r\n';
			column = 0;
		}
		out += piece;
		column += piece.length;
	}
	return out;
}

/**
 * Fits a card between min and max UTF-8 bytes: required lines, then optional ones in the given
 * order while they fit, then (when still short) a NOTE cut to length.
 * @param {string[]} head
 * @param {string[]} optional
 * @param {string} note
 * @param {(text: string) => string} noteLine
 * @param {number} min
 * @param {number} max
 */
function fit(head, optional, note, noteLine, min, max) {
	const end = 'END:VCARD';
	const size = (/** @type {string[]} */ lines) => utf8Length([...lines, end].join('\r\n'));
	const lines = [...head];
	for (const line of optional) if (size([...lines, line]) <= max) lines.push(line);
	if (size(lines) < min) {
		let text = note;
		while (text.length < 4 * max) text += ' ' + note;
		// Longest prefix of the note that keeps the card within max.
		let lo = 0;
		let hi = text.length;
		while (lo < hi) {
			const mid = Math.ceil((lo + hi) / 2);
			if (size([...lines, noteLine(text.slice(0, mid).trimEnd())]) <= max) lo = mid;
			else hi = mid - 1;
		}
		if (lo > 0) lines.push(noteLine(text.slice(0, lo).trimEnd()));
	}
	return [...lines, end].join('\r\n');
}

/**
 * @template T
 * @param {Rng} rng
 * @param {T[]} items
 * @returns {T[]}
 */
function shuffled(rng, items) {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		[out[i], out[j]] = [/** @type {T} */ (out[j]), /** @type {T} */ (out[i])];
	}
	return out;
}

/**
 * A vCard 3.0 of a conference badge, between min and max UTF-8 bytes.
 * @param {Rng} rng
 * @param {Person} p
 * @param {number} min
 * @param {number} max
 */
export function vcard3(rng, p, min = 300, max = 600) {
	const { adr } = p;
	const head = [
		'BEGIN:VCARD',
		'VERSION:3.0',
		`N:${esc(p.family)};${esc(p.given)};;;`,
		fold(`FN:${esc(`${p.given} ${p.family}`)}`),
		fold(`ORG:${esc(p.org)};${esc(p.dept)}`),
		fold(`TITLE:${esc(p.title)}`),
		`TEL;TYPE=CELL,VOICE:${p.mobile}`,
		`EMAIL;TYPE=INTERNET,WORK:${p.email}`
	];
	const optional = shuffled(rng, [
		`TEL;TYPE=WORK,VOICE:${p.work}`,
		`URL:https://${p.domain}/`,
		fold(`X-SOCIALPROFILE;TYPE=linkedin:${p.linkedin}`),
		fold(`ADR;TYPE=WORK:;;${esc(adr.street)};${esc(adr.city)};;${adr.postal};${esc(adr.country)}`),
		`EMAIL;TYPE=INTERNET,HOME:${p.email2}`,
		'CATEGORIES:Hallway Summit,Speaker'
	]);
	return fit(head, optional, p.note, (text) => fold(`NOTE:${esc(text)}`), min, max);
}

/**
 * A vCard 2.1 as older phones export it: non-ASCII values quoted-printable with soft breaks.
 * @param {Rng} rng
 * @param {Person} p
 * @param {number} min
 * @param {number} max
 */
export function vcard21(rng, p, min = 300, max = 600) {
	const { adr } = p;
	const qpLine = (/** @type {string} */ name, /** @type {string} */ value) => {
		const prefix = `${name};CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:`;
		return prefix + qp(value, prefix.length);
	};
	const head = [
		'BEGIN:VCARD',
		'VERSION:2.1',
		qpLine('N', `${p.family};${p.given};;;`),
		qpLine('FN', `${p.given} ${p.family}`),
		qpLine('ORG', p.org),
		qpLine('TITLE', p.title),
		`TEL;CELL;PREF:${p.mobile}`,
		`EMAIL;INTERNET:${p.email}`
	];
	const optional = shuffled(rng, [
		`TEL;WORK;VOICE:${p.work}`,
		`URL:https://${p.domain}/`,
		qpLine('ADR;WORK', `;;${adr.street};${adr.city};;${adr.postal};${adr.country}`),
		`URL;WORK:${p.linkedin}`
	]);
	return fit(head, optional, p.note, (text) => qpLine('NOTE', text), min, max);
}

/** MECARD escaping. @param {string} s */
function mesc(s) {
	return s.replace(/([\\;:,"])/g, '\\$1');
}

/**
 * @param {Rng} rng
 * @param {Person} p
 */
export function mecard(rng, p) {
	const fields = [
		`N:${mesc(p.family)},${mesc(p.given)}`,
		`TEL:${p.mobile.replace(/[^+\d]/g, '')}`,
		`EMAIL:${p.email}`,
		`ORG:${mesc(p.org)}`
	];
	if (rng() < 0.7) fields.push(`URL:${mesc(`https://${p.domain}/`)}`);
	if (rng() < 0.4) fields.push(`ADR:${mesc(`${p.adr.street}, ${p.adr.postal} ${p.adr.city}`)}`);
	if (rng() < 0.3) fields.push(`NOTE:${mesc(p.note)}`);
	return `MECARD:${fields.join(';')};;`;
}

/**
 * @param {Rng} rng
 * @param {Person} p
 */
export function url(rng, p) {
	switch (Math.floor(rng() * 4)) {
		case 0:
			return p.linkedin;
		case 1:
			return `https://hihello.me/p/${token(rng, 8, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
		case 2:
			return `https://${p.domain}/team/${p.slug}?utm_source=badge&utm_medium=qr&utm_campaign=hallway-2025`;
		default:
			return `https://${p.domain}/`;
	}
}

/** @param {Rng} rng */
export function opaqueId(rng) {
	switch (Math.floor(rng() * 4)) {
		case 0:
			return `REG-${token(rng, 10)}`;
		case 1: {
			const hex = token(rng, 32, '0123456789abcdef');
			return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
		}
		case 2:
			return digits(rng, 12);
		default:
			return `HW25-${digits(rng, 5)}-${token(rng, 3)}`;
	}
}

/** The share of each kind in the parse mix. */
export const MIX = /** @type {const} */ ([
	['vcard3', 0.4],
	['vcard21', 0.15],
	['mecard', 0.15],
	['url', 0.15],
	['opaque', 0.15]
]);

/**
 * @typedef {object} Payload
 * @property {PayloadKind} kind
 * @property {string} text
 * @property {string} [name] the display name a reader should find, for vCards and MECARDs
 */

/**
 * A seeded mix of scanned payloads, in the shares of {@link MIX}, shuffled.
 * @param {number} seed
 * @param {number} count
 * @returns {Payload[]}
 */
export function payloadMix(seed, count) {
	const rng = seededRng(seed);
	/** @type {Payload[]} */
	const out = [];
	for (const [kind, share] of MIX) {
		for (let i = 0; i < Math.round(count * share); i++) {
			const p = person(rng);
			const name = `${p.given} ${p.family}`;
			if (kind === 'vcard3') out.push({ kind, text: vcard3(rng, p), name });
			else if (kind === 'vcard21') out.push({ kind, text: vcard21(rng, p), name });
			else if (kind === 'mecard') out.push({ kind, text: mecard(rng, p), name });
			else if (kind === 'url') out.push({ kind, text: url(rng, p) });
			else out.push({ kind, text: opaqueId(rng) });
		}
	}
	return shuffled(rng, out);
}

/**
 * The card on a badge's QR code: vCard 3.0 (four in five) or 2.1, 300-600 UTF-8 bytes.
 * @param {Rng} rng
 * @returns {{ text: string, person: Person }}
 */
export function badgeCard(rng) {
	const p = person(rng);
	const min = 300;
	const max = Math.round(between(rng, 330, 600));
	return { text: rng() < 0.8 ? vcard3(rng, p, min, max) : vcard21(rng, p, min, max), person: p };
}
