/**
 * "My card": the user's own details as a vCard 3.0 for a QR code and a .vcf file.
 *
 * Name and intro are the `myName` and `myIntro` settings (one source of truth, shared with
 * follow-up templates and Today); the other fields are the `myCard` setting. Fields are stored as
 * typed; this module checks them lightly and writes only the ones that read back cleanly through
 * Hallway's own scanner (`parsePayload`), so whatever Hallway puts in the code, another Hallway
 * reads back as the same person. The writer is the contacts export's `toVCard`, so escaping and
 * folding are the same everywhere.
 *
 * Pure: no DOM, storage or framework imports.
 */
import { canonicalLinkedIn, parseVCards, safeHttpUrl, type CardFields } from '$lib/capture/payload';
import { toVCard, vcardFileName } from '$lib/contacts/vcard-export';
import { escapeText } from '$lib/text/content-line';

/** The fields stored under the `myCard` setting, as typed. Missing means empty. */
export interface MyCardFields {
	org?: string;
	title?: string;
	email?: string;
	phone?: string;
	linkedin?: string;
	website?: string;
}

export type MyCardField = keyof MyCardFields;

/** Everything on the card: the stored name and intro plus the card fields. */
export interface MyProfile extends MyCardFields {
	name: string;
	intro: string;
}

/** One message per field that can't go on the card as typed. */
export type CardProblems = Partial<Record<MyCardField, string>>;

/**
 * QR codes above this many bytes get too dense to scan from a phone screen in a dim hall, so the
 * code leaves out the intro (the shared .vcf keeps it). Around version 18 at level M.
 */
export const QR_MAX_BYTES = 700;

const FIELDS: readonly MyCardField[] = ['org', 'title', 'email', 'phone', 'linkedin', 'website'];

/** Lower-case words that belong to the family name: "Ludwig van Beethoven", "Ana de la Cruz". */
const PARTICLES = new Set(
	'van von der den de del della di da das dos du la le ten ter zu bin ibn al'.split(' ')
);

/** One line of text the way the scanner keeps it: whitespace runs collapsed, trimmed. */
function line(value: string | undefined): string {
	return (value ?? '').replace(/\s+/g, ' ').trim();
}

/** Paragraphs kept, each line tidied, blank runs collapsed to one (as the scanner reads a note). */
function paragraph(value: string): string {
	const lines: string[] = [];
	for (const raw of value.replace(/\r\n?/g, '\n').split('\n')) {
		const clean = line(raw);
		if (!clean && (lines.length === 0 || lines[lines.length - 1] === '')) continue;
		lines.push(clean);
	}
	while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
	return lines.join('\n');
}

/** What Hallway's scanner reads back out of one vCard property; undefined when nothing. */
function readsBack(property: string, value: string): CardFields | undefined {
	return parseVCards(`BEGIN:VCARD\r\nVERSION:3.0\r\n${property}:${value}\r\nEND:VCARD`)[0];
}

/**
 * Splits a display name into given and family names for N: the last word is the family name,
 * together with any lower-case particles before it ("Ana de la Cruz" → "Ana" / "de la Cruz").
 * A single word is a given name.
 */
export function splitName(name: string): { given: string; family: string } {
	const words = line(name).split(' ').filter(Boolean);
	if (words.length < 2) return { given: words[0] ?? '', family: '' };
	let start = words.length - 1;
	while (start > 1 && PARTICLES.has(words[start - 1] ?? '')) start--;
	return { given: words.slice(0, start).join(' '), family: words.slice(start).join(' ') };
}

/**
 * Turns a LinkedIn entry into the profile's canonical address.
 *
 * @param value As typed: `linkedin.com/in/ana`, `https://de.linkedin.com/in/Ana/?utm…`, or the
 *   bare handle `ana-lima`.
 * @returns `https://www.linkedin.com/in/<slug>`, or undefined when it isn't a profile link.
 */
export function normaliseLinkedIn(value: string): string | undefined {
	const text = value.trim();
	if (!text) return undefined;
	if (/^[A-Za-z0-9][A-Za-z0-9_-]{1,99}$/.test(text))
		return canonicalLinkedIn(`https://www.linkedin.com/in/${text}`);
	return canonicalLinkedIn(text);
}

/**
 * Checks each card field lightly: an email shape, a phone with digits, an http(s) website and a
 * LinkedIn profile link. Empty fields are fine.
 *
 * @returns A short message for each field that can't go on the card; `{}` when all can. Never throws.
 */
