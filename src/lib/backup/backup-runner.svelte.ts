/**
 * Making a backup from the UI: reads everything (with progress), writes the file in slices so the
 * page stays responsive, hands it to the browser as a download, then records the backup. One run
 * at a time, shared by the data screen and the "Back up now" reminders. Works offline: the file is
 * made on the device and nothing is sent anywhere.
 */
import { version } from '$app/environment';
import { downloadText } from '$lib/ui/download';
import { toasts } from '$lib/ui/toast.svelte';
import { reason } from './wording';
import { backupFileName, backupPieces, rowCount } from './backup';
import { markBackedUp, readForBackup } from './backup.repo';

/** Pieces (about one per row) written between two pauses that let the page repaint. */
const SLICE = 2000;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

class BackupRunner {
	/** True while a backup is being made. */
	running = $state(false);
	phase = $state<'reading' | 'writing'>('reading');
	/** Rows read (or written) so far, of `total`. */
	done = $state(0);
	total = $state(0);
	/** Why the last backup failed, in one line. */
	error = $state<string | undefined>(undefined);

	/** Makes a backup and downloads it; resolves to true when the file was handed over. */
	async run(): Promise<boolean> {
		if (this.running) return false;
		this.running = true;
		this.error = undefined;
		this.phase = 'reading';
		this.done = 0;
		this.total = 0;
		try {
			const { rows, covered } = await readForBackup((done, total) => {
				this.done = done;
				this.total = total;
			});
			this.phase = 'writing';
			this.done = 0;
			this.total = rowCount(rows);
			const exportedAt = new Date().toISOString();
			const pieces: string[] = [];
			for (const piece of backupPieces(rows, { exportedAt, appVersion: version })) {
				pieces.push(piece);
				if (pieces.length % SLICE === 0) {
					this.done = Math.min(pieces.length, this.total);
					await pause();
				}
			}
			this.done = this.total;
			const fileName = backupFileName(new Date(exportedAt));
			downloadText(fileName, pieces.join(''), 'application/json');
			await markBackedUp(covered, exportedAt);
			toasts.show(`Backed up to ${fileName}. Keep it somewhere safe.`);
			return true;
		} catch (error) {
			this.error = reason(error);
			return false;
		} finally {
			this.running = false;
		}
	}
}

/** The app's one backup runner. */
export const backupRunner = new BackupRunner();
