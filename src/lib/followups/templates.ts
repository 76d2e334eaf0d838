/**
 * Follow-up message templates: the default set, the merge-field syntax, rendering and validation.
 * Pure; user-edited templates (Settings → Templates) use exactly the same syntax.
 *
 * Syntax
 * - `{firstName}` inserts a merge field (see {@link FIELD_NAMES}); spaces inside the braces are
 *   ignored, names are case-sensitive.
 * - `[ … ]` is an optional segment: it disappears when any field directly inside it has no value.
 *   Segments nest (`[ at {event}[ in {session}]]`), and must open and close on the same line.
 * - A field outside any segment is required by its line: when it has no value, the whole line
 *   disappears. Lines are the unit because they are what a person can see and predict while
 *   editing; sentence-level control is what `[ … ]` is for.
 * - `\{ \} \[ \] \\` write the characters themselves.
 * - A blank line separates paragraphs. Output paragraphs are separated by exactly one blank line,
 *   with none at the start or end; lines inside a paragraph (a sign-off) stay as written.
 *
 * Rendering also tidies what a dropped segment can leave behind: runs of spaces, a space before
 * punctuation, ",." and "..", empty quotes or brackets. Field values are flattened to one line
 * and lose leading punctuation and trailing `, . ; :` (the template supplies its own), so a note
 * ending in a full stop does not end up as "..".
 */

import type { ContactRow, EventRow } from '$lib/db/types';
import { civilDate, type ComposedMessage, type MessageKind } from './plan';

/** Every merge field a template may use, in the order the editor lists them. */
export const FIELD_NAMES = [
	'firstName',
	'fullName',
	'org',
	'event',
	'session',
	'note',
	'myName',
	'myIntro',
	'metDay'
] as const;

/** A merge field's name. */
export type FieldName = (typeof FIELD_NAMES)[number];

/** What each field holds, for the template editor's help text. */
export const FIELD_HELP: Readonly<Record<FieldName, string>> = Object.freeze({
	firstName: 'Their first name',
	fullName: 'Their full name',
	org: 'Their organisation',
	event: 'The event where you met',
	session: 'The session you were both in',
	note: 'Your note about them, best written as a topic ("offline sync for field teams")',
	myName: 'Your name',
	myIntro: 'Your one-line intro',
	metDay: 'When you met: "today", "on Tuesday" or "on 2 June"'
});

/** Field values. Missing, null, blank or non-text values all count as "no value". */
export type MergeFields = Partial<Record<FieldName, string | null | undefined>>;

/** A message template: a subject and a body in the syntax above. */
export interface MessageTemplate {
	/** Stable id, e.g. for remembering the user's preferred first-message variant. */
	id: string;
	/** Which message in the cadence it is for. */
	kind: MessageKind;
	/** Short name for a picker. */
	label: string;
	subject: string;
	body: string;
}

// ---------------------------------------------------------------------------------------------
// The default set. Voice: short, warm, plain words (UX.md); specific and personal, one small ask,
// one offer of value, never "add me to your network". Nudges are written to work on any channel
// (no "inbox"), and the check-in never guilts anyone for not replying.

const SIGN_OFF = 'Best,\n[{myName}]';

