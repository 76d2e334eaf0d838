/**
 * QR payload parser for Hallway's capture flow.
 *
 * Turns the text inside a scanned QR code (or a pasted or imported vCard file) into the fields of a
 * contact. Recognised: vCard 2.1 / 3.0 / 4.0, MECARD, BIZCARD, MATMSG, MEBKM, mailto:, tel:, sms:,
 * bare email addresses and phone numbers, http(s) links (LinkedIn profiles and digital-card
 * services included) and the caret-delimited strings some badge printers encode. Anything else
 * comes back as `{ kind: 'unknown', reason }` with a sentence the UI can show as is.
 *
 * Constraints this module keeps:
 * - Pure and portable: it only relies on `URL`, `TextDecoder` and `atob`, which Node and every
 *   browser Hallway supports provide. No DOM, storage or framework imports.
 * - Never throws: scanned text is untrusted, and an exception would lose the capture.
 * - Linear time: scanning happens in loops; the few regular expressions cannot backtrack
 *   quadratically on a hostile 3 KB payload.
 * - Safe output: the only URLs it returns are http(s); text fields are returned literally (markup
 *   included) and stripped of control characters. Rendering them as text is the UI's job.
 */

/** The contact fields Hallway can read out of a payload. Every string is trimmed. */
export interface CardFields {
	/** Display name: FN, else composed from N, else the organisation, else the first email, else ''. */
	name: string;
	givenName?: string;
	familyName?: string;
	org?: string;
	title?: string;
	/** Lower-cased and de-duplicated, preferred address first. */
	emails: string[];
	/** As written (trimmed), de-duplicated by {@link phoneKey}, preferred number first. */
	phones: string[];
	/** http(s) only, normalised by {@link safeHttpUrl}; a LinkedIn profile goes to `linkedin`. */
	urls: string[];
	/** Canonical `https://www.linkedin.com/in/<slug>`. */
	linkedin?: string;
	/** A readable single line. */
	address?: string;
	/** May span several lines. */
	note?: string;
}

/** What a scanned payload turned out to be. */
export type ParsedPayload =
	| {
			kind: 'contact';
			format:
				| 'vcard'
				| 'mecard'
				| 'bizcard'
				| 'matmsg'
				| 'mailto'
				| 'tel'
				| 'email'
				| 'url'
				| 'delimited';
			card: CardFields;
	  }
	| { kind: 'unknown'; reason: string };

type ContactFormat = Extract<ParsedPayload, { kind: 'contact' }>['format'];

const REASON = {
	empty: 'The code is empty.',
	unreadable: 'This code could not be read.',
	wifi: "This is a Wi-Fi network code, not a person's card.",
	calendar: "This is a calendar entry, not a person's card.",
	geo: "This is a map location, not a person's card.",
	scheme: "This is a link of a kind Hallway doesn't open, not a person's card.",
	badLink: "This link can't be opened safely, so it wasn't kept.",
	badEmail: 'This email code has no valid address in it.',
	badPhone: 'This phone code has no valid number in it.',
	emptyCard: 'This contact card has no readable details.',
	registration:
		"An event registration code: it can't be read offline. Kept so you can add the person by hand.",
	prose: "This text doesn't look like a contact card."
} as const;

const MAX_FIELD = 500;
const MAX_NOTE = 10_000;
const MAX_URL = 2048;
/** vCard 4.0 PREF runs 1..100 (1 = most preferred); anything without a preference sorts after. */
const NO_PREF = 101;

/** Hosts of digital business-card services: a link to one is a person's card with no fields. */
const CARD_SERVICE_HOSTS = [
	'hihello.me',
	'hihello.com',
	'popl.co',
	'blinq.me',
	'blinq.to',
	'linktr.ee',
	'beacons.ai',
	'bio.link',
	'about.me',
	'v1ce.co',
	'ovou.com',
	'dot.cards',
	'tapt.io',
	'mobilocard.com',
	'taplink.cc'
];

/** Top-level domains common enough that a bare `name.tld` with no path is read as a website. */
const COMMON_TLDS = new Set(
	(
		'com org net io co me dev app ai info biz eu de uk fr nl es it ch at se no dk fi pl be pt ie ' +
		'ca us au nz in jp cn br mx link page site online tech ee to so cards xyz'
	).split(' ')
);

/** Schemes that are clearly not a person's card; reported as such rather than as an id. */
const OTHER_SCHEMES = new Set(
	(
		'javascript data vbscript file blob about ftp sftp ssh intent market itms-apps otpauth bitcoin ' +
		'ethereum lightning upi whatsapp tg skype facetime facetime-audio spotify zoommtg msteams ' +
		'slack webcal content chrome android-app'
	).split(' ')
);

/** UTF-8 read as windows-1252 turns bytes 0x80-0x9F into these characters; map them back. */
const CP1252_BYTES: ReadonlyMap<number, number> = new Map([
	[0x20ac, 0x80],
	[0x201a, 0x82],
	[0x0192, 0x83],
	[0x201e, 0x84],
	[0x2026, 0x85],
	[0x2020, 0x86],
	[0x2021, 0x87],
	[0x02c6, 0x88],
	[0x2030, 0x89],
	[0x0160, 0x8a],
	[0x2039, 0x8b],
	[0x0152, 0x8c],
	[0x017d, 0x8e],
	[0x2018, 0x91],
	[0x2019, 0x92],
	[0x201c, 0x93],
	[0x201d, 0x94],
	[0x2022, 0x95],
	[0x2013, 0x96],
	[0x2014, 0x97],
	[0x02dc, 0x98],
	[0x2122, 0x99],
	[0x0161, 0x9a],
	[0x203a, 0x9b],
	[0x0153, 0x9c],
	[0x017e, 0x9e],
	[0x0178, 0x9f]
]);

const CP1252_CHARS: ReadonlyMap<number, number> = new Map(
	[...CP1252_BYTES].map(([char, byte]) => [byte, char])
);

// ---------------------------------------------------------------------------------------------
// Public helpers
// ---------------------------------------------------------------------------------------------

/**
 * Parses the text of a scanned QR code (or pasted text) into a contact.
 *
 * @param raw Any string: vCard, MECARD, BIZCARD, MATMSG, MEBKM, mailto:, tel:, sms:, a URL, an
 *   email address, a phone number, a caret/pipe/tab-delimited badge string, or anything else.
 * @returns `{ kind: 'contact', format, card }` when a person can be read out of it; for a payload
 *   holding several vCards, the first card with a name (else the first with any detail). Otherwise
 *   `{ kind: 'unknown', reason }`, where `reason` is a sentence for the user (Wi-Fi codes, calendar
 *   entries, opaque registration ids, empty or unreadable text). Never throws, whatever the input.
 */
