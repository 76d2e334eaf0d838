import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_TEMPLATES,
	FIELD_HELP,
	FIELD_NAMES,
	meetingDayPhrase,
	mergeFieldsFor,
	renderTemplate,
	templatesFor,
	validateMessageTemplate,
	validateTemplate,
	type FieldName,
	type MergeFields
} from './templates';
import { artefacts, subjectArtefacts } from './test-artefacts';

const ALL: Required<Record<FieldName, string>> = {
	firstName: 'Ana',
	fullName: 'Ana Lima',
	org: 'Fábrica Digital',
	event: 'JSConf EU',
	session: 'Offline-first at scale',
	note: 'design systems for field teams',
	myName: 'Sam Rivera',
	myIntro: 'I build offline-first tools for event teams',
	metDay: 'on Tuesday'
};

function without(...names: FieldName[]): MergeFields {
	const fields: MergeFields = { ...ALL };
	for (const name of names) delete fields[name];
	return fields;
}

function expectClean(message: { subject: string; body: string }): void {
	expect(subjectArtefacts(message.subject), message.subject).toEqual([]);
	expect(artefacts(message.body), message.body).toEqual([]);
	expect(message.subject).not.toBe('');
	expect(message.body).toMatch(/^Hi\b/);
}

describe('the default templates', () => {
	it('cover every step: at least three first messages, both nudges and the check-in', () => {
		expect(templatesFor('first').length).toBeGreaterThanOrEqual(3);
		expect(templatesFor('nudge-1')).toHaveLength(1);
		expect(templatesFor('nudge-2')).toHaveLength(1);
		expect(templatesFor('check-in')).toHaveLength(1);
		expect(new Set(DEFAULT_TEMPLATES.map((t) => t.id)).size).toBe(DEFAULT_TEMPLATES.length);
	});

	it("are valid, and use every field but fullName (for the user's own templates)", () => {
		for (const template of DEFAULT_TEMPLATES) {
			expect(validateMessageTemplate(template), template.id).toEqual({ ok: true });
		}
		const text = DEFAULT_TEMPLATES.map((t) => t.subject + t.body).join('\n');
		for (const name of FIELD_NAMES) {
			// Messages address people by first name; {fullName} is there for user templates
			// such as an introduction to a third person.
			if (name === 'fullName') expect(text).not.toContain('{fullName}');
			else expect(text).toContain(`{${name}}`);
		}
		expect(Object.keys(FIELD_HELP).sort()).toEqual([...FIELD_NAMES].sort());
	});

	it('never ask to "add to my network", and stay calm (no exclamation marks)', () => {
		for (const template of DEFAULT_TEMPLATES) {
			const rendered = renderTemplate(template, ALL);
			expect(`${rendered.subject}\n${rendered.body}`).not.toMatch(/network|connect with|!/i);
		}
	});

	it('render "Great to meet you" exactly, with every field present', () => {
		const template = DEFAULT_TEMPLATES.find((t) => t.id === 'first-great-to-meet')!;
		expect(renderTemplate(template, ALL)).toEqual({
			subject: 'Great to meet you at JSConf EU',
			body: [
				'Hi Ana,',
				'',
				'It was great to meet you at JSConf EU on Tuesday. I enjoyed hearing about your work at Fábrica Digital. You mentioned design systems for field teams, and it has stayed with me.',
				'',
				'In case the day was a blur: I build offline-first tools for event teams.',
				'',
				"I'd be glad to share anything useful from my side. Would you have 20 minutes for a call in the next couple of weeks?",
				'',
				'Best,',
				'Sam Rivera'
			].join('\n')
		});
	});

	it('render the last nudge gracefully with nothing but a first name', () => {
		const template = templatesFor('nudge-2')[0]!;
		expect(renderTemplate(template, { firstName: 'Ana' })).toEqual({
			subject: 'One last note',
			body: [
				'Hi Ana,',
				'',
				'I know how full things get after a conference, so this is my last note for now.',
				'',
				"If the timing isn't right, no problem at all. If anything comes up where I can help, just reply whenever it suits you.",
				'',
				'All the best,'
			].join('\n')
		});
	});

	describe.each(DEFAULT_TEMPLATES.map((t) => [t.id, t] as const))('%s', (_id, template) => {
		it.each(FIELD_NAMES.map((name) => [name]))('leaves no artefacts without {%s}', (name) => {
			expectClean(renderTemplate(template, without(name)));
		});

		it('leaves no artefacts with every field present, or with none', () => {
			expectClean(renderTemplate(template, ALL));
			expectClean(renderTemplate(template, {}));
		});

		it('uses every field it names when they are present', () => {
			const rendered = renderTemplate(template, ALL);
			const used = FIELD_NAMES.filter((name) =>
				(template.subject + template.body).includes(`{${name}}`)
			);
			for (const name of used) expect(`${rendered.subject}\n${rendered.body}`).toContain(ALL[name]);
		});
	});
});