/** The built-in templates: four first messages, the two nudges and the "checking back in". */
export const DEFAULT_TEMPLATES: readonly Readonly<MessageTemplate>[] = Object.freeze(
	(
		[
			{
				id: 'first-great-to-meet',
				kind: 'first',
				label: 'Great to meet you',
				subject: 'Great to meet you[ at {event}]',
				body: [
					'Hi[ {firstName}],',
					'',
					'It was great to meet you[ at {event}][ {metDay}].[ I enjoyed hearing about your work at {org}.][ You mentioned {note}, and it has stayed with me.]',
					'',
					'[In case the day was a blur: {myIntro}.]',
					'',
					"I'd be glad to share anything useful from my side. Would you have 20 minutes for a call in the next couple of weeks?",
					'',
					SIGN_OFF
				].join('\n')
			},
			{
				id: 'first-our-chat',
				kind: 'first',
				label: 'Following up on our chat',
				subject: 'Following up on our chat[ at {event}]',
				body: [
					'Hi[ {firstName}],',
					'',
					"Following up on our chat[ about {note}][ at {event}][ {metDay}]. I've been thinking about it since.",
					'',
					'[In case the day was a blur: {myIntro}.]',
					'',
					"If it helps, I'm happy to send over a few notes or an introduction. And if you're open to it, could we pick this up on a short call next week?",
					'',
					SIGN_OFF
				].join('\n')
			},
			{
				id: 'first-as-promised',
				kind: 'first',
				label: 'As promised',
				subject: 'As promised[ at {event}]',
				body: [
					'Hi[ {firstName}],',
					'',
					"As promised when we met[ at {event}][ {metDay}], here's the follow-up[ on {note}]. I hope it's useful[ for the team at {org}].",
					'',
					"If anything is unclear, just reply and I'll fill in the gaps. And if a quick call would help, I'm happy to find a time that suits you.",
					'',
					SIGN_OFF
				].join('\n')
			},
			{
				id: 'first-after-session',
				kind: 'first',
				label: 'After the session',
				subject: 'Good to meet you[ after "{session}"]',
				body: [
					'Hi[ {firstName}],',
					'',
					'It was good to meet you[ after "{session}"][ at {event}][ {metDay}].[ I\'d like to hear how things look from your side at {org}.]',
					'',
					'[You mentioned {note}; I have a couple of ideas on that if they would help.]',
					'',
					'Would you be up for a short call in the next couple of weeks?',
					'',
					SIGN_OFF
				].join('\n')
			},
			{
				id: 'nudge-1',
				kind: 'nudge-1',
				label: 'Friendly nudge',
				subject: 'Following up[ from {event}]',
				body: [
					'Hi[ {firstName}],',
					'',
					"I'm bringing my last message back up, in case it got buried[ after {event}].",
					'',
					"[I'm still keen to hear your take on {note}. ]Would a short call in the next week or two work? If it's easier, a one-line reply is plenty.",
					'',
					SIGN_OFF
				].join('\n')
			},
			{
				id: 'nudge-2',
				kind: 'nudge-2',
				label: 'Last nudge',
				subject: 'One last note[ from {event}]',
				body: [
					'Hi[ {firstName}],',
					'',
					'I know how full things get after a conference, so this is my last note for now.',
					'',
					"If the timing isn't right, no problem at all. If anything comes up where I can help[ with {note}], just reply whenever it suits you.",
					'',
					'All the best[ to you and the team at {org}],',
					'[{myName}]'
				].join('\n')
			},
			{
				id: 'check-in',
				kind: 'check-in',
				label: 'Checking back in',
				subject: 'Checking back in',
				body: [
					'Hi[ {firstName}],',
					'',
					"It's been a while since we met[ at {event}], so I thought I'd check back in.[ I hope things are going well at {org}.]",
					'',
					"[Last time we talked about {note}. ]If the timing is better now, I'd be glad to pick up where we left off. If not, no worries at all.",
					'',
					SIGN_OFF
				].join('\n')
			}
		] satisfies MessageTemplate[]
	).map((template) => Object.freeze(template))
);

/**
 * The templates for one message kind, in picker order. Never throws; an unknown kind gives [].
 *
 * @param templates - the set to choose from (the user's own, or the defaults)
 */
export function templatesFor(
	kind: MessageKind,
	templates: readonly MessageTemplate[] = DEFAULT_TEMPLATES
): MessageTemplate[] {
	return templates.filter((template) => template.kind === kind);
}

// ---------------------------------------------------------------------------------------------
// Parsing and validation

type TemplateNode =
	| { type: 'text'; value: string }
	| { type: 'field'; name: FieldName }
	| { type: 'optional'; nodes: TemplateNode[] };

/** One template line: null for a blank line (a paragraph break). */
type TemplateLine = TemplateNode[] | null;

type ParseResult = { ok: true; lines: TemplateLine[] } | { ok: false; error: string };

const FIELD_SET: ReadonlySet<string> = new Set(FIELD_NAMES);
const ESCAPABLE = new Set(['{', '}', '[', ']', '\\']);

function isFieldName(name: string): name is FieldName {
	return FIELD_SET.has(name);
}

function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
		}
		previous = current;
	}
	return previous[b.length]!;
}

/** The field a typo most likely meant, if one is close enough to suggest. */
function suggestField(name: string): FieldName | undefined {
	const lower = name.toLowerCase().replace(/[\s_-]/g, '');
	let best: FieldName | undefined;
	let bestDistance = 3;
	for (const field of FIELD_NAMES) {
		const distance = editDistance(lower, field.toLowerCase());
		if (distance < bestDistance) {
			best = field;
			bestDistance = distance;
		}
	}
	return best;
}

function unknownFieldError(name: string): string {
	const suggestion = suggestField(name);
	return suggestion
		? `{${name}} is not a field. Did you mean {${suggestion}}?`
		: `{${name}} is not a field. You can use ${FIELD_NAMES.map((f) => `{${f}}`).join(', ')}.`;
}