export function parsePayload(raw: string): ParsedPayload {
	try {
		return dispatch(raw);
	} catch {
		return unknown(REASON.unreadable);
	}
}

/**
 * Reads every vCard in a payload or a .vcf file.
 *
 * @param raw Text holding zero or more `BEGIN:VCARD` … `END:VCARD` blocks (2.1, 3.0 or 4.0; CRLF,
 *   LF or lone-CR line endings; an optional BOM). A final card without `END:VCARD` is still read.
 * @returns One entry per card that has at least one readable detail, in file order; cards with
 *   nothing readable are left out. Returns `[]` for anything else. Never throws.
 */
export function parseVCards(raw: string): CardFields[] {
	try {
		if (typeof raw !== 'string') return [];
		return readVCards(sanitiseInput(raw))
			.map((builder) => builder.build())
			.filter(hasContent);
	} catch {
		return [];
	}
}

/**
 * The comparison key of a phone number: its ASCII digits, with a leading '+' when the number
 * starts with one. `'+1 (415) 555-0100'` → `'+14155550100'`.
 *
 * @param phone Any string, typically a phone number as written.
 * @returns The key, or '' when there is no digit (or the input is not a string). Never throws.
 */
export function phoneKey(phone: string): string {
	try {
		if (typeof phone !== 'string') return '';
		let digits = '';
		let plus = false;
		for (let i = 0; i < phone.length; i++) {
			const ch = phone.charAt(i);
			if (ch >= '0' && ch <= '9') digits += ch;
			else if (ch === '+' && digits === '') plus = true;
		}
		if (!digits) return '';
		return plus ? '+' + digits : digits;
	} catch {
		return '';
	}
}

/**
 * Normalises a link to an http(s) URL, or refuses it.
 *
 * Accepts `http://` and `https://` URLs, protocol-relative `//host/…`, and scheme-less
 * `host.tld/…` (upgraded to https). Surrounding angle brackets, quotes and trailing sentence
 * punctuation are trimmed; credentials (`user:pass@`) are dropped.
 *
 * @param url Untrusted text.
 * @returns The normalised href, or `undefined` for any other scheme (`javascript:`, `data:`,
 *   `vbscript:`, `file:` …), text with spaces inside, a host without a dot, or anything unparsable.
 *   Never throws.
 */
export function safeHttpUrl(url: string): string | undefined {
	try {
		if (typeof url !== 'string') return undefined;
		let s = stripControls(url, false).trim();
		if (!s || s.length > MAX_URL * 2) return undefined;
		s = trimUrlPunctuation(s);
		if (!s || s.length > MAX_URL || /\s/.test(s)) return undefined;

		const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(s)?.[1]?.toLowerCase();
		if (scheme === 'http' || scheme === 'https') {
			// Keep as is: the URL parser below does the normalising.
		} else if (s.startsWith('//')) {
			s = 'https:' + s;
		} else if (looksLikeBareHost(s)) {
			// Also covers `host.tld:8080/…`, which the scheme pattern above mistakes for a scheme.
			s = 'https://' + s;
		} else {
			return undefined;
		}

		const parsed = new URL(s);
		if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
		const host = parsed.hostname;
		if (!host || host.endsWith('.') || (!host.includes('.') && !host.startsWith('['))) {
			return undefined;
		}
		parsed.username = '';
		parsed.password = '';
		return parsed.href.length > MAX_URL ? undefined : parsed.href;
	} catch {
		return undefined;
	}
}

/**
 * Recognises a LinkedIn member profile and returns its canonical form.
 *
 * Accepts `https://www.linkedin.com/in/<slug>` and its variants: http, no scheme, no `www`,
 * country or mobile subdomains (`de.linkedin.com`, `m.linkedin.com`), trailing slashes, extra
 * path segments, share query strings and fragments, percent-encoded slugs.
 *
 * @param url Untrusted text.
 * @returns `https://www.linkedin.com/in/<slug>` with the slug lower-cased and percent-encoded, or
 *   `undefined` when the text is not a LinkedIn profile link (company pages included). Never
 *   throws.
 */
export function canonicalLinkedIn(url: string): string | undefined {
	try {
		const href = safeHttpUrl(url);
		if (!href) return undefined;
		const parsed = new URL(href);
		if (!isLinkedInHost(parsed.hostname.toLowerCase())) return undefined;
		const segments = parsed.pathname.split('/').filter((segment) => segment !== '');
		const section = segments[0];
		const rawSlug = segments[1];
		if (section?.toLowerCase() !== 'in' || rawSlug === undefined) return undefined;
		return linkedInFromSlug(decodeEscapes(rawSlug, '%', 'utf-8'));
	} catch {
		return undefined;
	}
}

/**
 * Repairs UTF-8 text that was decoded as Latin-1 / windows-1252 (`JosÃ©` → `José`).
 *
 * Only repairs when it is unambiguous: the text contains a telltale `Ã` or `Â` followed by a
 * character standing for a UTF-8 continuation byte, every character maps back to a single byte,
 * and those bytes are valid UTF-8. Text repaired twice over (`JosÃƒÂ©`) is repaired in up to three
 * passes.
 *
 * @param s Any string.
 * @returns The repaired text, or `s` unchanged when no unambiguous repair exists ('' for a
 *   non-string). Never throws.
 */
export function repairMojibake(s: string): string {
	if (typeof s !== 'string') return '';
	try {
		let current = s;
		for (let pass = 0; pass < 3; pass++) {
			const next = repairOnce(current);
			if (next === undefined) break;
			current = next;
		}
		return current;
	} catch {
		return s;
	}
}

// ---------------------------------------------------------------------------------------------
// Dispatch
// ---------------------------------------------------------------------------------------------

function unknown(reason: string): ParsedPayload {
	return { kind: 'unknown', reason };
}

function contact(format: ContactFormat, card: CardFields): ParsedPayload {
	return hasContent(card) ? { kind: 'contact', format, card } : unknown(REASON.emptyCard);
}

