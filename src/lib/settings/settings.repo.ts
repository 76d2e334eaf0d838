/**
 * Key-value settings in the `settings` table. Keys are declared here with their value types so a
 * typo is a type error, not a silently missing preference.
 */
import { db } from '$lib/db';
import type { StoredTemplates } from '$lib/followups/template-set';
import type { MyCardFields } from '$lib/me/card';

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
	/** My card's other details (org, title, email, phone, LinkedIn, website), stored as typed. */
	myCard: MyCardFields;
	/** Days between follow-up nudges and how long "Not now" lasts (see followups/plan.ts). */
	followUpCadence: { nudge1AfterDays: number; nudge2AfterDays: number; snoozeDays: number };
	/** The user's edits to follow-up templates and their own variants (followups/template-set.ts). */
	followUpTemplates: StoredTemplates;
	/** The user asked for a notification when follow-ups are due (and the browser allowed it). */
	followUpNotifications: boolean;
	/** The due follow-ups the last notification was about ("id@dueAt"), so it is shown once. */
	followUpNotified: string[];
	/** Reached goals already celebrated on Today, as `eventId:kind:target` (see wins/progress.ts). */
	celebratedGoals: string[];
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
