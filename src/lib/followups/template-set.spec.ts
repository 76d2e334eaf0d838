import { describe, expect, it } from 'vitest';
import {
	addOwnTemplate,
	editTemplate,
	effectiveTemplates,
	emptyTemplateSet,
	isEdited,
	OWN_MAX,
	readTemplateSet,
	removeOwnTemplate,
	restoreDefault,
	SAMPLE_FIELDS,
	SPARSE_FIELDS,
	type StoredTemplates
} from './template-set';
import { DEFAULT_TEMPLATES, renderTemplate, templatesFor } from './templates';

const NUDGE_1 = DEFAULT_TEMPLATES.find((t) => t.id === 'nudge-1')!;
const own = (id: string, label = 'Coffee') => ({
	id: `own-${id}`,
	label,
	subject: 'Coffee[ at {event}]?',
	body: 'Hi[ {firstName}],\n\nCoffee next week?'
});

function unwrap(change: ReturnType<typeof editTemplate>): StoredTemplates {
	if (!change.ok) throw new Error(change.error);
	return change.set;
}

describe('the user\u2019s template set', () => {
	it('is the defaults when nothing was changed, whatever is stored', () => {
		for (const stored of [undefined, null, 42, 'x', [], {}, { edited: 'x', own: {} }]) {
			expect(effectiveTemplates(stored)).toEqual(DEFAULT_TEMPLATES.map((t) => ({ ...t })));
		}
	});

	it('overrides a built-in with the user\u2019s text, keeping its id, kind, label and place', () => {
		const set = unwrap(
			editTemplate(emptyTemplateSet(), 'nudge-1', { subject: 'Still keen', body: 'Hi {firstName}' })
		);
		const templates = effectiveTemplates(set);
		expect(templates.map((t) => t.id)).toEqual(DEFAULT_TEMPLATES.map((t) => t.id));
		expect(templatesFor('nudge-1', templates)).toEqual([
			{ ...NUDGE_1, subject: 'Still keen', body: 'Hi {firstName}' }
		]);
		expect(isEdited(set, 'nudge-1')).toBe(true);
		expect(isEdited(set, 'nudge-2')).toBe(false);
	});

	it('never saves an invalid template, and says why', () => {
		const change = editTemplate(emptyTemplateSet(), 'nudge-1', {
			subject: 'Hi',
			body: 'Hi {firstname}'
		});
		expect(change).toEqual({
			ok: false,
			error: 'Body: {firstname} is not a field. Did you mean {firstName}?'
		});
		expect(addOwnTemplate(emptyTemplateSet(), { ...own('a'), subject: '[oops' }).ok).toBe(false);
	});

	it('restoring the default forgets the edit; saving the default text does too', () => {
		const edited = unwrap(
			editTemplate(emptyTemplateSet(), 'nudge-1', { subject: 'Still keen', body: 'Hi' })
		);
		expect(restoreDefault(edited, 'nudge-1')).toEqual(emptyTemplateSet());
		const same = unwrap(editTemplate(edited, 'nudge-1', NUDGE_1));
		expect(isEdited(same, 'nudge-1')).toBe(false);
	});

	it('adds, renames and deletes the user\u2019s own first-message variants after the defaults', () => {
		let set = unwrap(addOwnTemplate(emptyTemplateSet(), own('a')));
		set = unwrap(addOwnTemplate(set, own('b', 'Demo')));
		const firsts = templatesFor('first', effectiveTemplates(set));
		expect(firsts.map((t) => t.label)).toEqual([
			'Great to meet you',
			'Following up on our chat',
			'As promised',
			'After the session',
			'Coffee',
			'Demo'
		]);
		set = unwrap(editTemplate(set, 'own-a', { ...own('a'), label: '  Coffee chat ' }));
		expect(set.own[0]?.label).toBe('Coffee chat');
		set = removeOwnTemplate(set, 'own-a');
		expect(set.own.map((t) => t.id)).toEqual(['own-b']);
		// Built-ins cannot be deleted.
		expect(effectiveTemplates(removeOwnTemplate(set, 'nudge-1'))).toHaveLength(
			DEFAULT_TEMPLATES.length + 1
		);
	});

	it('refuses duplicate ids, blank or long names, and more than the limit', () => {
		const set = unwrap(addOwnTemplate(emptyTemplateSet(), own('a')));
		expect(addOwnTemplate(set, own('a')).ok).toBe(false);
		expect(addOwnTemplate(set, { ...own('b'), id: 'nudge-1' }).ok).toBe(false);
		expect(addOwnTemplate(set, own('c', '  '))).toEqual({
			ok: false,
			error: 'Give it a short name, so you can pick it when you write.'
		});
		expect(addOwnTemplate(set, own('d', 'x'.repeat(61))).ok).toBe(false);
		let full = emptyTemplateSet();
		for (let i = 0; i < OWN_MAX; i++) full = unwrap(addOwnTemplate(full, own(String(i))));
		expect(addOwnTemplate(full, own('one-more')).ok).toBe(false);
		expect(editTemplate(set, 'own-gone', own('gone')).ok).toBe(false);
	});

	it('drops damaged stored entries and keeps the good ones', () => {
		const stored = {
			edited: {
				'nudge-1': { subject: 'Ok', body: 'Fine {firstName}' },
				'nudge-2': { subject: 'Broken {nope}', body: 'x' },
				'no-such-template': { subject: 'x', body: 'y' },
				'check-in': { subject: 3, body: 'y' }
			},
			own: [own('a'), own('a'), { ...own('b'), id: 'b' }, { ...own('c'), body: '{' }, null]
		};
		expect(readTemplateSet(stored)).toEqual({
			edited: { 'nudge-1': { subject: 'Ok', body: 'Fine {firstName}' } },
			own: [own('a')]
		});
	});

	it('previews drop the sentences that need a missing field cleanly', () => {
		for (const template of DEFAULT_TEMPLATES) {
			const full = renderTemplate(template, SAMPLE_FIELDS);
			const sparse = renderTemplate(template, SPARSE_FIELDS);
			expect(full.body).toContain('Ana');
			for (const text of [full.subject, full.body, sparse.subject, sparse.body]) {
				expect(text).not.toMatch(/undefined|\{|\}|\[|\]| {2}|""|\( *\)/);
			}
		}
		const great = renderTemplate(DEFAULT_TEMPLATES[0]!, SPARSE_FIELDS);
		expect(great.subject).toBe('Great to meet you');
		expect(great.body).toBe(
			'Hi Ana,\n\nIt was great to meet you.\n\n' +
				"I'd be glad to share anything useful from my side. Would you have 20 minutes for a call in the next couple of weeks?\n\nBest,"
		);
	});
});
