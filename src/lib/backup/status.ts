/**
 * How many changes wait for a backup, and when the last one was made. Kept apart from the backup
 * repo so the reminder on Today costs one small module, not the backup code and its schema.
 */
import { db } from '$lib/db';

/** How many rows changed since the last backup, and when that was (undefined: never). */
export async function backupStatus(): Promise<{ changes: number; lastBackupAt?: string }> {
	return db.transaction('r', [db.changes, db.settings], async () => {
		const [changes, last] = await Promise.all([
			db.changes.count(),
			db.settings.get('lastBackupAt')
		]);
		return {
			changes,
			lastBackupAt: typeof last?.value === 'string' ? last.value : undefined
		};
	});
}