function parseLine(line: string): TemplateNode[] | string {
	const root: TemplateNode[] = [];
	const stack: TemplateNode[][] = [root];
	let text = '';
	const flush = (): void => {
		if (text) stack[stack.length - 1]!.push({ type: 'text', value: text });
		text = '';
	};
	for (let i = 0; i < line.length; i++) {
		const char = line[i]!;
		if (char === '\\') {
			const next = line[i + 1];
			// A backslash before anything else is just a backslash: users paste paths and emoticons.
			if (next !== undefined && ESCAPABLE.has(next)) {
				text += next;
				i++;
			} else {
				text += char;
			}
		} else if (char === '{') {
			const close = line.indexOf('}', i + 1);
			const nextOpen = line.indexOf('{', i + 1);
			if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
				const shown = line.slice(i, i + 24);
				return `"${shown}" has a { with no closing }. Write \\{ for a literal brace.`;
			}
			const name = line.slice(i + 1, close).trim();
			if (!name) return '{} needs a field name inside, such as {firstName}.';
			if (!isFieldName(name)) return unknownFieldError(name);
			flush();
			stack[stack.length - 1]!.push({ type: 'field', name });
			i = close;
		} else if (char === '}') {
			return 'There is a } with no opening {. Write \\} for a literal brace.';
		} else if (char === '[') {
			flush();
			const segment: TemplateNode[] = [];
			stack[stack.length - 1]!.push({ type: 'optional', nodes: segment });
			stack.push(segment);
		} else if (char === ']') {
			if (stack.length === 1) {
				return 'There is a ] with no opening [. Write \\] for a literal bracket.';
			}
			flush();
			stack.pop();
		} else {
			text += char;
		}
	}
	if (stack.length > 1) {
		return 'A [ is not closed: every [ … ] must open and close on the same line.';
	}
	flush();
	return root;
}

function parseTemplate(text: string): ParseResult {
	const rawLines = text.split(/\r\n|\r|\n/);
	const lines: TemplateLine[] = [];
	for (const [index, raw] of rawLines.entries()) {
		if (raw.trim() === '') {
			lines.push(null);
			continue;
		}
		const parsed = parseLine(raw);
		if (typeof parsed === 'string') {
			return { ok: false, error: rawLines.length > 1 ? `Line ${index + 1}: ${parsed}` : parsed };
		}
		lines.push(parsed);
	}
	return { ok: true, lines };
}

/**
 * Checks a subject or body written in the template syntax (see the file header), e.g. before a
 * user-edited template is saved. Reports the first problem in one line, naming the line number
 * when the text has several: an unknown field (with a suggestion for near misses such as
 * `{firstname}`), an empty `{}`, an unclosed or unopened brace or bracket, or a `[` that is not
 * closed on its own line. Never throws; a non-string is reported as an error.
 */
export function validateTemplate(text: string): { ok: true } | { ok: false; error: string } {
	if (typeof text !== 'string') return { ok: false, error: 'A template must be text.' };
	const parsed = parseTemplate(text);
	return parsed.ok ? { ok: true } : { ok: false, error: parsed.error };
}

/**
 * {@link validateTemplate} for both parts of a template; the error says which part is wrong.
 * Never throws.
 */
export function validateMessageTemplate(
	template: Pick<MessageTemplate, 'subject' | 'body'>
): { ok: true } | { ok: false; error: string } {
	const subject = validateTemplate(template.subject);
	if (!subject.ok) return { ok: false, error: `Subject: ${subject.error}` };
	const body = validateTemplate(template.body);
	return body.ok ? body : { ok: false, error: `Body: ${body.error}` };
}

// ---------------------------------------------------------------------------------------------
// Rendering

// Control characters (newlines and tabs included) in a value become spaces: a note typed over
// three lines must not break the message's paragraphs.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** A field's value flattened to one tidy line, or undefined when it has none. */
function cleanValue(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
	if (typeof value !== 'string') return undefined;
	const cleaned = value
		.replace(CONTROL, ' ')
		.replace(/\s+/g, ' ')
		.replace(/^[\s,.;:!?)\]}]+/, '')
		.replace(/[\s,.;:]+$/, '');
	return cleaned === '' ? undefined : cleaned;
}

function renderNodes(
	nodes: TemplateNode[],
	values: Partial<Record<FieldName, string>>
): { text: string; complete: boolean } {
	let text = '';
	let complete = true;
	for (const node of nodes) {
		if (node.type === 'text') {
			text += node.value;
		} else if (node.type === 'field') {
			const value = values[node.name];
			if (value === undefined) complete = false;
			else text += value;
		} else {
			// A segment that cannot be completed vanishes without affecting its parent.
			const inner = renderNodes(node.nodes, values);
			if (inner.complete) text += inner.text;
		}
	}
	return { text, complete };
}