describe('renderTemplate: syntax', () => {
	const render = (body: string, fields: MergeFields = ALL): string =>
		renderTemplate({ subject: '', body }, fields).body;

	it('drops an optional segment when a field inside it is missing', () => {
		expect(render('Hi[ {firstName}], good to meet you[ at {event}].', {})).toBe(
			'Hi, good to meet you.'
		);
		expect(render('Hi[ {firstName}], good to meet you[ at {event}].')).toBe(
			'Hi Ana, good to meet you at JSConf EU.'
		);
	});

	it('lets nested segments drop independently', () => {
		const body = 'We met[ at {event}[ in "{session}"]].';
		expect(render(body)).toBe('We met at JSConf EU in "Offline-first at scale".');
		expect(render(body, without('session'))).toBe('We met at JSConf EU.');
		expect(render(body, without('event'))).toBe('We met.');
	});

	it('drops the whole line when a field outside any segment is missing', () => {
		expect(
			render('Hi {firstName},\n\nGood to meet you at {event}.\n\nBest', without('event'))
		).toBe('Hi Ana,\n\nBest');
	});

	it('keeps exactly one blank line between paragraphs and none at the ends', () => {
		const body = '\n\n[{myIntro}.]\n\nHi {firstName},\n\n\n[{note}]\n\n\n\nBest,\n[{myName}]\n\n';
		expect(render(body, { firstName: 'Ana' })).toBe('Hi Ana,\n\nBest,');
		expect(render(body, ALL)).toBe(
			'I build offline-first tools for event teams.\n\nHi Ana,\n\ndesign systems for field teams\n\nBest,\nSam Rivera'
		);
	});

	it('keeps lines of one paragraph together when a line between them drops', () => {
		expect(render('Best,\n[{myIntro}]\n[{myName}]', { myName: 'Sam' })).toBe('Best,\nSam');
	});

	it('keeps punctuation-only lines the user wrote, drops those a missing field left', () => {
		expect(render('Thanks\n--\n[{myName}]', {})).toBe('Thanks\n--');
		expect(render('Thanks\n[— {myName}]\n[({org})]', {})).toBe('Thanks');
	});

	it('writes escaped syntax characters literally', () => {
		expect(render('Use \\{firstName\\} or \\[brackets\\] and a \\\\ backslash, C:\\temp')).toBe(
			'Use {firstName} or [brackets] and a \\ backslash, C:\\temp'
		);
	});

	it('tolerates spaces inside braces', () => {
		expect(render('Hi { firstName },')).toBe('Hi Ana,');
	});

	it('tidies values: one line, no doubled punctuation, no leading commas', () => {
		const fields: MergeFields = {
			firstName: '  Ana\n',
			note: 'offline sync.\nAnd CRDTs.  ',
			org: ', Acme Inc.',
			myIntro: 'Is this on?'
		};
		expect(
			render('Hi {firstName},\nWe talked about {note}. You work at {org}.\n{myIntro}.', fields)
		).toBe('Hi Ana,\nWe talked about offline sync. And CRDTs. You work at Acme Inc.\nIs this on?');
	});

	it('treats blank, null and non-text values as missing', () => {
		const fields = {
			firstName: '   ',
			event: null,
			org: { name: 'Acme' },
			session: 42
		} as unknown as MergeFields;
		expect(
			render('Hi[ {firstName}],[ at {event}][ with {org}][ in session {session}].', fields)
		).toBe('Hi, in session 42.');
	});

	it('keeps the subject on one line', () => {
		expect(
			renderTemplate({ subject: 'Hello\n[{firstName}]\nthere', body: '' }, { firstName: 'Ana' })
		).toEqual({ subject: 'Hello Ana there', body: '' });
		expect(renderTemplate({ subject: '{event}', body: 'x' }, {}).subject).toBe('');
	});

	it('throws a clear error for a template that does not validate', () => {
		expect(() => renderTemplate({ subject: 'Hi {frist}', body: '' }, ALL)).toThrow(
			/invalid subject: .*\{frist\} is not a field/
		);
		expect(() => renderTemplate({ subject: '', body: 'a\n[b' }, ALL)).toThrow(
			/invalid body: Line 2/
		);
		expect(() => renderTemplate({ subject: 1, body: '' } as never, ALL)).toThrow(TypeError);
	});
});

