/**
 * vCard 3.0 output (RFC 2426): the most widely readable version, for "Add to phone contacts" and
 * the all-contacts export. UTF-8, CRLF line ends, lines folded at 75 octets without splitting a
 * character, text values escaped.
 */

import type { CardFields } from '$lib/capture/payload';
import { escapeText, foldLine } from '$lib/text/content-line';
import { safeFileName } from '$lib/ui/download';

/** The fields a card carries: the same shape the parser reads, so a card round-trips. */
export type VCardPerson = CardFields;

/** Given and family name: the stored parts, else the display name split at its last word. */
export function splitName(person: VCardPerson): { given: string; family: string } {
	if (person.givenName || person.familyName)
		return { given: person.givenName ?? '', family: person.familyName ?? '' };
	const words = person.name.trim().split(/\s+/);
	if (words.length < 2) return { given: person.name.trim(), family: '' };
	return { given: words.slice(0, -1).join(' '), family: words[words.length - 1] ?? '' };
}

/**
 * One person as a vCard 3.0 card (CRLF line ends, ends with CRLF). `categories` (tags) are written
 * as one CATEGORIES line, each escaped so a comma inside a tag stays inside it.
 */
export function toVCard(person: VCardPerson, extras: { categories?: string[] } = {}): string {
	const lines = ['BEGIN:VCARD', 'VERSION:3.0'];
	const fn = person.name.trim() || person.org || person.emails[0] || 'Unnamed';
	const { given, family } = splitName({ ...person, name: person.name.trim() ? person.name : '' });
	lines.push(`FN:${escapeText(fn)}`);
	lines.push(`N:${escapeText(family)};${escapeText(given)};;;`);
	if (person.org) lines.push(`ORG:${escapeText(person.org)}`);
	if (person.title) lines.push(`TITLE:${escapeText(person.title)}`);
	for (const email of person.emails) lines.push(`EMAIL;TYPE=INTERNET:${escapeText(email)}`);
	for (const phone of person.phones) lines.push(`TEL;TYPE=VOICE:${escapeText(phone)}`);
	if (person.linkedin) lines.push(`URL;TYPE=linkedin:${person.linkedin}`);
	for (const url of person.urls) lines.push(`URL:${url}`);
	if (person.address) lines.push(`ADR;TYPE=WORK:;;${escapeText(person.address)};;;;`);
	if (person.note) lines.push(`NOTE:${escapeText(person.note)}`);
	const categories = (extras.categories ?? []).map((c) => c.trim()).filter(Boolean);
	if (categories.length) lines.push(`CATEGORIES:${categories.map(escapeText).join(',')}`);
	lines.push('END:VCARD');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A safe file name for a person's card: "Ana Lima.vcf". */
export function vcardFileName(name: string): string {
	return safeFileName(name, 'vcf', 'contact');
}
