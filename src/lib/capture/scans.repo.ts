/**
 * The scan log: every code read is written here, raw, before anything else happens to it, so
 * nothing read is ever lost. IndexedDB only: works offline.
 */
import { db, newId, nowIso, type ScanRow, type ScanSource } from '$lib/db';
import { parsePayload, type ParsedPayload } from './payload';

/**
 * Logs a raw scan, then parses it and records the format (or, for an unreadable payload, 'unknown'
 * with the reason). The raw row is written first, so even a parser bug cannot lose the scan.
 * Rejects only when storage itself fails, with the browser's error.
 */
export async function recordScan(
	raw: string,
	source: ScanSource,
	options: { eventId?: string; at?: string } = {}
): Promise<{ scan: ScanRow; parsed: ParsedPayload }> {
	const scan: ScanRow = {
		id: newId(),
		raw,
		format: 'unknown',
		source,
		scannedAt: options.at ?? nowIso(),
		...(options.eventId ? { eventId: options.eventId } : {})
	};
	await db.scans.add(scan);
	const parsed = parsePayload(raw);
	const update =
		parsed.kind === 'contact'
			? { format: parsed.format }
			: { format: 'unknown', reason: parsed.reason };
	await db.scans.update(scan.id, update);
	return { scan: { ...scan, ...update }, parsed };
}

/**
 * Scans not (or no longer) saved as a person, newest first: codes that couldn't be read as one,
 * and readable ones that were discarded or undone. They wait in Unread scans.
 */
export async function listUnreadScans(): Promise<ScanRow[]> {
	const rows = await db.scans.orderBy('scannedAt').reverse().toArray();
	return rows.filter((s) => !s.contactId);
}

/**
 * How many scans are not linked to a person, counted through the contactId index (every scan,
 * less those in the index) without reading the scans themselves.
 */
export async function countUnreadScans(): Promise<number> {
	return db.transaction('r', [db.scans], async () => {
		const [all, linked] = await Promise.all([
			db.scans.count(),
			db.scans.orderBy('contactId').count()
		]);
		return all - linked;
	});
}

/** Saves the user's own words on a scan ("the tall one from the Acme booth"). */
export async function annotateScan(id: string, note: string): Promise<void> {
	await db.scans.update(id, { note: note.trim() || undefined });
}
