/**
 * Reads the contacts an export holds, in chunks, from IndexedDB (works offline). Only index keys
 * are read up front; rows are fetched a chunk at a time and the caller's `pause` lets the screen
 * repaint its progress bar between chunks.
 */
import { db, type ContactRow, type EventRow, type SessionRow } from '$lib/db';
import {
	ContactFileWriter,
	exportFileName,
	type ExportFilter,
	type ExportFormat
} from './export-contacts';

export interface ExportResult {
	/** How many contacts the file holds; 0 means no file was made. */
	count: number;
	text: string;
	fileName: string;
}

export interface ExportOptions {
	/** Rows read per step (default 500). */
	chunkSize?: number;
	/** Told after each chunk: contacts written so far, and how many there are in all. */
	onProgress?: (done: number, total: number) => void;
	/** Awaited between chunks; the screen passes a yield to the event loop. */
	pause?: () => Promise<void>;
	/** The export's day for the file name (YYYY-MM-DD); defaults to today. */
	date?: string;
}

/**
 * The ids of the contacts a filter selects, oldest first (the order they were met in). Reads only
 * indexes, so it stays quick at thousands of contacts.
 */
export async function exportIds(filter: ExportFilter): Promise<string[]> {
	const ordered = await db.contacts.orderBy('createdAt').primaryKeys();
	if (filter.kind === 'all') return ordered;
	const selected = new Set(
		filter.kind === 'event'
			? await db.contacts.where('eventId').equals(filter.eventId).primaryKeys()
			: await db.contacts.where('tags').equals(filter.tag).primaryKeys()
	);
	return ordered.filter((id) => selected.has(id));
}

/**
 * Writes the contacts a filter selects as one .vcf or CSV file's text.
 *
 * @returns `{ count: 0, text: '' }` when nothing matches (the screen says so instead of saving an
 *   empty file). Rejects with the browser's error when storage cannot be read; nothing is written
 *   to the database either way.
 */
export async function exportContacts(
	filter: ExportFilter,
	format: ExportFormat,
	options: ExportOptions = {}
): Promise<ExportResult> {
	const chunkSize = Math.max(1, options.chunkSize ?? 500);
	const ids = await exportIds(filter);
	const events = new Map((await db.events.toArray()).map((e): [string, EventRow] => [e.id, e]));
	const fileName = exportFileName(
		format,
		{
			filter,
			eventName: filter.kind === 'event' ? events.get(filter.eventId)?.name : undefined
		},
		options.date ?? localDate()
	);
	if (ids.length === 0) return { count: 0, text: '', fileName };

	const writer = new ContactFileWriter(format);
	const sessions = new Map<string, SessionRow | undefined>();
	options.onProgress?.(0, ids.length);
	for (let start = 0; start < ids.length; start += chunkSize) {
		const rows = (await db.contacts.bulkGet(ids.slice(start, start + chunkSize))).filter(
			(row): row is ContactRow => !!row
		);
		const missing = [
			...new Set(
				rows.flatMap((r) => (r.sessionId && !sessions.has(r.sessionId) ? [r.sessionId] : []))
			)
		];
		const found = await db.sessions.bulkGet(missing);
		missing.forEach((id, i) => sessions.set(id, found[i]));
		for (const row of rows) {
			writer.add(row, {
				event: row.eventId ? events.get(row.eventId) : undefined,
				session: row.sessionId ? sessions.get(row.sessionId) : undefined
			});
		}
		options.onProgress?.(Math.min(start + chunkSize, ids.length), ids.length);
		if (options.pause && start + chunkSize < ids.length) await options.pause();
	}
	return { count: writer.count, text: writer.count ? writer.text() : '', fileName };
}

function localDate(): string {
	const now = new Date();
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
