/// <reference types="vite/client" />
/**
 * The one place the data bench meets the backup module (src/lib/backup/backup.ts, written in
 * parallel). When that file is missing the bench prints "backup: not measured (module not
 * present)"; as soon as it exists, the bench measures it.
 *
 * Expected from src/lib/backup/backup.ts (fix the two calls below if the names differ):
 *   exportBackup(): Promise<string | Blob>   — the full JSON backup of every table
 *   restoreBackup(file: string | Blob): Promise<unknown> — validates, then replaces or merges
 */

/** import.meta.glob matches nothing (an empty object) when the file does not exist yet. */
const modules = import.meta.glob('/src/lib/backup/backup.ts');

export interface BackupAdapter {
	/** The full backup, as the user would save it. */
	exportAll(): Promise<string | Blob>;
	/** Restores a backup made by exportAll(). */
	restore(file: string | Blob): Promise<unknown>;
}

/** The backup functions, or undefined while src/lib/backup/backup.ts does not exist. */
export async function loadBackup(): Promise<BackupAdapter | undefined> {
	const load = modules['/src/lib/backup/backup.ts'];
	if (!load) return undefined;
	const backup = (await load()) as Record<string, unknown>;
	const exportBackup = backup.exportBackup as (() => Promise<string | Blob>) | undefined;
	const restoreBackup = backup.restoreBackup as
		((file: string | Blob) => Promise<unknown>) | undefined;
	if (typeof exportBackup !== 'function' || typeof restoreBackup !== 'function')
		throw new Error(
			`src/lib/backup/backup.ts exports ${Object.keys(backup).join(', ')}: adjust scripts/bench-data/backup-adapter.ts`
		);
	return { exportAll: () => exportBackup(), restore: (file) => restoreBackup(file) };
}