function dispatch(raw: unknown): ParsedPayload {
	if (typeof raw !== 'string') return unknown(REASON.unreadable);
	const text = sanitiseInput(raw).trim();
	if (!text) return unknown(REASON.empty);
	const lower = text.toLowerCase();

	if (lower.includes('begin:vcard')) return fromVCards(text);
	if (/^begin:v(calendar|event|todo|journal)/.test(lower)) return unknown(REASON.calendar);
	if (lower.startsWith('mecard:')) return fromMecard(text.slice(7));
	if (lower.startsWith('bizcard:')) return fromBizcard(text.slice(8));
	if (lower.startsWith('matmsg:')) return fromMatmsg(text.slice(7));
	if (lower.startsWith('mebkm:')) return fromMebkm(text.slice(6));
	if (lower.startsWith('wifi:')) return unknown(REASON.wifi);
	if (lower.startsWith('mailto:')) return fromMailto(text.slice(7));
	if (lower.startsWith('tel:')) return fromTel(text);
	if (/^(smsto|mmsto|sms|mms):/.test(lower)) return fromSms(text);
	if (lower.startsWith('geo:')) return unknown(REASON.geo);

	const singleToken = !/\s/.test(text);
	// Links are often copied with their surrounding brackets or the sentence's full stop.
	const linkLike = singleToken ? trimUrlPunctuation(lower) : '';
	if (linkLike && (/^https?:/.test(linkLike) || isLikelyBareUrl(linkLike))) {
		const href = safeHttpUrl(text);
		return href ? fromUrl(href) : unknown(REASON.badLink);
	}
	const scheme = /^([a-z][a-z0-9+.-]{0,31}):/.exec(lower);
	if (scheme?.[1] !== undefined) {
		const rest = lower.slice(scheme[0].length);
		if (OTHER_SCHEMES.has(scheme[1]) || rest.startsWith('//')) return unknown(REASON.scheme);
	}

	const delimited = fromDelimited(text);
	if (delimited) return delimited;
	if (text.includes('@')) {
		const email = fromBareEmail(text);
		if (email) return email;
	}
	if (looksLikeBarePhone(text)) {
		const builder = new CardBuilder();
		builder.addPhone(text);
		return contact('tel', builder.build());
	}
	if (singleToken) return unknown(REASON.registration);
	return unknown(REASON.prose);
}

// ---------------------------------------------------------------------------------------------
// vCard
// ---------------------------------------------------------------------------------------------

interface VParams {
	types: string[];
	encoding?: string;
	charset?: string;
	pref: number;
	xUser?: string;
}

interface VProperty {
	/** Upper-cased, group prefix removed. */
	name: string;
	params: VParams;
	/** Raw: still encoded and escaped. */
	value: string;
}

/** Properties the parser reads; anything else is skipped before any decoding work. */
const VCARD_READ = new Set([
	'FN',
	'N',
	'ORG',
	'TITLE',
	'ROLE',
	'EMAIL',
	'TEL',
	'URL',
	'X-SOCIALPROFILE',
	'X-LINKEDIN',
	'ADR',
	'LABEL',
	'NOTE'
]);

function fromVCards(text: string): ParsedPayload {
	const cards = readVCards(text).map((builder) => builder.build());
	const chosen = cards.find((card) => card.name !== '') ?? cards.find(hasContent);
	return chosen ? contact('vcard', chosen) : unknown(REASON.emptyCard);
}

function readVCards(text: string): CardBuilder[] {
	const cards: CardBuilder[] = [];
	let current: CardBuilder | undefined;
	let lastName = '';
	for (const line of unfoldVCard(text)) {
		const prop = parseVCardLine(line);
		if (!prop) {
			// Some generators put raw line breaks in NOTE instead of `\n`: keep those lines.
			if (current && lastName === 'NOTE' && line.trim()) current.addNote(line);
			continue;
		}
		// Only BEGIN/END values are compared: upper-casing a 30 KB PHOTO would be wasted work.
		const marker =
			prop.name === 'BEGIN' || prop.name === 'END' ? prop.value.trim().toUpperCase() : '';
		if (prop.name === 'BEGIN' && marker === 'VCARD') {
			// A nested BEGIN (2.1 AGENT) starts a new card rather than being merged into this one.
			current = new CardBuilder();
			cards.push(current);
			lastName = '';
			continue;
		}
		if (prop.name === 'END' && marker === 'VCARD') {
			current = undefined;
			continue;
		}
		if (!current) continue;
		lastName = prop.name;
		try {
			applyVCardProperty(current, prop);
		} catch {
			// One malformed property must not cost the rest of the card.
		}
	}
	return cards;
}

/**
 * Joins physical lines into logical ones: RFC folding (a line starting with a space or tab
 * continues the previous one, minus that character) and vCard 2.1 quoted-printable soft breaks
 * (`=` at the end of a line, continuation not indented).
 */
function unfoldVCard(text: string): string[] {
	const physical = text.split(/\r\n|\r|\n/);
	const logical: string[] = [];
	let parts: string[] = [];
	let quotedPrintable = false;
	let headerSeen = false;
	let header = '';

	// The header can itself be folded, so keep reading pieces until its colon has arrived. Only
	// the new piece is scanned: re-joining every part would be quadratic on many empty folds.
	const inspect = (piece: string): void => {
		const colon = piece.indexOf(':');
		if (colon === -1) {
			header += piece;
			if (header.length > 2000) headerSeen = true;
			return;
		}
		headerSeen = true;
		quotedPrintable = /quoted-printable/i.test(header + piece.slice(0, colon));
	};

	const flush = (): void => {
		if (parts.length > 0) logical.push(parts.join(''));
		parts = [];
		quotedPrintable = false;
		headerSeen = false;
		header = '';
	};

	for (const line of physical) {
		const last = parts[parts.length - 1];
		if (last !== undefined && quotedPrintable && last.endsWith('=') && !isEndVCard(line)) {
			// A QP continuation keeps any leading space: it is content, not folding.
			parts[parts.length - 1] = last.slice(0, -1);
			parts.push(line);
			continue;
		}
		const first = line.charAt(0);
		if (last !== undefined && (first === ' ' || first === '\t')) {
			const piece = line.slice(1);
			parts.push(piece);
			if (!headerSeen) inspect(piece);
			continue;
		}
		flush();
		parts.push(line);
		inspect(line);
	}
	flush();
	return logical;
}

function isEndVCard(line: string): boolean {
	return line.trim().toUpperCase() === 'END:VCARD';
}

/** Splits `group.NAME;param;param:value`, honouring quoted parameter values that contain `:`. */
function parseVCardLine(line: string): VProperty | undefined {
	const n = line.length;
	let i = 0;
	while (i < n) {
		const ch = line.charAt(i);
		if (ch === ';' || ch === ':') break;
		i++;
	}
	if (i >= n) return undefined;
	const fullName = line.slice(0, i).trim();
	if (fullName.length === 0 || fullName.length > 120) return undefined;
	if (!/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*$/.test(fullName)) return undefined;
	const name = fullName.slice(fullName.lastIndexOf('.') + 1).toUpperCase();

	const params: VParams = { types: [], pref: NO_PREF };
	while (line.charAt(i) === ';') {
		i++;
		const start = i;
		let inQuotes = false;
		while (i < n) {
			const ch = line.charAt(i);
			if (ch === '"') inQuotes = !inQuotes;
			else if (!inQuotes && (ch === ';' || ch === ':')) break;
			i++;
		}
		if (i >= n) {
			// Unbalanced quote: fall back to the first colon after this parameter.
			const colon = line.indexOf(':', start);
			if (colon === -1) return undefined;
			addVCardParam(params, line.slice(start, colon));
			i = colon;
			break;
		}
		addVCardParam(params, line.slice(start, i));
	}
	return { name, params, value: line.slice(i + 1) };
}

