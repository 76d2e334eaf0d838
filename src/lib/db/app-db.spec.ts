import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppDB } from './app-db';
import { formatBytes } from './storage';

describe('AppDB schema v2', () => {
	it('has every table of the data model, keyed by string ids', async () => {
		const db = new AppDB(`schema-${crypto.randomUUID()}`);
		await db.open();
		expect(db.verno).toBe(2);
		expect(db.tables.map((t) => t.name).sort()).toEqual([
			'changes',
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

describe('upgrade from v1', () => {
	it('keeps v1 data and adds an empty changes table', async () => {
		const name = `upgrade-${crypto.randomUUID()}`;
		const v1 = new Dexie(name);
		v1.version(1).stores({
			events: 'id, startDate, updatedAt',
			sessions: 'id, eventId, [eventId+start], [eventId+externalId], start',
			contacts:
				'id, eventId, sessionId, createdAt, updatedAt, metAt, rating, *tags, *emails, *phoneKeys, linkedin, *words',
			scans: 'id, scannedAt, contactId, eventId, format',
			followups: 'id, contactId, status, dueAt, [status+dueAt]',
			prompts: 'id, kind, sessionId, createdAt',
			settings: 'key'
		});
		await v1.table('settings').put({ key: 'myName', value: 'Rosa' });
		await v1.table('prompts').put({ id: 'p1', kind: 'own', text: 'So?', createdAt: 'x' });
		v1.close();

		const db = new AppDB(name);
		await db.open();
		expect(db.verno).toBe(2);
		expect(await db.settings.get('myName')).toEqual({ key: 'myName', value: 'Rosa' });
		expect(await db.prompts.count()).toBe(1);
		expect(await db.changes.count()).toBe(0);
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