/** Removes what a vanished segment leaves behind. Applied to whole lines after rendering. */
function tidyLine(line: string): string {
	return line
		.replace(/[ \t]+/g, ' ')
		.replace(/""|“”|''|‘’|«\s*»|\(\s*\)/g, '')
		.replace(/\( +/g, '(')
		.replace(/ +([,.;:!?)])/g, '$1')
		.replace(/,+(?=[,.;:!?])/g, '')
		.replace(/([!?])\.(?!\.)/g, '$1')
		.replace(/(^|[^.])\.\.(?!\.)/g, '$1.')
		.replace(/^[ ,;:]+/, '')
		.replace(/ {2,}/g, ' ')
		.trim();
}

function hasDynamicParts(nodes: TemplateNode[]): boolean {
	return nodes.some((node) => node.type !== 'text');
}

/** Renders parsed lines to output lines, with null marking paragraph breaks. */
function renderLines(
	lines: TemplateLine[],
	values: Partial<Record<FieldName, string>>
): (string | null)[] {
	const out: (string | null)[] = [];
	for (const nodes of lines) {
		if (nodes === null) {
			out.push(null);
			continue;
		}
		const { text, complete } = renderNodes(nodes, values);
		if (!complete) continue;
		const tidy = tidyLine(text);
		// A line the user wrote as pure punctuation ("--") stays; one that shrank to it goes.
		if (tidy === '' || (hasDynamicParts(nodes) && !/[\p{L}\p{N}]/u.test(tidy))) continue;
		out.push(tidy);
	}
	return out;
}

function joinParagraphs(lines: (string | null)[]): string {
	const paragraphs: string[][] = [[]];
	for (const line of lines) {
		if (line === null) paragraphs.push([]);
		else paragraphs[paragraphs.length - 1]!.push(line);
	}
	return paragraphs
		.filter((paragraph) => paragraph.length > 0)
		.map((paragraph) => paragraph.join('\n'))
		.join('\n\n');
}

function parseOrThrow(source: unknown, part: 'subject' | 'body'): TemplateLine[] {
	if (typeof source !== 'string') {
		throw new TypeError(`renderTemplate: the template's ${part} must be a string.`);
	}
	const parsed = parseTemplate(part === 'subject' ? source.replace(/\r\n|\r|\n/g, ' ') : source);
	if (!parsed.ok) {
		throw new Error(
			`renderTemplate: invalid ${part}: ${parsed.error} (check templates with validateTemplate when they are saved).`
		);
	}
	return parsed.lines;
}

/**
 * Fills a template's subject and body with merge fields (syntax in the file header).
 *
 * Missing values never show up as "undefined" or as template syntax: their segment or line
 * disappears and the text around it is tidied. The subject is one line (line breaks in a subject
 * template act as spaces); it is '' if every part of it needed a missing field. The body's
 * paragraphs are separated by one blank line, with no blank lines at either end, and `\n` line
 * ends (channels.ts converts them per channel).
 *
 * @throws Error when the subject or body does not pass {@link validateTemplate} (a programmer
 *   error: templates are validated when saved), TypeError when either is not a string
 */
export function renderTemplate(
	template: Pick<MessageTemplate, 'subject' | 'body'>,
	fields: MergeFields
): ComposedMessage {
	const subjectLines = parseOrThrow(template.subject, 'subject');
	const bodyLines = parseOrThrow(template.body, 'body');
	const values: Partial<Record<FieldName, string>> = {};
	for (const name of FIELD_NAMES) {
		const value = cleanValue(fields?.[name]);
		if (value !== undefined) values[name] = value;
	}
	return {
		subject: renderLines(subjectLines, values).filter((line) => line !== null)[0] ?? '',
		body: joinParagraphs(renderLines(bodyLines, values))
	};
}

// ---------------------------------------------------------------------------------------------
// Building the fields from rows

const ISO_INSTANT =
	/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const DAY_MS = 86_400_000;
const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	timeZone: 'UTC'
});
const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});

