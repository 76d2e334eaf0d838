/**
 * The data bench's module, loaded into the production app's page by scripts/bench-data/run.js
 * (`await import('/__bench/data.js')`, served by the bench's own server only, never part of
 * build/). It seeds and measures through the app's own repo functions, on the app's own IndexedDB.
 */
import { saveContact } from '$lib/contacts/contacts.repo';
import { createEvent } from '$lib/events/events.repo';
import { queueDraft, startFollowUp } from '$lib/followups/outbox.repo';
import { parseSchedule } from '$lib/schedule/parse';
import { applyImport, previewImport, sessionsOf } from '$lib/schedule/sessions.repo';
import { loadBackup } from './backup-adapter';
import { personDraft, pretalxSchedule, rng } from './generate';

const SEED = 0x5ca1e;

/** How far seed() has got, for the bench's progress line. */
export const progress = { step: 'starting', done: 0, of: 0 };

/** Runs `work` over `items` with up to `width` in flight: Dexie queues the transactions. */
async function inBatches<T>(items: T[], width: number, work: (item: T) => Promise<unknown>) {
	for (let i = 0; i < items.length; i += width)
		await Promise.all(items.slice(i, i + width).map(work));
}

function dayOffset(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export interface SeedResult {
	eventId: string;
	contacts: number;
	sessions: number;
	followups: number;
	/** A name a search should find: the oldest contact's. */
	oldestName: string;
	seconds: number;
}

/**
 * A three-day event that started yesterday (the active one) with `sessions` sessions imported
 * from a pretalx file, `contacts` people met at it (most in a session), and a first follow-up
 * drafted for `followups` of them, a tenth of which are queued and due.
 */
export async function seed(counts: {
	contacts: number;
	sessions: number;
	followups: number;
}): Promise<SeedResult> {
	const t0 = performance.now();
	const event = await createEvent(
		{
			name: 'Bench Expo',
			startDate: dayOffset(-1),
			endDate: dayOffset(1),
			timeZone: 'UTC',
			venue: 'Hall 4'
		},
		{ activate: true }
	);
	progress.step = 'sessions';
	const text = pretalxSchedule({
		count: counts.sessions,
		firstDay: dayOffset(-1),
		days: 3,
		seed: SEED,
		acronym: 'bench-expo'
	});
	await applyImport(
		await previewImport(event.id, parseSchedule(text, { fileName: 'schedule.json' }))
	);
	const sessions = await sessionsOf(event.id);

	const random = rng(SEED);
	const drafts = Array.from({ length: counts.contacts }, (_, i) => {
		const session = random() < 0.8 ? sessions[Math.floor(random() * sessions.length)] : undefined;
		return personDraft(random, i, {
			eventId: event.id,
			sessionId: session?.id,
			metAt: session?.start
		});
	});
	const ids: string[] = [];
	Object.assign(progress, { step: 'contacts', done: 0, of: drafts.length });
	// In order, so the oldest is the first saved (newest first puts it last in People).
	await saveContact(drafts[0]!).then((row) => ids.push(row.id));
	await inBatches(drafts.slice(1), 50, async (draft) => {
		ids.push((await saveContact(draft)).id);
		progress.done += 1;
	});

	const now = new Date().toISOString();
	const past = new Date(Date.now() - 3_600_000).toISOString();
	Object.assign(progress, { step: 'follow-ups', done: 0, of: counts.followups });
	await inBatches(ids.slice(0, counts.followups), 50, async (id) => {
		const row = await startFollowUp(id, now);
		progress.done += 1;
		if (row && random() < 0.1) await queueDraft(row.id, past, now);
	});
	return {
		eventId: event.id,
		contacts: ids.length,
		sessions: sessions.length,
		followups: Math.min(counts.followups, ids.length),
		oldestName: drafts[0]!.name ?? '',
		seconds: (performance.now() - t0) / 1000
	};
}

/**
 * Imports a generated `count`-session pretalx JSON into a new (inactive) event, as the import
 * screen does: parse, preview, apply. Milliseconds per step.
 */
export async function importAgenda(count: number, run: number) {
	const event = await createEvent({
		name: `Import run ${run}`,
		startDate: dayOffset(10),
		endDate: dayOffset(12),
		timeZone: 'UTC'
	});
	const text = pretalxSchedule({
		count,
		firstDay: dayOffset(10),
		days: 3,
		seed: SEED + run,
		acronym: `import-${run}`
	});
	const t0 = performance.now();
	const parsed = parseSchedule(text, { fileName: 'schedule.json' });
	const t1 = performance.now();
	const plan = await previewImport(event.id, parsed);
	const t2 = performance.now();
	await applyImport(plan);
	const t3 = performance.now();
	return {
		bytes: text.length,
		sessions: plan.added,
		parse: t1 - t0,
		preview: t2 - t1,
		apply: t3 - t2,
		total: t3 - t0
	};
}

/** Whether src/lib/backup/backup.ts exists in this build of the bench. */
export async function backupAvailable(): Promise<boolean> {
	return (await loadBackup()) !== undefined;
}

let lastBackup: string | Blob | undefined;

/** Exports the full backup; keeps it for restoreBackup(). */
export async function exportBackup() {
	const backup = await loadBackup();
	if (!backup) throw new Error('backup module not present');
	const t0 = performance.now();
	lastBackup = await backup.exportAll();
	const ms = performance.now() - t0;
	const bytes = typeof lastBackup === 'string' ? lastBackup.length : lastBackup.size;
	return { ms, bytes };
}

/** Restores the last exported backup. */
export async function restoreBackup() {
	const backup = await loadBackup();
	if (!backup || lastBackup === undefined) throw new Error('export a backup first');
	const t0 = performance.now();
	const steps = await backup.restore(lastBackup);
	return { ms: performance.now() - t0, ...steps };
}