function addVCardParam(params: VParams, raw: string): void {
	const eq = raw.indexOf('=');
	const key = (eq === -1 ? raw : raw.slice(0, eq)).trim().toUpperCase();
	if (eq === -1) {
		// vCard 2.1 bare parameters: `TEL;CELL;VOICE:`, `NOTE;QUOTED-PRINTABLE:`, `TEL;PREF:`.
		const bare = key.toLowerCase();
		if (!bare) return;
		if (bare === 'quoted-printable' || bare === 'base64') params.encoding = bare;
		else if (bare === 'pref') params.pref = 1;
		else params.types.push(bare);
		return;
	}
	const value = unquote(raw.slice(eq + 1).trim());
	switch (key) {
		case 'TYPE':
			for (const type of value.split(',')) {
				const t = type.trim().toLowerCase();
				if (t === 'pref') params.pref = Math.min(params.pref, 1);
				else if (t) params.types.push(t);
			}
			break;
		case 'ENCODING':
			params.encoding = value.toLowerCase();
			break;
		case 'CHARSET':
			params.charset = value;
			break;
		case 'PREF': {
			const rank = Number.parseInt(value, 10);
			params.pref = Number.isFinite(rank) && rank >= 1 && rank <= 100 ? rank : 1;
			break;
		}
		case 'X-USER':
			params.xUser = value;
			break;
		default:
			break;
	}
}