function isInstant(value: unknown): value is string {
	return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * How a message says when you met, relative to when it will be read: "today" on the same
 * conference day, "on Tuesday" within the following six days, otherwise "on 2 June" (with the
 * year when it differs). Days are conference days in the event's zone (01:30 after the Tuesday
 * party is still Tuesday), so a message to someone met late in Auckland names the right day.
 *
 * Pass the message's due time as `reference`, not the drafting time: a draft written on Tuesday
 * and read on Wednesday must not say "today". (Relative words stop at "today" for that reason:
 * "yesterday" would be wrong whenever the user sends a day late.)
 *
 * @param metAt - ISO instant; anything else gives undefined
 * @param timeZone - the event's zone (unknown → the device's zone)
 * @param reference - ISO instant the message will be read at; without one, the date form is used
 * @returns the phrase, or undefined when `metAt` is missing or unreadable. Never throws.
 */
export function meetingDayPhrase(
	metAt: string | undefined,
	timeZone: string,
	reference?: string
): string | undefined {
	if (!isInstant(metAt)) return undefined;
	const met = civilDate(metAt, timeZone);
	const metDate = new Date(`${met}T00:00:00Z`);
	if (!isInstant(reference)) return `on ${dayMonth.format(metDate)}`;
	const ref = civilDate(reference, timeZone);
	const days = Math.round((Date.parse(`${ref}T00:00:00Z`) - metDate.getTime()) / DAY_MS);
	if (days === 0) return 'today';
	if (days > 0 && days < 7) return `on ${weekday.format(metDate)}`;
	return `on ${(met.slice(0, 4) === ref.slice(0, 4) ? dayMonth : dayMonthYear).format(metDate)}`;
}

const HONORIFIC = /^(dr|prof|mr|mrs|ms|mx|sir|dame|herr|frau)\.?$/i;
const SUFFIX = /^(jr|sr|ii|iii|iv|phd|md|mba|esq)\.?$/i;

function nonBlank(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Whether a contact's display name is a person's name. Cards without a name fall back to the
 * organisation or an email address (FORMATS.md), and "Hi ana@acme.com," is worse than "Hi,".
 */
function personalName(name: string | undefined, org: string | undefined): string | undefined {
	if (!name || name.includes('@') || /^https?:/i.test(name) || /\d/.test(name)) return undefined;
	if (org && name.toLowerCase() === org.toLowerCase()) return undefined;
	// "Lima, Ana" (some badge exports) reads "Ana Lima" in a message; "Ana Lima, PhD" stays.
	const reversed = /^([^\s,]+),\s*([^,]+)$/.exec(name);
	if (!reversed || SUFFIX.test(reversed[2]!.trim())) return name;
	return `${reversed[2]!.trim()} ${reversed[1]!}`;
}

/** Everything {@link mergeFieldsFor} can draw on; every part is optional. */
export interface MergeSource {
	contact?: Partial<
		Pick<ContactRow, 'name' | 'givenName' | 'familyName' | 'org' | 'note' | 'metAt'>
	>;
	event?: Partial<Pick<EventRow, 'name' | 'timeZone'>>;
	/** The session in which you met. */
	session?: { title?: string };
	/** The user's own card. */
	me?: { name?: string; intro?: string };
	/** When the message will be read (the row's dueAt), for {@link meetingDayPhrase}. */
	sendAt?: string;
	/** Zone for the meeting day when there is no event (defaults to the device's zone). */
	timeZone?: string;
}

/**
 * The merge fields for a contact, from their row, the event, the session and the user's card.
 *
 * `firstName` is the given name, or the first word of a personal-looking display name (skipping
 * "Dr", "Prof" and the like); `fullName` is the display name ("Lima, Ana" → "Ana Lima"), or given
 * plus family name. Names that are really an organisation or an email address are not used.
 * Never throws; whatever is missing is simply absent.
 */
export function mergeFieldsFor(source: MergeSource): MergeFields {
	const { contact = {}, event, session, me } = source;
	const org = nonBlank(contact.org);
	const given = nonBlank(contact.givenName);
	const family = nonBlank(contact.familyName);
	const display = personalName(nonBlank(contact.name), org);
	const fullName = display ?? ([given, family].filter(Boolean).join(' ') || undefined);
	const firstWord = fullName?.split(/\s+/).find((word) => !HONORIFIC.test(word));
	const timeZone = nonBlank(event?.timeZone) ?? nonBlank(source.timeZone) ?? '';
	const fields: MergeFields = {
		firstName: given ?? firstWord,
		fullName,
		org,
		event: nonBlank(event?.name),
		session: nonBlank(session?.title),
		note: nonBlank(contact.note),
		myName: nonBlank(me?.name),
		myIntro: nonBlank(me?.intro),
		metDay: meetingDayPhrase(contact.metAt, timeZone, source.sendAt)
	};
	for (const name of FIELD_NAMES) if (fields[name] === undefined) delete fields[name];
	return fields;
}
