import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/db';
import {
	addOwnPrompt,
	deletePrompt,
	listSavedPrompts,
	restorePrompt,
	toggleFavourite
} from './prompts.repo';

beforeEach(async () => {
	await db.delete();
	await db.open();
});

describe('saved prompts', () => {
	it('stars and unstars a generated prompt under its stable id', async () => {
		const prompt = {
			id: 'ib-0123456789abcdef',
			kind: 'opener' as const,
			text: 'What stayed with you?'
		};
		expect(await toggleFavourite(prompt)).toBe(true);
		expect((await listSavedPrompts()).map((p) => p.id)).toEqual([prompt.id]);
		expect(await toggleFavourite(prompt)).toBe(false);
		expect(await listSavedPrompts()).toEqual([]);
	});

	it('keeps own prompts when unstarred, and deletes with undo', async () => {
		const own = await addOwnPrompt('  What brought you   here? ');
		expect(own.text).toBe('What brought you here?');
		await toggleFavourite(own);
		expect((await db.prompts.get(own.id))?.favourite).toBe(true);
		await toggleFavourite(own);
		expect(await db.prompts.get(own.id)).toMatchObject({ kind: 'own' });
		expect((await db.prompts.get(own.id))?.favourite).toBeUndefined();
		const deleted = await deletePrompt(own.id);
		expect(await listSavedPrompts()).toEqual([]);
		await restorePrompt(deleted!);
		expect((await listSavedPrompts()).map((p) => p.text)).toEqual(['What brought you here?']);
		await expect(addOwnPrompt('   ')).rejects.toThrow('Write the question first.');
	});
});