describe('validateTemplate', () => {
	it.each([
		['Hi {firstName},\n\n[at {event}]', { ok: true }],
		['No fields at all', { ok: true }],
		['Literal \\{ and \\]', { ok: true }],
		['', { ok: true }]
	])('accepts %j', (text, result) => {
		expect(validateTemplate(text)).toEqual(result);
	});

	it.each([
		['Hi {frstName},', '{frstName} is not a field. Did you mean {firstName}?'],
		['Hi {firstname},', '{firstname} is not a field. Did you mean {firstName}?'],
		['Hi {first_name},', '{first_name} is not a field. Did you mean {firstName}?'],
		['Hi {company},', '{company} is not a field. You can use {firstName}, {fullName}, {org},'],
		['Hi {},', '{} needs a field name inside, such as {firstName}.'],
		['Hi {firstName,', '"{firstName," has a { with no closing }. Write \\{ for a literal brace.'],
		['Hi {first{Name}', 'has a { with no closing }'],
		['Hi firstName},', 'There is a } with no opening {. Write \\} for a literal brace.'],
		['Hi[ {firstName},', 'A [ is not closed: every [ … ] must open and close on the same line.'],
		['Hi {firstName}],', 'There is a ] with no opening [. Write \\] for a literal bracket.'],
		['Hi,\n\n[at {event}\n]', 'Line 3: A [ is not closed'],
		['Hi,\nthere\n{nope}', 'Line 3: {nope} is not a field.']
	])('rejects %j', (text, message) => {
		const result = validateTemplate(text);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toContain(message);
	});

	it('names the part of a message template that is wrong', () => {
		expect(validateMessageTemplate({ subject: 'Hi {x}', body: '' })).toEqual({
			ok: false,
			error:
				'Subject: {x} is not a field. You can use {firstName}, {fullName}, {org}, {event}, {session}, {note}, {myName}, {myIntro}, {metDay}.'
		});
		expect(validateMessageTemplate({ subject: 'Hi', body: 'a]' })).toMatchObject({
			ok: false,
			error: expect.stringMatching(/^Body: There is a \]/) as string
		});
		expect(validateTemplate(undefined as unknown as string)).toEqual({
			ok: false,
			error: 'A template must be text.'
		});
	});
});

describe('meetingDayPhrase', () => {
	const BERLIN = 'Europe/Berlin';
	// Tuesday 9 June 2026, 15:00 in Berlin.
	const metAt = '2026-06-09T13:00:00Z';

	it('says "today", a weekday within the week, else the date', () => {
		expect(meetingDayPhrase(metAt, BERLIN, '2026-06-09T16:00:00Z')).toBe('today');
		expect(meetingDayPhrase(metAt, BERLIN, '2026-06-10T07:00:00Z')).toBe('on Tuesday');
		expect(meetingDayPhrase(metAt, BERLIN, '2026-06-15T07:00:00Z')).toBe('on Tuesday');
		expect(meetingDayPhrase(metAt, BERLIN, '2026-06-16T07:00:00Z')).toBe('on 9 June');
		expect(meetingDayPhrase(metAt, BERLIN, '2027-01-05T07:00:00Z')).toBe('on 9 June 2026');
		expect(meetingDayPhrase(metAt, BERLIN)).toBe('on 9 June');
	});

	it('reads the day in the event zone, with the small hours on the night before', () => {
		// 23:30 UTC on Tuesday is already Wednesday morning in Auckland.
		expect(
			meetingDayPhrase('2026-06-09T23:30:00Z', 'Pacific/Auckland', '2026-06-12T00:00:00Z')
		).toBe('on Wednesday');
		// 01:30 on Wednesday in Berlin, after the Tuesday party.
		expect(meetingDayPhrase('2026-06-09T23:30:00Z', BERLIN, '2026-06-12T07:00:00Z')).toBe(
			'on Tuesday'
		);
	});

	it('gives undefined for a missing or unreadable meeting time, and never throws', () => {
		expect(meetingDayPhrase(undefined, BERLIN, metAt)).toBeUndefined();
		expect(meetingDayPhrase('last Tuesday', BERLIN, metAt)).toBeUndefined();
		expect(meetingDayPhrase(metAt, 'Not/AZone', 'garbage')).toMatch(/^on \d+ June$/);
	});
});

