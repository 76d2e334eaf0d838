/**
 * Key-value settings in the `settings` table. Keys are declared here with their value types so a
 * typo is a type error, not a silently missing preference.
 */
import { db } from '$lib/db';

export interface SettingValues {
	/** The event Today shows and new contacts belong to. */
	activeEventId: string;
}

export type SettingKey = keyof SettingValues;

/** Reads one setting; undefined when it was never set. Works offline (IndexedDB only). */
export async function getSetting<K extends SettingKey>(
	key: K
): Promise<SettingValues[K] | undefined> {
	const row = await db.settings.get(key);
	return row?.value as SettingValues[K] | undefined;
}

/** Writes one setting, replacing the old value. Rejects when the write fails (shown by callers). */
export async function setSetting<K extends SettingKey>(
	key: K,
	value: SettingValues[K]
): Promise<void> {
	await db.settings.put({ key, value });
}
