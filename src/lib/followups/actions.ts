/**
 * The follow-up actions shared by the Follow-ups screen and a person's page: each runs one repo
 * use case and says what happened in a toast with Undo, or why it could not be saved.
 */
import type { Id } from '$lib/db';
import { getSetting } from '$lib/settings/settings.repo';
import { toasts } from '$lib/ui/toast.svelte';
import { cadenceSettings } from './plan';
import { markNotNow, markReplied, restoreFollowUps, type FollowUpSnapshot } from './outbox.repo';

/** Runs a use case and offers Undo; a storage failure is shown, never swallowed. */
export async function withUndo(
	run: () => Promise<FollowUpSnapshot>,
	message: string
): Promise<void> {
	try {
		const snapshot = await run();
		toasts.show(message, { action: { label: 'Undo', run: () => restoreFollowUps(snapshot) } });
	} catch (error) {
		toasts.show(`Couldn't save that: ${error instanceof Error ? error.message : String(error)}`);
	}
}

/** "They replied": no more nudges for this person. */
export function replied(contactId: Id, name: string): Promise<void> {
	return withUndo(
		() => markReplied(contactId, new Date().toISOString()),
		`${name || 'They'} replied. No more nudges.`
	);
}

/** "Not now": pauses this person; they come back after the snooze. */
export async function notNow(contactId: Id, name: string): Promise<void> {
	let days = cadenceSettings().snoozeDays;
	try {
		days = cadenceSettings(await getSetting('followUpCadence')).snoozeDays;
	} catch {
		// The toast then names the default; markNotNow below reports the storage failure itself.
	}
	await withUndo(
		() => markNotNow(contactId, new Date().toISOString()),
		`${name || 'They'}: not now. They'll come back in ${days} days.`
	);
}
