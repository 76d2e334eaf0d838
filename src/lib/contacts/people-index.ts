/**
 * People's in-memory search index: built once per visit from one read of every contact, then each
 * keystroke filters it in memory instead of reading thousands of rows through IndexedDB. Matching
 * is the same as searchContacts (every typed word must start one of the contact's stored `words`,
 * accent- and case-insensitively; event, session, tag and rating filters), and so is the order:
 * newest first, ties by id descending. Pure: no Dexie, no DOM.
 */
import type { Rating } from '$lib/db';
import { fold, queryWords } from './keys';
import type { PersonListItem } from './people';

/** What the People screen filters by; empty strings mean "any". */
export interface PeopleQuery {
	text?: string;
	eventId?: string;
	sessionId?: string;
	tag?: string;
	rating?: Rating | '';
}

interface Entry {
	item: PersonListItem;
	/** Folded tags, so a tag filter compares without folding per keystroke. */
	tags: string[];
}

/** Newest first, ties by id descending: the createdAt index read in reverse. */
function newestFirst(a: PersonListItem, b: PersonListItem): number {
	const x = a.contact;
	const y = b.contact;
	if (x.createdAt !== y.createdAt) return x.createdAt < y.createdAt ? 1 : -1;
	return x.id < y.id ? 1 : x.id > y.id ? -1 : 0;
}

export class PeopleIndex {
	readonly #entries: Entry[];
	/** The last search, reused when the next one only narrows it (typing one more letter). */
	#last: { key: string; text: string; result: PersonListItem[] } | undefined;

	/** Items in any order; they are sorted newest first once, here. */
	constructor(items: readonly PersonListItem[]) {
		this.#entries = [...items]
			.sort(newestFirst)
			.map((item) => ({ item, tags: item.contact.tags.map(fold) }));
	}

	/** How many people are in the index. */
	get size(): number {
		return this.#entries.length;
	}

	/** Everyone, newest first. */
	all(): PersonListItem[] {
		return this.#entries.map((e) => e.item);
	}

	/** The people matching a query, newest first. Never throws; an empty query matches everyone. */
	search(query: PeopleQuery): PersonListItem[] {
		const text = fold(query.text ?? '').trim();
		const tag = query.tag ? fold(query.tag) : '';
		const key = [query.eventId ?? '', query.sessionId ?? '', tag, query.rating ?? ''].join(
			'\u0000'
		);
		const terms = queryWords(text);
		const matchesText = (item: PersonListItem) =>
			terms.every((term) => item.contact.words.some((w) => w.startsWith(term)));

		// Typing on only narrows the matches: filter the last result instead of everyone.
		const last = this.#last;
		let result: PersonListItem[];
		if (last && last.key === key && text.startsWith(last.text) && last.text !== '') {
			result = last.result.filter(matchesText);
		} else {
			result = [];
			for (const entry of this.#entries) {
				const c = entry.item.contact;
				if (query.eventId && c.eventId !== query.eventId) continue;
				if (query.sessionId && c.sessionId !== query.sessionId) continue;
				if (query.rating && c.rating !== query.rating) continue;
				if (tag && !entry.tags.includes(tag)) continue;
				if (terms.length && !matchesText(entry.item)) continue;
				result.push(entry.item);
			}
		}
		this.#last = { key, text, result };
		return result;
	}
}
