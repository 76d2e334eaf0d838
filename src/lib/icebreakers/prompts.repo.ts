/**
 * The user's own conversation starters and favourites, in the `prompts` table. A favourite of a
 * generated prompt is stored under the prompt's stable id, so the star survives a shuffle.
 */
import { db, newId, nowIso, type PromptKind, type PromptRow } from '$lib/db';

/** Stars or unstars a prompt. Starring stores it; unstarring a generated prompt removes it. */
export async function toggleFavourite(prompt: {
	id: string;
	kind: PromptKind;
	text: string;
	sessionId?: string;
}): Promise<boolean> {
	return db.transaction('rw', [db.prompts], async () => {
		const existing = await db.prompts.get(prompt.id);
		if (existing?.favourite) {
			if (existing.kind === 'own') await db.prompts.update(prompt.id, { favourite: undefined });
			else await db.prompts.delete(prompt.id);
			return false;
		}
		if (existing) await db.prompts.update(prompt.id, { favourite: true });
		else
			await db.prompts.add({
				id: prompt.id,
				kind: prompt.kind,
				text: prompt.text,
				favourite: true,
				createdAt: nowIso(),
				...(prompt.sessionId ? { sessionId: prompt.sessionId } : {})
			});
		return true;
	});
}

/** Saves a starter the user wrote. Throws when it is empty (nothing written). */
export async function addOwnPrompt(text: string): Promise<PromptRow> {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (!clean) throw new Error('Write the question first.');
	const row: PromptRow = { id: newId(), kind: 'own', text: clean, createdAt: nowIso() };
	await db.prompts.add(row);
	return row;
}

/** Deletes a saved prompt (own or favourite); returns it for Undo. */
export async function deletePrompt(id: string): Promise<PromptRow | undefined> {
	return db.transaction('rw', [db.prompts], async () => {
		const row = await db.prompts.get(id);
		if (row) await db.prompts.delete(id);
		return row;
	});
}

/** Puts a deleted prompt back (Undo). */
export async function restorePrompt(row: PromptRow): Promise<void> {
	await db.prompts.put(row);
}

/** Own prompts and favourites, newest first. */
export async function listSavedPrompts(): Promise<PromptRow[]> {
	return db.prompts.orderBy('createdAt').reverse().toArray();
}
