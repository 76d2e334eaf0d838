/**
 * Reading a .vcf file of many contacts (a phone's or a CRM's export), pure: the file is cut into
 * its cards, and each card is read by the same parser as a scanned badge, so a card imported and a
 * card scanned become the same contact. Each card keeps its raw text, to be logged as a scan.
 */
import { parsePayload, type CardFields } from '$lib/capture/payload';

/** A .vcf bigger than this is almost surely not an address book (10,000 cards is ~5 MB). */
export const MAX_VCF_BYTES = 20 * 1024 * 1024;

/** One card of the file, as read. `index` counts from 1, as people count cards. */
export type VCardFileEntry =
	| { index: number; raw: string; kind: 'card'; card: CardFields }
	| { index: number; raw: string; kind: 'unreadable'; reason: string };

export type VCardFileResult =
	{ ok: true; entries: VCardFileEntry[] } | { ok: false; reason: string };

/** The message for a file over {@link MAX_VCF_BYTES}. */
export function tooLargeMessage(bytes: number): string {
	const mb = Math.ceil(bytes / 1024 / 1024);
	return `This file is ${mb} MB, more than the 20 MB a contacts file can be here. Export fewer contacts at a time and try again.`;
}

/**
 * Cuts a .vcf file into the raw text of each card: from a `BEGIN:VCARD` line to its
 * `END:VCARD` (any case; CRLF, LF or CR line ends). A `BEGIN` inside a card starts a new card, as
 * the parser does; a last card without `END:VCARD` is kept. Text outside cards is ignored.
 */
export function splitVCardBlocks(text: string): string[] {
	const blocks: string[] = [];
	let current: string[] | undefined;
	for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
		const marker = line.trim().toUpperCase();
		if (marker === 'BEGIN:VCARD') {
			if (current) blocks.push(current.join('\r\n'));
			current = [line];
		} else if (current) {
			current.push(line);
			if (marker === 'END:VCARD') {
				blocks.push(current.join('\r\n'));
				current = undefined;
			}
		}
	}
	if (current) blocks.push(current.join('\r\n'));
	return blocks;
}

const NO_IDENTITY = 'This card has no name, email, phone number or link to save the person by.';

/** True when a card names the person somehow: what saving a contact asks for. */
export function canSave(card: CardFields): boolean {
	return Boolean(
		card.name.trim() ||
		card.givenName ||
		card.familyName ||
		card.org ||
		card.emails.length ||
		card.phones.length ||
		card.linkedin ||
		card.urls.length
	);
}

/**
 * Reads every card of a .vcf file with {@link parsePayload}.
 *
 * @returns `{ ok: false, reason }` with one sentence for the user when the file is not a contacts
 *   file at all (binary, empty, or no card in it); otherwise every card in file order, each either
 *   read or unreadable with the parser's reason. Never throws.
 */
export function readVCardFile(text: string): VCardFileResult {
	if (text.includes('\u0000'))
		return { ok: false, reason: "This file isn't text, so it can't be a contacts file (.vcf)." };
	if (!text.trim()) return { ok: false, reason: 'This file is empty.' };
	const blocks = splitVCardBlocks(text);
	if (blocks.length === 0)
		return {
			ok: false,
			reason:
				'This file has no contact cards in it. Hallway reads .vcf files (vCard 2.1, 3.0 or 4.0), as phones and address books export them.'
		};
	const entries = blocks.map((raw, i): VCardFileEntry => {
		const parsed = parsePayload(raw);
		if (parsed.kind !== 'contact')
			return { index: i + 1, raw, kind: 'unreadable', reason: parsed.reason };
		if (!canSave(parsed.card))
			return { index: i + 1, raw, kind: 'unreadable', reason: NO_IDENTITY };
		return { index: i + 1, raw, kind: 'card', card: parsed.card };
	});
	return { ok: true, entries };
}
