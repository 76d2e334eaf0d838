import { describe, expect, it } from 'vitest';
import { notifyDecision } from './notify';

const a = { id: 'a', dueAt: '2026-06-03T07:00:00.000Z' };
const b = { id: 'b', dueAt: '2026-06-03T07:00:00.000Z' };
const c = { id: 'c', dueAt: '2026-06-04T07:00:00.000Z' };

describe('the due notification', () => {
	it('is shown once for a due set, with the count', () => {
		const first = notifyDecision([a, b], undefined, ['Ana Lima', 'Bo Chen']);
		expect(first).toEqual({
			show: true,
			title: '2 follow-ups are due',
			body: 'Ana Lima and Bo Chen: open Hallway to send.',
			remember: ['a@2026-06-03T07:00:00.000Z', 'b@2026-06-03T07:00:00.000Z']
		});
		// The app opened again, or became visible: nothing new, no notification.
		expect(notifyDecision([b, a], first.remember).show).toBe(false);
	});

	it('stays quiet when the set only shrinks, and forgets what is no longer due', () => {
		const first = notifyDecision([a, b], undefined);
		const after = notifyDecision([b], first.remember);
		expect(after.show).toBe(false);
		expect(after.remember).toEqual(['b@2026-06-03T07:00:00.000Z']);
		expect(notifyDecision([], after.remember)).toMatchObject({ show: false, remember: [] });
	});

	it('notifies again when something new falls due, counting everything due', () => {
		const first = notifyDecision([a], undefined);
		expect(first.title).toBe('1 follow-up is due');
		const next = notifyDecision([a, c], first.remember, ['Ana', 'Cleo', 'Dev', 'Eli']);
		expect(next).toMatchObject({
			show: true,
			title: '2 follow-ups are due',
			body: 'Ana, Cleo and 2 more: open Hallway to send.'
		});
	});

	it('treats a row due again at a new time (a check-in after "not now") as new', () => {
		const first = notifyDecision([a], undefined);
		expect(notifyDecision([{ ...a, dueAt: '2026-09-01T07:00:00.000Z' }], first.remember).show).toBe(
			true
		);
	});

	it('reads a damaged stored set as nothing notified, and ignores duplicates', () => {
		expect(notifyDecision([a, a], 'junk')).toMatchObject({
			show: true,
			title: '1 follow-up is due',
			body: 'Open Hallway to send.'
		});
		expect(notifyDecision([a], [42, null, 'a@2026-06-03T07:00:00.000Z']).show).toBe(false);
	});
});
