/**
 * Derived keys stored with each contact: search words and phone keys. Pure, so the repo and the
 * search box fold text the same way ("José" is found by "jose").
 */
import { phoneKey } from '$lib/capture/payload';

/** Lower-case, accents removed: the form both stored words and typed queries are compared in. */
export function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase();
}

/** The words of a text, folded; punctuation and symbols split words. */
export function words(text: string): string[] {
	return fold(text)
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length > 0);
}

export interface Searchable {
	name: string;
	org?: string;
	title?: string;
	note?: string;
	tags: string[];
	emails: string[];
	phones: string[];
}

/**
 * Every word a person can be found by: name, organisation, title, note, tags and emails (whole
 * address and its parts). De-duplicated; capped so a very long note cannot bloat the index.
 */
export function searchWords(contact: Searchable): string[] {
	const all = new Set<string>();
	const add = (text: string | undefined) => {
		if (text) for (const w of words(text)) all.add(w);
	};
	add(contact.name);
	add(contact.org);
	add(contact.title);
	for (const tag of contact.tags) add(tag);
	for (const email of contact.emails) {
		all.add(fold(email));
		add(email);
	}
	add(contact.note?.slice(0, 2000));
	return [...all].slice(0, 300);
}

/** Phone keys (digits, with a leading + kept) for de-duplication; empty keys dropped. */
export function phoneKeys(phones: string[]): string[] {
	return [...new Set(phones.map(phoneKey).filter((k) => k.replace('+', '').length >= 5))];
}

/** The query's words, for matching against searchWords(): every word must prefix-match one. */
export function queryWords(query: string): string[] {
	return words(query);
}
