/**
 * Key-value settings in the `settings` table. Keys are declared here with their value types so a
 * typo is a type error, not a silently missing preference.
 */
import { db } from '$lib/db';

export interface SettingValues {
	/** The event Today shows and new contacts belong to. */
	activeEventId: string;
	/** Save a scanned person straight away (toast with Undo) instead of showing the review sheet. */
	quickSave: boolean;
	/** Keep the camera on and save each new code as it is seen. */
	continuousScan: boolean;
	/** A short beep on a successful scan (vibration happens regardless, where supported). */
	scanSound: boolean;
	/** The user's short pitch, shown on Today to rehearse and merged into follow-ups. */
	myIntro: string;
	/** The user's name, merged into follow-up messages as {myName}. */
	myName: string;
	/** Days between follow-up nudges and how long "Not now" lasts (see followups/plan.ts). */
	followUpCadence: { nudge1AfterDays: number; nudge2AfterDays: number; snoozeDays: number };
	/** When the last backup file was handed to the browser (ISO); bookkeeping, never backed up. */
	lastBackupAt: string;
}

export type SettingKey = keyof SettingValues;

/** What a setting is when the user never changed it. */
export const SETTING_DEFAULTS: { [K in SettingKey]?: SettingValues[K] } = {
	quickSave: false,
	continuousScan: false,
	scanSound: true
};

/** Reads one setting; its default (or undefined) when never set. Works offline (IndexedDB only). */
export async function getSetting<K extends SettingKey>(
	key: K
): Promise<SettingValues[K] | undefined> {
	const row = await db.settings.get(key);
	return (row?.value as SettingValues[K] | undefined) ?? SETTING_DEFAULTS[key];
}

/** Writes one setting, replacing the old value. Rejects when the write fails (shown by callers). */
export async function setSetting<K extends SettingKey>(
	key: K,
	value: SettingValues[K]
): Promise<void> {
	await db.settings.put({ key, value });
}