export function checkCard(fields: MyCardFields): CardProblems {
	const problems: CardProblems = {};
	const email = line(fields.email);
	if (
		email &&
		(!/^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/.test(email) || !readsBack('EMAIL', escapeText(email)))
	)
		problems.email = 'That email doesn\u2019t look complete: try name@example.com.';
	const phone = line(fields.phone);
	if (phone) {
		const digits = phone.replace(/\D/g, '').length;
		if (/[A-Za-z]/.test(phone.replace(/\b(?:ext|x)\.?\s*\d+$/i, '')) || digits < 5 || digits > 20)
			problems.phone = 'Use digits for your phone, like +44 20 7946 0000.';
		else if (!readsBack('TEL', escapeText(phone)))
			problems.phone = 'That phone number can\u2019t be read back: use digits and spaces.';
	}
	const linkedin = line(fields.linkedin);
	if (linkedin && !normaliseLinkedIn(linkedin))
		problems.linkedin = 'Use your profile link, like linkedin.com/in/your-name.';
	const website = line(fields.website);
	if (website) {
		const href = safeHttpUrl(website);
		if (!href) problems.website = 'Use a web address, like https://example.com.';
		else if (canonicalLinkedIn(href))
			problems.website = 'That\u2019s a LinkedIn profile: put it in the LinkedIn field.';
	}
	return problems;
}

/** The fields worth storing: trimmed, empty ones left out (typed values kept even if not valid). */
export function tidyCard(fields: MyCardFields): MyCardFields {
	const out: MyCardFields = {};
	for (const key of FIELDS) {
		const value = line(fields[key]);
		if (value) out[key] = value;
	}
	return out;
}

/** True when there is a name, the one thing a card can't do without. */
export function hasName(profile: Pick<MyProfile, 'name'>): boolean {
	return line(profile.name) !== '';
}

/**
 * The profile as the contact fields a scanner reads: fields with a problem are left out, the
 * LinkedIn link and website are normalised, and the intro becomes the note.
 */
export function cardFields(profile: MyProfile): CardFields {
	const problems = checkCard(profile);
	const name = line(profile.name);
	const { given, family } = splitName(name);
	const fields: CardFields = { name, emails: [], phones: [], urls: [] };
	if (given) fields.givenName = given;
	if (family) fields.familyName = family;
	const org = line(profile.org);
	if (org) fields.org = org;
	const title = line(profile.title);
	if (title) fields.title = title;
	const email = line(profile.email);
	if (email && !problems.email) fields.emails.push(email);
	const phone = line(profile.phone);
	if (phone && !problems.phone) fields.phones.push(phone);
	const linkedin = problems.linkedin ? undefined : normaliseLinkedIn(line(profile.linkedin));
	if (linkedin) fields.linkedin = linkedin;
	const website = problems.website ? undefined : safeHttpUrl(line(profile.website));
	if (website) fields.urls.push(website);
	const note = paragraph(profile.intro);
	if (note) fields.note = note;
	return fields;
}

/**
 * My card as vCard 3.0 (UTF-8 text, CRLF line ends, escaped and folded): N, FN, ORG, TITLE, EMAIL,
 * TEL, URL (website), URL;TYPE=linkedin and NOTE (the intro). Empty fields are omitted.
 *
 * @param options.forQr Leaves the intro out when the card would be too dense for a QR code
 *   (over {@link QR_MAX_BYTES} bytes); the .vcf always keeps it.
 */
export function myVCard(profile: MyProfile, options: { forQr?: boolean } = {}): string {
	const fields = cardFields(profile);
	const full = toVCard(fields);
	if (!options.forQr || !fields.note || utf8Bytes(full) <= QR_MAX_BYTES) return full;
	const withoutIntro: CardFields = { ...fields };
	delete withoutIntro.note;
	return toVCard(withoutIntro);
}

/** True when the QR code had to leave the intro out to stay scannable. */
export function qrLeavesOutIntro(profile: MyProfile): boolean {
	return (
		Boolean(cardFields(profile).note) && !myVCard(profile, { forQr: true }).includes('\r\nNOTE:')
	);
}

/** The .vcf file name for my card: "Ana Lima.vcf". */
export function myCardFileName(name: string): string {
	return vcardFileName(line(name) || 'My card');
}

/** The size of a text in UTF-8, which is how the QR code stores it. */
export function utf8Bytes(text: string): number {
	return new TextEncoder().encode(text).length;
}