function unquote(s: string): string {
	return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

function decodeVCardValue(prop: VProperty): string {
	const { encoding, charset } = prop.params;
	if (encoding === 'quoted-printable' || encoding === 'qp') {
		const value = prop.value.endsWith('=') ? prop.value.slice(0, -1) : prop.value;
		return decodeEscapes(value, '=', charset);
	}
	if (encoding === 'b' || encoding === 'base64') return decodeBase64Text(prop.value, charset);
	return prop.value;
}

function applyVCardProperty(card: CardBuilder, prop: VProperty): void {
	if (!VCARD_READ.has(prop.name)) return;
	const value = decodeVCardValue(prop);
	const { pref, types, xUser } = prop.params;
	switch (prop.name) {
		case 'FN':
			card.setName(unescapeText(value));
			break;
		case 'N': {
			const [family = '', given = '', middle = ''] = splitStructured(value, ' ');
			card.setStructuredName(family, given, middle);
			break;
		}
		case 'ORG':
			card.setOrg(splitStructured(value));
			break;
		case 'TITLE':
			card.setTitle(unescapeText(value));
			break;
		case 'ROLE':
			card.setRole(unescapeText(value));
			break;
		case 'EMAIL':
			card.addEmail(unescapeText(value), pref);
			break;
		case 'TEL':
			if (isFaxOnly(types)) {
				card.addNote(labelled('Fax', normalisePhone(unescapeText(value)) ?? ''));
			} else {
				card.addPhone(unescapeText(value), pref);
			}
			break;
		case 'URL':
			card.addUrl(unescapeText(value), pref);
			break;
		case 'X-SOCIALPROFILE':
			if (types.includes('linkedin')) card.addLinkedIn(unescapeText(value), xUser, pref);
			else card.addUrl(unescapeText(value), pref);
			break;
		case 'X-LINKEDIN':
			card.addLinkedIn(unescapeText(value), xUser, pref);
			break;
		case 'ADR':
			card.setAddress(splitStructured(value, ', '), pref);
			break;
		case 'LABEL':
			card.setLabel(unescapeText(value));
			break;
		case 'NOTE':
			card.addNote(unescapeText(value));
			break;
		default:
			break;
	}
}

/** Same rule as BIZCARD's F: a number that only takes faxes is noted, not listed as a phone. */
function isFaxOnly(types: string[]): boolean {
	return types.includes('fax') && !types.some((t) => t === 'voice' || t === 'cell' || t === 'text');
}

// ---------------------------------------------------------------------------------------------
// MECARD, BIZCARD, MATMSG, MEBKM
// ---------------------------------------------------------------------------------------------

/** Splits `KEY:value;KEY:value;;` with backslash escapes; values stay escaped. */
function readKeyValues(body: string): { key: string; value: string }[] {
	const fields: { key: string; value: string }[] = [];
	for (const field of splitUnescaped(body, ';')) {
		const colon = indexOfUnescaped(field, ':');
		if (colon <= 0) continue;
		fields.push({ key: field.slice(0, colon).trim().toUpperCase(), value: field.slice(colon + 1) });
	}
	return fields;
}

function fromMecard(body: string): ParsedPayload {
	const card = new CardBuilder();
	for (const { key, value } of readKeyValues(body)) {
		switch (key) {
			case 'N': {
				const parts = splitUnescaped(value, ',');
				if (parts.length >= 2) {
					const [family = '', ...given] = parts.map(unescapeText);
					card.setStructuredName(family, given.join(' '), '');
				} else {
					card.setName(unescapeText(value));
				}
				break;
			}
			case 'TEL':
			case 'TEL-AV':
				card.addPhone(unescapeText(value));
				break;
			case 'EMAIL':
				card.addEmail(unescapeText(value));
				break;
			case 'URL':
				card.addUrl(unescapeText(value));
				break;
			case 'ADR':
				// DOCOMO lists the address parts separated by commas.
				card.setAddress(splitUnescaped(value, ',').map(unescapeText), NO_PREF);
				break;
			case 'NOTE':
			case 'MEMORY':
				card.addNote(unescapeText(value));
				break;
			case 'ORG':
				card.setOrg([unescapeText(value)]);
				break;
			case 'TITLE':
				card.setTitle(unescapeText(value));
				break;
			case 'CONF':
				card.addNote(labelled('Conference', unescapeText(value)));
				break;
			default:
				// SOUND is the phonetic reading of N; BDAY and NICKNAME have no field here.
				break;
		}
	}
	return contact('mecard', card.build());
}

function fromBizcard(body: string): ParsedPayload {
	const card = new CardBuilder();
	let given = '';
	let family = '';
	for (const { key, value } of readKeyValues(body)) {
		const text = unescapeText(value);
		switch (key) {
			case 'N':
				given = given || text;
				break;
			case 'X':
				family = family || text;
				break;
			case 'T':
				card.setTitle(text);
				break;
			case 'C':
				card.setOrg([text]);
				break;
			case 'A':
				card.setAddress([text], NO_PREF);
				break;
			case 'B':
			case 'M':
				card.addPhone(text);
				break;
			case 'F':
				// A fax number is not something to call or text, so it is noted rather than listed.
				card.addNote(labelled('Fax', text));
				break;
			case 'E':
				card.addEmail(text);
				break;
			default:
				break;
		}
	}
	card.setStructuredName(family, given, '');
	return contact('bizcard', card.build());
}

function fromMatmsg(body: string): ParsedPayload {
	const card = new CardBuilder();
	for (const { key, value } of readKeyValues(body)) {
		// SUB and BODY are a message template, not facts about the person.
		if (key === 'TO') card.addEmail(unescapeText(value));
	}
	const built = card.build();
	return built.emails.length > 0 ? contact('matmsg', built) : unknown(REASON.badEmail);
}

function fromMebkm(body: string): ParsedPayload {
	for (const { key, value } of readKeyValues(body)) {
		if (key !== 'URL') continue;
		const href = safeHttpUrl(unescapeText(value));
		return href ? fromUrl(href) : unknown(REASON.badLink);
	}
	return unknown(REASON.badLink);
}

function labelled(label: string, value: string): string {
	const clean = cleanLine(value);
	return clean ? `${label}: ${clean}` : '';
}

// ---------------------------------------------------------------------------------------------
// mailto:, tel:, sms:, URLs, bare emails, delimited strings, bare phones
// ---------------------------------------------------------------------------------------------

function fromMailto(rest: string): ParsedPayload {
	const card = new CardBuilder();
	const query = rest.indexOf('?');
	const path = query === -1 ? rest : rest.slice(0, query);
	for (const address of path.split(',')) card.addEmail(decodeEscapes(address, '%', 'utf-8'));
	if (query !== -1) {
		for (const pair of rest.slice(query + 1).split('&')) {
			const eq = pair.indexOf('=');
			if (eq === -1) continue;
			// Only `to=` names the person; cc/bcc are other recipients and subject/body a template.
			if (decodeEscapes(pair.slice(0, eq), '%', 'utf-8').trim().toLowerCase() !== 'to') continue;
			for (const address of decodeEscapes(pair.slice(eq + 1), '%', 'utf-8').split(',')) {
				card.addEmail(address);
			}
		}
	}
	const built = card.build();
	return built.emails.length > 0 ? contact('mailto', built) : unknown(REASON.badEmail);
}

function fromTel(text: string): ParsedPayload {
	const card = new CardBuilder();
	card.addPhone(text);
	const built = card.build();
	return built.phones.length > 0 ? contact('tel', built) : unknown(REASON.badPhone);
}

function fromSms(text: string): ParsedPayload {
	const colon = text.indexOf(':');
	let rest = text.slice(colon + 1);
	const lower = text.slice(0, colon).toLowerCase();
	// SMSTO:number:message versus sms:number?body=message.
	const end = lower.endsWith('to') ? rest.indexOf(':') : rest.indexOf('?');
	if (end !== -1) rest = rest.slice(0, end);
	const card = new CardBuilder();
	for (const number of decodeEscapes(rest, '%', 'utf-8').split(',')) card.addPhone(number);
	const built = card.build();
	return built.phones.length > 0 ? contact('tel', built) : unknown(REASON.badPhone);
}

function fromUrl(href: string): ParsedPayload {
	const card = new CardBuilder();
	card.addUrl(href);
	return contact('url', card.build());
}

function isLikelyBareUrl(lower: string): boolean {
	if (!looksLikeBareHost(lower)) return false;
	if (lower.startsWith('www.') || /[/?#]/.test(lower)) return true;
	const host = hostOf(lower);
	if (isLinkedInHost(host) || isCardServiceHost(host)) return true;
	const tld = host.slice(host.lastIndexOf('.') + 1);
	return COMMON_TLDS.has(tld);
}

function fromBareEmail(text: string): ParsedPayload | undefined {
	const email = normaliseEmail(text);
	if (!email) return undefined;
	const card = new CardBuilder();
	card.addEmail(email);
	const lt = text.lastIndexOf('<');
	if (lt > 0) {
		// `Jane Doe <jane@example.com>`: the display part is the name.
		const display = text.slice(0, lt).trim();
		const unquoted = display.length >= 2 && display.startsWith('"') ? unquote(display) : display;
		if (unquoted.length <= 100 && !/[<>@]/.test(unquoted)) card.setName(unquoted);
	}
	return contact('email', card.build());
}

/**
 * Badge strings: `RefId^First^Last^Email^Title^Company^City^State^Zip^Phone`. Carets are trusted
 * with as few as three fields; pipes and tabs only when a field is an email address, since those
 * characters turn up in plenty of other codes.
 */
function fromDelimited(text: string): ParsedPayload | undefined {
	let fields: string[] | undefined;
	let caret = false;
	if (text.includes('^')) {
		fields = text.split('^');
		caret = true;
	} else if (text.includes('|')) {
		fields = text.split('|');
	} else if (text.includes('\t')) {
		fields = text.split('\t');
	}
	if (!fields || fields.length < 3) return undefined;
	const emailIndex = fields.findIndex((field) => normaliseEmail(field) !== undefined);
	if (!caret && emailIndex === -1) return undefined;

	const card = new CardBuilder();
	if (caret || emailIndex === 3 || emailIndex === 2) {
		// Without a RefId column everything moves one field to the left.
		const offset = emailIndex === 2 ? -1 : 0;
		// A RefId is one token: `see you ^_^ later` is prose with an emoticon, not a badge.
		if (offset === 0 && emailIndex === -1 && /\s/.test(fields[0] ?? '')) return undefined;
		const at = (index: number): string => fields[index + offset] ?? '';
		card.setStructuredName(nameLike(at(2)), nameLike(at(1)), '');
		card.addEmail(at(3));
		if (emailIndex !== -1) card.addEmail(fields[emailIndex] ?? '');
		card.setTitle(at(4));
		card.setOrg([at(5)]);
		const [city = '', state = '', zip = ''] = [at(6), at(7), at(8)];
		card.setAddress([city, [state, zip].filter((part) => part.trim()).join(' ')], NO_PREF);
		card.addPhone(at(9));
	} else {
		for (const field of fields) {
			if (normaliseEmail(field) !== undefined) card.addEmail(field);
			else if (looksLikeBarePhone(field.trim())) card.addPhone(field);
		}
	}
	const built = card.build();
	if (!built.givenName && !built.familyName && built.emails.length === 0) return undefined;
	return contact('delimited', built);
}

/** A name column must hold a letter: ids, dashes and placeholders such as `_` are not names. */
function nameLike(field: string): string {
	return /\p{L}/u.test(field) ? field : '';
}

function looksLikeBarePhone(s: string): boolean {
	if (s.length > 40 || !/^\+?[0-9 ().\-/]+$/.test(s)) return false;
	const digits = phoneKey(s).replace('+', '').length;
	if (digits < 7 || digits > 15) return false;
	if (s.startsWith('+')) return true;
	// Plain digit runs are far more often registration ids than phone numbers.
	return digits >= 10 && /[ ().\-/]/.test(s);
}

// ---------------------------------------------------------------------------------------------
// Card assembly
// ---------------------------------------------------------------------------------------------

interface Ranked {
	value: string;
	rank: number;
}

/** Collects fields from any format and applies the shared cleaning, ranking and fallbacks. */
class CardBuilder {
	private fn = '';
	private givenName = '';
	private middleName = '';
	private familyName = '';
	private hasStructuredName = false;
	private org = '';
	private title = '';
	private role = '';
	private address = '';
	private addressRank = Number.POSITIVE_INFINITY;
	private label = '';
	private readonly notes: string[] = [];
	private readonly emails: Ranked[] = [];
	private readonly phones: Ranked[] = [];
	private readonly urls: Ranked[] = [];
	private readonly linkedins: Ranked[] = [];

	setName(raw: string): void {
		if (!this.fn) this.fn = cleanLine(raw);
	}

	setStructuredName(family: string, given: string, middle: string): void {
		if (this.hasStructuredName) return;
		this.familyName = cleanLine(family);
		this.givenName = cleanLine(given);
		this.middleName = cleanLine(middle);
		this.hasStructuredName = Boolean(this.familyName || this.givenName || this.middleName);
	}

	setOrg(parts: string[]): void {
		if (this.org) return;
		const clean = parts.map((part) => cleanLine(part)).filter(Boolean);
		this.org = clip(clean.join(', '));
	}

	setTitle(raw: string): void {
		if (!this.title) this.title = cleanLine(raw);
	}

	setRole(raw: string): void {
		if (!this.role) this.role = cleanLine(raw);
	}

	setLabel(raw: string): void {
		if (!this.label) this.label = joinAddress([raw]);
	}

	/** Keeps the first address, unless a later one is marked as preferred. */
	setAddress(parts: string[], rank: number): void {
		const address = joinAddress(parts);
		if (address && rank < this.addressRank) {
			this.address = address;
			this.addressRank = rank;
		}
	}

	addNote(raw: string): void {
		if (raw.trim()) this.notes.push(raw);
	}

	addEmail(raw: string, rank = NO_PREF): void {
		const email = normaliseEmail(raw);
		if (email) this.emails.push({ value: email, rank });
	}

	addPhone(raw: string, rank = NO_PREF): void {
		const phone = normalisePhone(raw);
		if (phone) this.phones.push({ value: phone, rank });
	}

	addUrl(raw: string, rank = NO_PREF): void {
		const linkedin = canonicalLinkedIn(raw);
		if (linkedin) {
			this.linkedins.push({ value: linkedin, rank });
			return;
		}
		const href = safeHttpUrl(raw);
		if (href) this.urls.push({ value: href, rank });
	}

	/** X-SOCIALPROFILE may hold a URL, a bare user name, or the user name in an x-user param. */
	addLinkedIn(raw: string, xUser: string | undefined, rank = NO_PREF): void {
		const viaUrl = canonicalLinkedIn(raw);
		const viaName = viaUrl ?? linkedInFromUserName(xUser) ?? linkedInFromUserName(raw);
		if (viaName) this.linkedins.push({ value: viaName, rank });
		else this.addUrl(raw, rank);
	}

	build(): CardFields {
		const emails = uniqueRanked(this.emails, (value) => value);
		const phones = uniqueRanked(this.phones, phoneKey);
		const linkedins = uniqueRanked(this.linkedins, (value) => value);
		const linkedin = linkedins[0];
		// A second, different LinkedIn profile is kept as a plain link rather than dropped.
		const urls = uniqueRanked(
			[...this.urls, ...linkedins.slice(1).map((value) => ({ value, rank: NO_PREF + 1 }))],
			(value) => value
		);
		const composed = [this.givenName, this.middleName, this.familyName].filter(Boolean).join(' ');
		const card: CardFields = {
			name: this.fn || composed || this.org || emails[0] || '',
			emails,
			phones,
			urls
		};
		if (this.givenName) card.givenName = this.givenName;
		if (this.familyName) card.familyName = this.familyName;
		if (this.org) card.org = this.org;
		const title = this.title || this.role;
		if (title) card.title = title;
		if (linkedin) card.linkedin = linkedin;
		const address = this.address || this.label;
		if (address) card.address = address;
		const note = cleanNote(this.notes.join('\n'));
		if (note) card.note = note;
		return card;
	}
}

function hasContent(card: CardFields): boolean {
	return Boolean(
		card.name ||
		card.emails.length ||
		card.phones.length ||
		card.urls.length ||
		card.linkedin ||
		card.org ||
		card.title ||
		card.address ||
		card.note
	);
}

/** Stable sort by preference, then de-duplicate by key keeping the first (best) occurrence. */
function uniqueRanked(items: Ranked[], key: (value: string) => string): string[] {
	const sorted = [...items].sort((a, b) => a.rank - b.rank);
	const seen = new Set<string>();
	const out: string[] = [];
	for (const { value } of sorted) {
		const k = key(value);
		if (seen.has(k)) continue;
		seen.add(k);
		out.push(value);
	}
	return out;
}

function joinAddress(parts: string[]): string {
	const lines: string[] = [];
	for (const part of parts) {
		// Street parts often carry line breaks; a single readable line uses commas instead.
		for (const line of part.split(/\r\n|\r|\n/)) {
			const clean = cleanLine(line);
			if (clean) lines.push(clean);
		}
	}
	return clip(lines.join(', '));
}

function normaliseEmail(raw: string): string | undefined {
	let s = stripControls(raw, false).trim();
	if (!s || s.length > 400) return undefined;
	if (s.slice(0, 7).toLowerCase() === 'mailto:') s = s.slice(7).trim();
	const lt = s.lastIndexOf('<');
	const gt = s.lastIndexOf('>');
	if (lt !== -1 && gt > lt) s = s.slice(lt + 1, gt).trim();
	s = trimEndChars(s, '.,;:');
	if (s.length < 6 || s.length > 254) return undefined;
	// `^` and `|` are legal in a local part but in practice mean a delimited badge string.
	if (/[\s<>()[\]\\,;:"^|]/.test(s)) return undefined;
	const at = s.indexOf('@');
	if (at < 1 || at !== s.lastIndexOf('@')) return undefined;
	const local = s.slice(0, at);
	const domain = s.slice(at + 1);
	if (local.length > 64 || local.startsWith('.') || local.endsWith('.')) return undefined;
	if (!/^[\p{L}\p{N}.-]+$/u.test(domain)) return undefined;
	const labels = domain.split('.');
	if (labels.length < 2) return undefined;
	for (const label of labels) {
		if (!label || label.startsWith('-') || label.endsWith('-')) return undefined;
	}
	const tld = labels[labels.length - 1] ?? '';
	if (tld.length < 2 || /^[0-9]+$/.test(tld)) return undefined;
	return s.toLowerCase();
}

function normalisePhone(raw: string): string | undefined {
	let s = cleanLine(raw, 200);
	if (s.slice(0, 4).toLowerCase() === 'tel:') {
		s = decodeEscapes(s.slice(4), '%', 'utf-8');
		const semi = s.indexOf(';');
		if (semi !== -1) {
			// RFC 3966 parameters: keep an extension readable, drop the rest (isub, phone-context).
			const ext = /(?:^|;)ext=([^;]*)/i.exec(s.slice(semi))?.[1]?.trim();
			s = s.slice(0, semi) + (ext ? ` ext. ${ext}` : '');
		}
		s = cleanLine(s, 200);
	}
	if (s.length > 64) return undefined;
	if (phoneKey(s).replace('+', '').length < 3) return undefined;
	return s;
}

function isLinkedInHost(host: string): boolean {
	if (host === 'linkedin.com') return true;
	if (!host.endsWith('.linkedin.com')) return false;
	const sub = host.slice(0, -'.linkedin.com'.length);
	return /^[a-z0-9-]{1,20}$/.test(sub);
}

function isCardServiceHost(host: string): boolean {
	return CARD_SERVICE_HOSTS.some((known) => host === known || host.endsWith('.' + known));
}

function linkedInFromSlug(rawSlug: string): string | undefined {
	const slug = rawSlug.trim().toLowerCase();
	if (!slug || slug.length > 100 || /[\s/?#<>"'`\\]/.test(slug)) return undefined;
	return 'https://www.linkedin.com/in/' + encodeURIComponent(slug);
}

function linkedInFromUserName(raw: string | undefined): string | undefined {
	if (raw === undefined) return undefined;
	const name = raw.trim();
	return /^[A-Za-z0-9][A-Za-z0-9_-]{1,99}$/.test(name) ? linkedInFromSlug(name) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

/** Removes C0 controls other than tab/LF/CR, DEL and BOMs before any parsing. */
function sanitiseInput(raw: string): string {
	let out = '';
	let runStart = 0;
	for (let i = 0; i < raw.length; i++) {
		const code = raw.charCodeAt(i);
		const drop = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
		if (!drop && code !== 0xfeff) continue;
		out += raw.slice(runStart, i);
		runStart = i + 1;
	}
	return runStart === 0 ? raw : out + raw.slice(runStart);
}

/**
 * Invisible characters that have no place in a contact field: C0/C1 controls, BOMs, and bidi
 * embeddings/overrides/isolates (they can make a name or link read differently from what it is).
 */
function isInvisibleControl(code: number): boolean {
	return (
		code < 0x20 ||
		(code >= 0x7f && code <= 0x9f) ||
		(code >= 0x202a && code <= 0x202e) ||
		(code >= 0x2066 && code <= 0x2069) ||
		code === 0xfeff
	);
}

/** Drops invisible controls; tab, CR and LF become a space (LF is kept when asked). */
function stripControls(s: string, keepNewlines: boolean): string {
	let out = '';
	let runStart = 0;
	for (let i = 0; i < s.length; i++) {
		const code = s.charCodeAt(i);
		if (!isInvisibleControl(code)) continue;
		out += s.slice(runStart, i);
		runStart = i + 1;
		if (code === 0x0a && keepNewlines) out += '\n';
		else if (code === 0x09 || code === 0x0a || code === 0x0d) out += ' ';
	}
	return runStart === 0 ? s : out + s.slice(runStart);
}

/** A single-line text field. Mojibake is repaired first: its bytes include C1 controls and NBSP. */
function cleanLine(raw: string, max = MAX_FIELD): string {
	return clip(stripControls(repairMojibake(raw), false).replace(/\s+/g, ' ').trim(), max);
}

/** A multi-line note: lines trimmed, runs of blank lines collapsed to one. */
function cleanNote(raw: string): string {
	const text = stripControls(repairMojibake(raw).replace(/\r\n?/g, '\n'), true);
	const lines: string[] = [];
	for (const line of text.split('\n')) {
		const clean = line.replace(/\s+/g, ' ').trim();
		if (!clean && (lines.length === 0 || lines[lines.length - 1] === '')) continue;
		lines.push(clean);
	}
	while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
	return clip(lines.join('\n'), MAX_NOTE);
}

/** Truncates without splitting a surrogate pair. */
function clip(s: string, max = MAX_FIELD): string {
	if (s.length <= max) return s;
	let cut = s.slice(0, max);
	const last = cut.charCodeAt(cut.length - 1);
	if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
	return cut.trimEnd();
}

function trimEndChars(s: string, chars: string): string {
	let end = s.length;
	while (end > 0 && chars.includes(s.charAt(end - 1))) end--;
	return s.slice(0, end);
}

/** vCard/MECARD text escapes: `\n` and `\N` are line breaks, a backslash keeps any other char. */
function unescapeText(s: string): string {
	if (!s.includes('\\')) return s;
	let out = '';
	for (let i = 0; i < s.length; i++) {
		const ch = s.charAt(i);
		if (ch === '\\' && i + 1 < s.length) {
			const next = s.charAt(i + 1);
			out += next === 'n' || next === 'N' ? '\n' : next;
			i++;
		} else if (ch !== '\\') {
			out += ch;
		}
	}
	return out;
}

/** Splits on a separator not preceded by a backslash; the parts keep their escapes. */
function splitUnescaped(s: string, separator: string): string[] {
	const parts: string[] = [];
	let start = 0;
	for (let i = 0; i < s.length; i++) {
		const ch = s.charAt(i);
		if (ch === '\\') i++;
		else if (ch === separator) {
			parts.push(s.slice(start, i));
			start = i + 1;
		}
	}
	parts.push(s.slice(start));
	return parts;
}

function indexOfUnescaped(s: string, target: string): number {
	for (let i = 0; i < s.length; i++) {
		const ch = s.charAt(i);
		if (ch === '\\') i++;
		else if (ch === target) return i;
	}
	return -1;
}

/**
 * A structured vCard value (N, ADR, ORG) split on unescaped `;`. With `innerJoin`, each component
 * is also split on unescaped `,` (vCard 4.0 multi-values) and rejoined with it.
 */
function splitStructured(value: string, innerJoin?: string): string[] {
	return splitUnescaped(value, ';').map((component) =>
		innerJoin === undefined
			? unescapeText(component)
			: splitUnescaped(component, ',')
					.map(unescapeText)
					.filter((part) => part.trim())
					.join(innerJoin)
	);
}

function hexValue(code: number): number {
	if (code >= 0x30 && code <= 0x39) return code - 0x30;
	if (code >= 0x41 && code <= 0x46) return code - 0x37;
	if (code >= 0x61 && code <= 0x66) return code - 0x57;
	return -1;
}

/**
 * Decodes `=XX` (quoted-printable) or `%XX` (percent) byte escapes. Runs of escaped bytes are
 * decoded together in the charset; literal characters pass through; a malformed escape is kept.
 */
function decodeEscapes(s: string, marker: '=' | '%', charset: string | undefined): string {
	if (!s.includes(marker)) return s;
	let out = '';
	const pending: number[] = [];
	const flush = (): void => {
		if (pending.length === 0) return;
		out += decodeBytes(Uint8Array.from(pending), charset);
		pending.length = 0;
	};
	for (let i = 0; i < s.length; i++) {
		const ch = s.charAt(i);
		if (ch === marker && i + 2 < s.length) {
			const hi = hexValue(s.charCodeAt(i + 1));
			const lo = hexValue(s.charCodeAt(i + 2));
			if (hi >= 0 && lo >= 0) {
				pending.push(hi * 16 + lo);
				i += 2;
				continue;
			}
		}
		flush();
		out += ch;
	}
	flush();
	return out;
}

function decodeBase64Text(s: string, charset: string | undefined): string {
	try {
		const binary = atob(s.replace(/\s+/g, ''));
		const bytes = new Uint8Array(binary.length);
		for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
		return decodeBytes(bytes, charset);
	} catch {
		return '';
	}
}

/** Decoders by label; building one per escaped run was most of the cost on long QP values. */
const decoders = new Map<string, TextDecoder>();

/** Throws RangeError for a label the runtime does not know. */
function decoderFor(label: string, fatal: boolean): TextDecoder {
	const key = (fatal ? 'fatal:' : '') + label;
	let decoder = decoders.get(key);
	if (!decoder) {
		decoder = new TextDecoder(label, { fatal });
		if (decoders.size < 32) decoders.set(key, decoder);
	}
	return decoder;
}

/**
 * Bytes to text in the declared charset. An unknown label, or UTF-8 (the usual default) that is
 * not valid UTF-8, falls back to windows-1252.
 */
function decodeBytes(bytes: Uint8Array, charset: string | undefined): string {
	const label = unquote((charset ?? '').trim()).toLowerCase();
	if (label && label !== 'utf-8' && label !== 'utf8') {
		try {
			const decoder = decoderFor(label, false);
			// Labels such as iso-8859-1 and ascii resolve to windows-1252, which some Node releases
			// decode as Latin-1 (0x92 → U+0092 instead of ’): use the table here instead.
			return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
		} catch {
			// Unknown label: guess below.
		}
	}
	try {
		return decoderFor('utf-8', true).decode(bytes);
	} catch {
		return decodeWindows1252(bytes);
	}
}

/** WHATWG windows-1252: Latin-1 except 0x80-0x9F, where the five unassigned bytes stay C1. */
function decodeWindows1252(bytes: Uint8Array): string {
	let out = '';
	for (const byte of bytes) {
		const mapped = byte >= 0x80 && byte <= 0x9f ? CP1252_CHARS.get(byte) : undefined;
		out += String.fromCharCode(mapped ?? byte);
	}
	return out;
}

function repairOnce(s: string): string | undefined {
	if (!s.includes('\u00c3') && !s.includes('\u00c2')) return undefined;
	const bytes = new Uint8Array(s.length);
	let telltale = false;
	for (let i = 0; i < s.length; i++) {
		const code = s.charCodeAt(i);
		const byte = code <= 0xff ? code : CP1252_BYTES.get(code);
		if (byte === undefined) return undefined;
		bytes[i] = byte;
		const previous = i > 0 ? bytes[i - 1] : 0;
		if (byte >= 0x80 && byte <= 0xbf && (previous === 0xc2 || previous === 0xc3)) telltale = true;
	}
	if (!telltale) return undefined;
	let decoded: string;
	try {
		decoded = decoderFor('utf-8', true).decode(bytes);
	} catch {
		return undefined;
	}
	return decoded === s ? undefined : decoded;
}

// ---------------------------------------------------------------------------------------------
// URL helpers
// ---------------------------------------------------------------------------------------------

const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{', '>': '<' };

/**
 * Trims wrapping quotes/brackets and trailing sentence punctuation. A closing bracket is only
 * trimmed when unbalanced, so `…/Foo_(bar)` keeps its parenthesis.
 */
function trimUrlPunctuation(s: string): string {
	let start = 0;
	while (start < s.length && '<("\'['.includes(s.charAt(start))) start++;
	const counts = new Map<string, number>();
	for (let i = start; i < s.length; i++) {
		const ch = s.charAt(i);
		if ('()[]{}<>'.includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
	}
	let end = s.length;
	while (end > start) {
		const ch = s.charAt(end - 1);
		if ('.,;:!?\'"*'.includes(ch)) {
			end--;
			continue;
		}
		const opener = CLOSERS[ch];
		if (opener !== undefined && (counts.get(opener) ?? 0) < (counts.get(ch) ?? 0)) {
			counts.set(ch, (counts.get(ch) ?? 0) - 1);
			end--;
			continue;
		}
		break;
	}
	return s.slice(start, end);
}

function hostOf(s: string): string {
	let end = s.length;
	for (let i = 0; i < s.length; i++) {
		const ch = s.charAt(i);
		if (ch === '/' || ch === '?' || ch === '#') {
			end = i;
			break;
		}
	}
	const host = s.slice(0, end);
	const colon = host.lastIndexOf(':');
	return (colon === -1 ? host : host.slice(0, colon)).toLowerCase();
}

/** `host.tld`, `host.tld:port` or either followed by a path, query or fragment. */
function looksLikeBareHost(s: string): boolean {
	const end = s.search(/[/?#]|$/);
	const hostPort = s.slice(0, end);
	const colon = hostPort.lastIndexOf(':');
	if (colon !== -1 && !/^[0-9]{1,5}$/.test(hostPort.slice(colon + 1))) return false;
	const labels = (colon === -1 ? hostPort : hostPort.slice(0, colon)).toLowerCase().split('.');
	if (labels.length < 2) return false;
	for (const label of labels) {
		if (!/^[a-z0-9-]{1,63}$/.test(label) || label.startsWith('-') || label.endsWith('-')) {
			return false;
		}
	}
	const tld = labels[labels.length - 1] ?? '';
	return /^[a-z]{2,24}$/.test(tld) || tld.startsWith('xn--');
}
