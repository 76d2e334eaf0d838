/**
 * Importing a .vcf of many contacts: a preview (who is new, who is already saved, which cards
 * couldn't be read), then one transaction that logs every card as a scan and saves or merges the
 * people. IndexedDB only: works offline.
 */
import { db, type ContactRow } from '$lib/db';
import type { CardFields } from '$lib/capture/payload';
import { recordScan } from '$lib/capture/scans.repo';
import { findDuplicates, mergeIntoContact, saveContact } from '$lib/contacts/contacts.repo';
import { fold, phoneKeys, words } from '$lib/contacts/keys';
import { canSave, readVCardFile, type VCardFileEntry } from './import-vcards';

export class VCardImportError extends Error {
	override name = 'VCardImportError';
}

/** What importing the file would do, card by card. */
export interface VCardImportPreview {
	entries: VCardFileEntry[];
	/** People not in Hallway yet (cards repeating one of them in the file are not counted twice). */
	added: number;
	/** Cards matching someone already saved: same email, phone or LinkedIn. */
	existing: number;
	/** Cards repeating a new person earlier in the same file: combined with that one. */
	repeats: number;
	/** Cards that couldn't be read, with the reason. */
	unreadable: { index: number; reason: string }[];
}

/** What an import did. */
export interface VCardImportResult {
	added: number;
	merged: number;
	unread: number;
}

/**
 * The person a card is, if already saved: through {@link findDuplicates} (same email, phone or
 * LinkedIn). A card with none of those matches someone with the same name and company, so a
 * name-only card imported twice is not saved twice.
 */
async function findSaved(card: CardFields): Promise<ContactRow | undefined> {
	const duplicates = await findDuplicates(card);
	if (duplicates[0]) return duplicates[0];
	if (card.emails.length || phoneKeys(card.phones).length || card.linkedin) return undefined;
	const first = words(card.name)[0];
	if (!first) return undefined;
	const candidates = await db.contacts.where('words').equals(first).toArray();
	return candidates.find((c) => sameNameAndOrg(c, card));
}

function sameNameAndOrg(a: { name: string; org?: string }, b: { name: string; org?: string }) {
	return fold(a.name.trim()) === fold(b.name.trim()) && fold(a.org ?? '') === fold(b.org ?? '');
}

/** Keys by which two cards of one file are the same person (mirrors findSaved). */
function fileKeys(card: CardFields): string[] {
	const keys = [
		...card.emails.map((e) => `e:${e.toLowerCase()}`),
		...phoneKeys(card.phones).map((k) => `p:${k.replace(/^\+/, '')}`),
		...(card.linkedin ? [`l:${card.linkedin}`] : [])
	];
	return keys.length ? keys : [`n:${fold(card.name.trim())}|${fold(card.org ?? '')}`];
}

/**
 * Reads a .vcf file's text and works out what importing it would do, without writing anything.
 *
 * @throws VCardImportError with a sentence for the user when the file is not a contacts file or
 *   holds no card at all; storage errors reject as they are.
 */
export async function previewVCardImport(text: string): Promise<VCardImportPreview> {
	const file = readVCardFile(text);
	if (!file.ok) throw new VCardImportError(file.reason);
	const preview: VCardImportPreview = {
		entries: file.entries,
		added: 0,
		existing: 0,
		repeats: 0,
		unreadable: []
	};
	const seen = new Set<string>();
	await db.transaction('r', [db.contacts], async () => {
		for (const entry of file.entries) {
			if (entry.kind === 'unreadable') {
				preview.unreadable.push({ index: entry.index, reason: entry.reason });
				continue;
			}
			if (await findSaved(entry.card)) {
				preview.existing++;
				continue;
			}
			const keys = fileKeys(entry.card);
			if (keys.some((k) => seen.has(k))) preview.repeats++;
			else preview.added++;
			for (const k of keys) seen.add(k);
		}
	});
	return preview;
}

/**
 * Imports the cards of a preview in one transaction: every card is logged as a scan with source
 * 'import' (unreadable ones wait in Unread scans, so nothing is lost); a new person is saved to
 * `eventId`; someone already saved only gains what they were missing (never overwritten: see
 * {@link mergeIntoContact}). Matches are looked up again inside the transaction, so importing the
 * same file twice adds no one the second time. If anything fails, nothing is written.
 */
export async function applyVCardImport(
	entries: VCardFileEntry[],
	options: { eventId?: string } = {}
): Promise<VCardImportResult> {
	const result: VCardImportResult = { added: 0, merged: 0, unread: 0 };
	const eventId = options.eventId || undefined;
	await db.transaction('rw', [db.contacts, db.scans], async () => {
		for (const entry of entries) {
			const { scan, parsed } = await recordScan(entry.raw, 'import', { eventId });
			if (parsed.kind !== 'contact' || !canSave(parsed.card)) {
				result.unread++;
				continue;
			}
			const saved = await findSaved(parsed.card);
			if (saved) {
				// A note already kept (from an earlier import of the same card) is not added again.
				const note = parsed.card.note;
				const known = note !== undefined && saved.note.includes(note);
				await mergeIntoContact(
					saved.id,
					{ ...parsed.card, note: known ? undefined : note, eventId },
					{ scanId: scan.id }
				);
				result.merged++;
			} else {
				await saveContact({ ...parsed.card, eventId }, { scanId: scan.id });
				result.added++;
			}
		}
	});
	return result;
}
