/**
 * Reading and saving the user's follow-up templates (settings key `followUpTemplates`). Only
 * sets produced by template-set.ts are saved, and every read is checked again, so an invalid
 * template never reaches the composer or the cadence. IndexedDB only: works offline.
 */
import { getSetting, setSetting } from '$lib/settings/settings.repo';
import { effectiveTemplates, readTemplateSet, type StoredTemplates } from './template-set';
import type { MessageTemplate } from './templates';

/** The user's stored changes, cleaned (an empty set when they changed nothing). */
export async function getTemplateSet(): Promise<StoredTemplates> {
	return readTemplateSet(await getSetting('followUpTemplates'));
}

/**
 * The templates in use: defaults with the user's edits, plus their own first-message variants.
 * Runs inside the caller's transaction when there is one (it reads the settings table).
 */
export async function templatesInUse(): Promise<MessageTemplate[]> {
	return effectiveTemplates(await getSetting('followUpTemplates'));
}

/**
 * Saves a set made by template-set.ts (it is cleaned once more on the way in). Rejects when
 * storage fails; callers show that.
 */
export async function saveTemplateSet(set: StoredTemplates): Promise<void> {
	await setSetting('followUpTemplates', readTemplateSet(set));
}
