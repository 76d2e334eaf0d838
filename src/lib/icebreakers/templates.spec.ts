import { describe, expect, it } from 'vitest';
import { ICEBREAKER_KINDS, SITUATIONS } from './generate';
import {
	PERSON_TEMPLATES,
	PLACEHOLDER_RE,
	SESSION_TEMPLATES,
	SITUATION_TEMPLATES,
	fieldsOf,
	type Template
} from './templates';

const ALL: readonly Template[] = [
	...SESSION_TEMPLATES,
	...PERSON_TEMPLATES,
	...SITUATION_TEMPLATES
];

/** Asking for a job, a referral or an intro to a hiring manager is not a small ask. */
const JOB_ASK =
	/\b(?:jobs?|hiring|hire|vacanc\w*|openings?|recruit\w*|cv|résumé|resume|referrals?|positions?|intern\w*|salary|employ\w*)\b/i;

describe('templates', () => {
	it('are well-formed: trimmed, single spaces, ending with ? or ., no exclamation marks', () => {
		for (const { text } of ALL) {
			expect(text).toBe(text.trim());
			expect(text).not.toMatch(/ {2}|!|\n/);
			expect(text).toMatch(/[?.]$/);
		}
	});

	it('declare exactly the fields their text uses, and use no unknown placeholders', () => {
		for (const template of ALL) {
			expect(template.needs).toEqual(fieldsOf(template.text));
			expect(template.text.replace(PLACEHOLDER_RE, '')).not.toMatch(/[{}]/);
		}
	});

	it('never open with a bare value (the quoted title is the only exception)', () => {
		for (const { text } of ALL) {
			expect(text).not.toMatch(/^\{(?!title\})/);
		}
	});

	it('are unique', () => {
		const texts = ALL.map((t) => t.text.toLowerCase());
		expect(new Set(texts).size).toBe(texts.length);
	});

	it('have at least six session templates per kind for each timing', () => {
		for (const kind of ICEBREAKER_KINDS) {
			for (const when of ['live', 'next'] as const) {
				const fitting = SESSION_TEMPLATES.filter(
					(t) => t.kind === kind && (t.when === when || t.when === 'any')
				);
				expect(fitting.length, `${kind} / ${when}`).toBeGreaterThanOrEqual(6);
			}
		}
	});

	it('have fallbacks that need nothing, and ones that need only the title, for every kind', () => {
		for (const kind of ICEBREAKER_KINDS) {
			for (const when of ['live', 'next'] as const) {
				const fitting = SESSION_TEMPLATES.filter(
					(t) => t.kind === kind && (t.when === when || t.when === 'any')
				);
				const bare = fitting.filter((t) => t.needs.length === 0);
				const titleOnly = fitting.filter((t) => t.needs.every((f) => f === 'title'));
				expect(bare.length, `${kind} / ${when}`).toBeGreaterThanOrEqual(2);
				expect(titleOnly.length - bare.length, `${kind} / ${when}`).toBeGreaterThanOrEqual(1);
			}
		}
	});

	it('use every field somewhere, with each session field in every kind', () => {
		for (const kind of ICEBREAKER_KINDS) {
			const used = new Set(
				SESSION_TEMPLATES.filter((t) => t.kind === kind).flatMap((t) => t.needs)
			);
			for (const field of ['title', 'speakers', 'track', 'keyword'] as const) {
				if (kind === 'deepen' && field === 'speakers') continue; // common ground is about them, not the speaker
				expect(used.has(field), `${kind} uses ${field}`).toBe(true);
			}
		}
		const personFields = new Set(PERSON_TEMPLATES.flatMap((t) => t.needs));
		expect(personFields.has('org') && personFields.has('role')).toBe(true);
	});

	it('speak about the right moment: no "next talk" when live, no "just heard" when next', () => {
		for (const t of SESSION_TEMPLATES) {
			if (t.when === 'live') expect(t.text).not.toMatch(/next talk|are you going|heading to|seat/i);
			if (t.when === 'next') expect(t.text).not.toMatch(/just heard|that talk|during/i);
			if (t.when === 'any') expect(t.text).not.toMatch(/next talk|just heard|that talk/i);
		}
	});

	it('person templates always need something about the person', () => {
		for (const t of PERSON_TEMPLATES) {
			expect(t.needs.some((f) => f === 'org' || f === 'role')).toBe(true);
		}
	});

	it('small asks never ask for a job', () => {
		const asks = ALL.filter((t) => t.kind === 'small-ask');
		expect(asks.length).toBeGreaterThan(10);
		for (const { text } of asks) expect(text).not.toMatch(JOB_ASK);
	});

	it('have at least four situational templates per situation, covering every kind, needing nothing', () => {
		for (const situation of SITUATIONS) {
			const own = SITUATION_TEMPLATES.filter((t) => t.situation === situation);
			expect(own.length, situation).toBeGreaterThanOrEqual(4);
			for (const kind of ICEBREAKER_KINDS) {
				expect(
					own.filter((t) => t.kind === kind).length,
					`${situation} / ${kind}`
				).toBeGreaterThanOrEqual(2);
			}
			for (const t of own) expect(t.needs).toEqual([]);
		}
	});

	it('fieldsOf lists fields once, in a fixed order, ignoring unknown braces', () => {
		expect(fieldsOf('{org} and {title}, {org} {nope}')).toEqual(['title', 'org']);
		expect(fieldsOf('no fields')).toEqual([]);
	});
});
