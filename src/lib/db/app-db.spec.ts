import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppDB } from './app-db';
import { formatBytes } from './storage';

describe('AppDB schema v1', () => {
	it('has every table of the data model, keyed by string ids', async () => {
		const db = new AppDB(`schema-${crypto.randomUUID()}`);
		await db.open();
		expect(db.verno).toBe(1);
		expect(db.tables.map((t) => t.name).sort()).toEqual([
			'contacts',
			'events',
			'followups',
			'prompts',
			'scans',
			'sessions',
			'settings'
		]);
		await db.contacts.add({
			id: 'c1',
			name: 'Ana Lima',
			emails: ['ana@example.com'],
			phones: [],
			urls: [],
			note: '',
			tags: ['design', 'speaker'],
			metAt: '2026-06-02T09:00:00.000Z',
			createdAt: '2026-06-02T09:00:00.000Z',
			updatedAt: '2026-06-02T09:00:00.000Z',
			words: ['ana', 'lima'],
			phoneKeys: []
		});
		// The multi-entry indexes that search and de-duplication rely on.
		expect(await db.contacts.where('tags').equals('speaker').primaryKeys()).toEqual(['c1']);
		expect(await db.contacts.where('emails').equals('ana@example.com').count()).toBe(1);
		expect(await db.contacts.where('words').startsWith('lim').count()).toBe(1);
		db.close();
		await db.delete();
	});
});

describe('persistence on first write', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		vi.resetModules();
	});

	it('asks navigator.storage.persist() once, on the first write, not on reads', async () => {
		const persist = vi.fn(() => Promise.resolve(true));
		vi.stubGlobal('navigator', { storage: { persist } });
		const { db } = await import('./index');
		await db.events.toArray();
		expect(persist).not.toHaveBeenCalled();
		await db.settings.put({ key: 'activeEventId', value: 'x' });
		await db.settings.put({ key: 'activeEventId', value: 'y' });
		expect(persist).toHaveBeenCalledTimes(1);
	});
});

describe('formatBytes', () => {
	it('reads like a person would say it', () => {
		expect(formatBytes(512)).toBe('512 B');
		expect(formatBytes(1536)).toBe('1.5 KB');
		expect(formatBytes(52 * 1024 * 1024)).toBe('52 MB');
	});
});
