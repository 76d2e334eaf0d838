import { describe, expect, it } from 'vitest';
import type { ContactRow } from '$lib/db';
import { searchWords } from './keys';
import { PeopleIndex } from './people-index';
import type { PersonListItem } from './people';

let n = 0;
function person(fields: Partial<ContactRow> & { name: string }): PersonListItem {
	n += 1;
	const row: ContactRow = {
		id: `id-${String(n).padStart(3, '0')}`,
		emails: [],
		phones: [],
		urls: [],
		note: '',
		tags: [],
		metAt: '2026-06-02T10:00:00.000Z',
		createdAt: `2026-06-02T10:${String(n).padStart(2, '0')}:00.000Z`,
		updatedAt: '2026-06-02T10:00:00.000Z',
		words: [],
		phoneKeys: [],
		...fields
	};
	return { contact: { ...row, words: searchWords(row) } };
}

const jose = person({
	name: 'José Núñez',
	org: 'Acme Robotics',
	note: 'Talked about warehouse drones',
	tags: ['Robotics', 'investor'],
	rating: 'hot',
	eventId: 'e1',
	sessionId: 's1'
});
const ana = person({
	name: 'Ana Lima',
	org: 'Fábrica',
	tags: ['design'],
	rating: 'warm',
	eventId: 'e1'
});
const bo = person({
	name: 'Bo Chen',
	emails: ['bo@chen.example'],
	note: 'Knows José',
	eventId: 'e2'
});
const names = (items: PersonListItem[]) => items.map((i) => i.contact.name);

describe('PeopleIndex', () => {
	const index = new PeopleIndex([ana, jose, bo]);

	it('lists everyone newest first, whatever order they came in', () => {
		expect(index.size).toBe(3);
		expect(names(index.all())).toEqual(['Bo Chen', 'Ana Lima', 'José Núñez']);
		expect(names(index.search({}))).toEqual(['Bo Chen', 'Ana Lima', 'José Núñez']);
	});

	it('matches the start of any word, ignoring accents and case; every word must match', () => {
		expect(names(index.search({ text: 'jose' }))).toEqual(['Bo Chen', 'José Núñez']);
		expect(names(index.search({ text: 'NUÑ' }))).toEqual(['José Núñez']);
		expect(names(index.search({ text: 'drones acme' }))).toEqual(['José Núñez']);
		expect(names(index.search({ text: 'chen.example' }))).toEqual(['Bo Chen']);
		expect(names(index.search({ text: 'robots' }))).toEqual([]);
		expect(names(index.search({ text: 'ima' }))).toEqual([]);
	});

	it('gives the same answer when narrowing as typed and when searching afresh', () => {
		const typed = new PeopleIndex([ana, jose, bo]);
		for (const text of ['j', 'jo', 'jos', 'jose', 'jose k', 'jose kn']) typed.search({ text });
		expect(names(typed.search({ text: 'jose kno' }))).toEqual(['Bo Chen']);
		// Deleting a letter widens the search again.
		expect(names(typed.search({ text: 'jose' }))).toEqual(['Bo Chen', 'José Núñez']);
		expect(names(typed.search({ text: '' }))).toHaveLength(3);
	});

	it('filters by event, session, tag (any case) and rating, with or without text', () => {
		expect(names(index.search({ eventId: 'e1' }))).toEqual(['Ana Lima', 'José Núñez']);
		expect(names(index.search({ eventId: 'e1', sessionId: 's1' }))).toEqual(['José Núñez']);
		expect(names(index.search({ tag: 'robotics' }))).toEqual(['José Núñez']);
		expect(names(index.search({ rating: 'warm' }))).toEqual(['Ana Lima']);
		expect(names(index.search({ text: 'jose', eventId: 'e2' }))).toEqual(['Bo Chen']);
		// A filter changed after typing is applied, not served from the narrowed result.
		expect(names(index.search({ text: 'jose', eventId: 'e1' }))).toEqual(['José Núñez']);
		expect(names(index.search({ text: 'jose', eventId: '' }))).toEqual(['Bo Chen', 'José Núñez']);
	});

	it('finds the oldest of thousands by name', () => {
		const many = Array.from({ length: 3000 }, (_, i) =>
			person({
				name: `Person ${i}`,
				createdAt: `2026-06-01T00:00:00.${String(i).padStart(3, '0')}Z`
			})
		);
		const big = new PeopleIndex([...many].reverse());
		expect(big.all().at(-1)?.contact.name).toBe('Person 0');
		expect(names(big.search({ text: 'person 0' }))).toEqual(['Person 0']);
	});
});