describe('mergeFieldsFor', () => {
	it('builds every field from the rows', () => {
		expect(
			mergeFieldsFor({
				contact: {
					name: 'Ana Lima',
					givenName: 'Ana',
					familyName: 'Lima',
					org: 'Fábrica Digital',
					note: 'design systems',
					metAt: '2026-06-09T13:00:00Z'
				},
				event: { name: 'JSConf EU', timeZone: 'Europe/Berlin' },
				session: { title: 'Offline-first at scale' },
				me: { name: 'Sam Rivera', intro: 'I build tools for event teams' },
				sendAt: '2026-06-10T07:00:00Z'
			})
		).toEqual({
			firstName: 'Ana',
			fullName: 'Ana Lima',
			org: 'Fábrica Digital',
			event: 'JSConf EU',
			session: 'Offline-first at scale',
			note: 'design systems',
			myName: 'Sam Rivera',
			myIntro: 'I build tools for event teams',
			metDay: 'on Tuesday'
		});
	});

	it('derives names sensibly and leaves out what it cannot know', () => {
		expect(mergeFieldsFor({ contact: { name: 'Dr. Ana Lima' } })).toEqual({
			firstName: 'Ana',
			fullName: 'Dr. Ana Lima'
		});
		expect(mergeFieldsFor({ contact: { name: 'Lima, Ana' } })).toEqual({
			firstName: 'Ana',
			fullName: 'Ana Lima'
		});
		expect(mergeFieldsFor({ contact: { name: 'Ana Lima, PhD' } })).toMatchObject({
			firstName: 'Ana',
			fullName: 'Ana Lima, PhD'
		});
		// A card without a name falls back to the org or an email: neither is a first name.
		expect(mergeFieldsFor({ contact: { name: 'ana@example.com' } })).toEqual({});
		expect(mergeFieldsFor({ contact: { name: 'Acme GmbH', org: 'Acme GmbH' } })).toEqual({
			org: 'Acme GmbH'
		});
		expect(mergeFieldsFor({ contact: { name: ' ', givenName: 'Ana' } })).toEqual({
			firstName: 'Ana',
			fullName: 'Ana'
		});
		expect(mergeFieldsFor({})).toEqual({});
	});
});

describe('renderTemplate property', () => {
	// Realistic values: names and notes in several scripts, punctuation users type, stray spaces
	// and line breaks. Values that are only noise ('', ' . ') must count as missing.
	const word = fc.constantFrom(
		'Ana',
		'José',
		"O'Brien",
		'Zoë',
		'北京',
		'Müller-Lüdenscheidt',
		'R&D',
		'50%',
		'#1',
		'C++',
		'design',
		'systems',
		'Acme',
		'Inc.',
		'🎉',
		'offline-first',
		'"quoted"',
		'(beta)'
	);
	const value = fc.oneof(
		fc
			.tuple(
				fc.constantFrom('', ' ', '\n', '  ', ', ', '. '),
				fc.array(word, { minLength: 1, maxLength: 5 }),
				fc.constantFrom('', '.', ',', ' ', '\n', '...', ';', ' .')
			)
			.map(([before, words, after]) => before + words.join(' ') + after),
		fc.constantFrom('', '   ', '\n\n', '.', ' , ', null, undefined)
	);
	const fields = fc.record(
		Object.fromEntries(FIELD_NAMES.map((name) => [name, value])) as Record<
			FieldName,
			fc.Arbitrary<string | null | undefined>
		>,
		{ requiredKeys: [] }
	);

	it('never leaves artefacts, whatever subset of fields is present', () => {
		fc.assert(
			fc.property(fc.constantFrom(...DEFAULT_TEMPLATES), fields, (template, input) => {
				const rendered = renderTemplate(template, input);
				expect(subjectArtefacts(rendered.subject), rendered.subject).toEqual([]);
				expect(artefacts(rendered.body), rendered.body).toEqual([]);
			}),
			{ numRuns: 1500 }
		);
	});
});
