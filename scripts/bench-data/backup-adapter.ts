/// <reference types="vite/client" />
/**
 * The one place the data bench meets the backup module (src/lib/backup/). It takes the same steps
 * as the screens: Back up reads every table and writes the file in pieces into a Blob
 * (backup-runner.svelte.ts); Restore reads and checks the file, plans the preview and writes it
 * (routes/data/Restore.svelte). When the module is missing the bench says "not measured".
 */

/** import.meta.glob matches nothing (an empty object) when the files do not exist. */
const modules = import.meta.glob(['/src/lib/backup/backup.ts', '/src/lib/backup/backup.repo.ts']);

export interface BackupAdapter {
	/** The full backup, as the user would save it. */
	exportAll(): Promise<string | Blob>;
	/** Checks, previews and restores a backup made by exportAll(); the time of each step (ms). */
	restore(file: string | Blob): Promise<{ check: number; preview: number; write: number }>;
}

type BackupModule = typeof import('../../src/lib/backup/backup');
type RepoModule = typeof import('../../src/lib/backup/backup.repo');

/** The backup functions, or undefined while src/lib/backup/ does not exist. */
export async function loadBackup(): Promise<BackupAdapter | undefined> {
	const loadFile = modules['/src/lib/backup/backup.ts'];
	const loadRepo = modules['/src/lib/backup/backup.repo.ts'];
	if (!loadFile || !loadRepo) return undefined;
	const file = (await loadFile()) as BackupModule;
	const repo = (await loadRepo()) as RepoModule;
	return {
		async exportAll() {
			const { rows, covered } = await repo.readForBackup();
			const exportedAt = new Date().toISOString();
			const pieces = [...file.backupPieces(rows, { exportedAt, appVersion: 'bench' })];
			const blob = new Blob(pieces, { type: 'application/json' });
			await repo.markBackedUp(covered, exportedAt);
			return blob;
		},
		async restore(input) {
			const blob = typeof input === 'string' ? new Blob([input]) : input;
			const t0 = performance.now();
			const parsed = await file.readBackupFile(blob);
			if (!parsed.ok) throw new Error(`the bench's own backup was refused: ${parsed.message}`);
			const t1 = performance.now();
			await repo.planRestore(parsed.backup);
			const t2 = performance.now();
			await repo.restoreBackup(parsed.backup);
			const t3 = performance.now();
			return { check: t1 - t0, preview: t2 - t1, write: t3 - t2 };
		}
	};
}
