/**
 * Icebreaker generation: a few short prompts a nervous person can say out loud, picked from the
 * templates in templates.ts and filled with what Hallway knows about the moment — the session just
 * heard or coming next, the person in front of them, or the situation (coffee queue, dinner…).
 *
 * Pure: no DOM, no storage, no clock. All randomness comes from the caller's rng (see rng.ts), so
 * the same seed gives the same prompts after a reload, and ids are hashes of the text so a
 * favourited prompt can be found again.
 */

import { extractKeywords } from './keywords';
import { hashString, shuffle, type Rng } from './rng';
import {
	PERSON_TEMPLATES,
	PLACEHOLDER_RE,
	SESSION_TEMPLATES,
	SITUATION_TEMPLATES,
	type Field,
	type Template
} from './templates';
import {
	NAME_MAX,
	cleanValue,
	formatSpeakers,
	formatTrack,
	shortenTitle,
	speakerNames,
	trackName
} from './values';

/** What a prompt is for; the same as PromptKind in the database, without the user's 'own'. */
export type IcebreakerKind = 'opener' | 'deepen' | 'small-ask' | 'offer';

/** One generated prompt. */
export interface Icebreaker {
	/** 'ib-' and 16 hex digits: a stable hash of kind and text, so favourites can refer to it. */
	id: string;
	kind: IcebreakerKind;
	/** Trimmed, single-line, ending with "?" or ".". */
	text: string;
}

/** The session to talk about. Values are untrusted (imported agendas) and cleaned before use. */
export interface SessionInfo {
	/** Required, but an empty or unreadable title is tolerated: prompts then say "that talk". */
	title: string;
	track?: string;
	speakers: string[];
	/** Plain text or HTML leftovers; keywords are taken from title and abstract. */
	abstract?: string;
	/** 'now' and 'just-ended' talk about "the talk we just heard"; 'next' asks "are you going?". */
	timing: 'now' | 'just-ended' | 'next';
}

/** The person being talked to. Values are untrusted (badge scans) and cleaned before use. */
export interface PersonInfo {
	/** Accepted for callers' convenience; never put in prompts (a misread name is worse than none). */
	name?: string;
	org?: string;
	/** Job title; fills the {role} placeholder. */
	title?: string;
}

/** Where the user is when there is no session to talk about. */
export type Situation = 'coffee' | 'after-keynote' | 'booth' | 'dinner' | 'generic';

/** Input to {@link generateIcebreakers}. */
export interface GenerateInput {
	session?: SessionInfo;
	person?: PersonInfo;
	/** Used only without a session; unknown values and undefined mean 'generic'. */
	situation?: Situation;
	rng: Rng;
	/** Prompts per kind; default 2, clamped to 0–20. */
	perKind?: number;
}

/** The kinds in the order they are returned: a conversation's natural order. */
export const ICEBREAKER_KINDS: readonly IcebreakerKind[] = [
	'opener',
	'deepen',
	'small-ask',
	'offer'
];

/** Every situation with its own templates. */
export const SITUATIONS: readonly Situation[] = [
	'coffee',
	'after-keynote',
	'booth',
	'dinner',
	'generic'
];

const DEFAULT_PER_KIND = 2;
const MAX_PER_KIND = 20;
/** Keywords considered per session: enough for variety, few enough to stay on topic. */
const KEYWORDS_PER_SESSION = 3;
const KEYWORD_MAX = 40;
const PERSON_FIELD_MAX = 40;

/**
 * The stable id of a prompt: 'ib-' and 16 hex digits from two independent 32-bit hashes of kind
 * and text. Ids survive app updates as long as the text does not change.
 *
 * @param kind The prompt kind (part of the hash: the same words as a different kind differ).
 * @param text The final prompt text.
 */
export function icebreakerId(kind: IcebreakerKind, text: string): string {
	const key = `${kind}\u0000${text}`;
	const hex = (n: number): string => n.toString(16).padStart(8, '0');
	return `ib-${hex(hashString(key, 0x1ce))}${hex(hashString(key, 0xb4ea))}`;
}

/** Filled values, keyed by field; a missing key means "not known". */
type Values = Partial<Record<Exclude<Field, 'keyword'>, string>>;

interface Prepared {
	values: Values;
	/** Candidate keywords, already cleaned and shuffled; used in turn. */
	keywords: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

/** Cleans every inserted value once, up front, so templates only ever see safe text. */
function prepare(
	session: SessionInfo | undefined,
	person: PersonInfo | undefined,
	rng: Rng
): Prepared {
	const values: Values = {};
	const avoid = new Set<string>();
	const remember = (text: string): void => {
		if (text !== '') avoid.add(text.toLowerCase());
	};

	if (person) {
		// Badge scans sometimes read "at Acme"; templates say "at {org}" themselves.
		const org = cleanValue(
			cleanValue(person.org, PERSON_FIELD_MAX).replace(/^at\s+/i, ''),
			PERSON_FIELD_MAX
		);
		const role = cleanValue(person.title, PERSON_FIELD_MAX);
		if (org !== '') values.org = org;
		if (role !== '') values.role = role;
		remember(org);
		remember(role);
		remember(cleanValue(person.name, NAME_MAX));
	}

	let keywords: string[] = [];
	if (session) {
		const title = shortenTitle(session.title);
		if (title !== '') values.title = `“${title}”`;
		const speakers = formatSpeakers(session.speakers);
		if (speakers !== '') values.speakers = speakers;
		const track = formatTrack(session.track);
		if (track !== '') values.track = track;

		// A keyword that merely repeats the title, track or a name would make a clumsy prompt
		// ("Do you work with Ana yourself?").
		remember(title);
		remember(trackName(session.track));
		for (const name of speakerNames(session.speakers)) {
			remember(name);
			for (const part of name.split(' ')) if (part.length >= 2) remember(part);
		}
		// A blank line keeps the title a paragraph of its own, which extractKeywords reads as the
		// title (a small bonus) and never joins to the abstract's first words.
		const source = [session.title, session.abstract]
			.filter((part): part is string => typeof part === 'string')
			.join('\n\n');
		const seen = new Set<string>();
		for (const raw of extractKeywords(source, KEYWORDS_PER_SESSION + avoid.size)) {
			const keyword = cleanValue(raw, KEYWORD_MAX);
			const key = keyword.toLowerCase();
			if (keyword === '' || avoid.has(key) || seen.has(key)) continue;
			seen.add(key);
			keywords.push(keyword);
			if (keywords.length >= KEYWORDS_PER_SESSION) break;
		}
		keywords = shuffle(keywords, rng);
	}
	return { values, keywords };
}

/** A template with how much it should be preferred. */
interface Candidate {
	template: Template;
	/** Larger is more likely to come early; templates using more known fields are more specific. */
	weight: number;
	/** Session or situation templates: at least one per kind comes from these when possible. */
	primary: boolean;
}

function fits(template: Template, prepared: Prepared): boolean {
	return template.needs.every((field) =>
		field === 'keyword' ? prepared.keywords.length > 0 : prepared.values[field] !== undefined
	);
}

function candidatesFor(input: GenerateInput, prepared: Prepared): Candidate[] {
	const out: Candidate[] = [];
	const { session } = input;
	if (session) {
		const when = session.timing === 'next' ? 'next' : 'live';
		for (const template of SESSION_TEMPLATES) {
			if (template.when !== 'any' && template.when !== when) continue;
			out.push({ template, weight: 1 + template.needs.length, primary: true });
		}
	} else {
		const situation = SITUATIONS.includes(input.situation as Situation)
			? (input.situation as Situation)
			: 'generic';
		for (const template of SITUATION_TEMPLATES) {
			if (template.situation === situation) out.push({ template, weight: 3, primary: true });
			else if (template.situation === 'generic') {
				// Generic prompts only fill in when the situation's own run short.
				out.push({ template, weight: 1, primary: false });
			}
		}
	}
	for (const template of PERSON_TEMPLATES) {
		out.push({ template, weight: 1 + template.needs.length, primary: false });
	}
	return out.filter((c) => fits(c.template, prepared));
}

/**
 * Weighted random order without replacement (Efraimidis–Spirakis: sort by u^(1/w)), so specific
 * templates tend to come first while plain ones still get their turn.
 */
function weightedOrder(candidates: readonly Candidate[], rng: Rng): Candidate[] {
	const keyed = candidates.map((candidate, index) => {
		const u = rng();
		const safe = Number.isFinite(u) && u > 0 ? Math.min(u, 1) : Number.MIN_VALUE;
		return { candidate, index, key: Math.pow(safe, 1 / candidate.weight) };
	});
	keyed.sort((a, b) => b.key - a.key || a.index - b.index);
	return keyed.map((k) => k.candidate);
}

function render(template: Template, prepared: Prepared, nextKeyword: () => string): string {
	// One pass over the template only: inserted values are never scanned for placeholders again.
	const text = template.text.replace(PLACEHOLDER_RE, (_match, field: Field) =>
		field === 'keyword' ? nextKeyword() : (prepared.values[field] ?? '')
	);
	return text.replace(/\s+/g, ' ').trim();
}

function clampPerKind(perKind: number | undefined): number {
	if (perKind === undefined || Number.isNaN(perKind)) return DEFAULT_PER_KIND;
	return Math.min(MAX_PER_KIND, Math.max(0, Math.floor(perKind)));
}

/**
 * Generates icebreaker prompts.
 *
 * - With a session: prompts of all four kinds about it, in the tense its timing calls for (the
 *   opener names the talk whenever it has a title); the
 *   title is shortened and quoted (“…”), speakers named ("by Ana Lima and 3 others"), the track
 *   and up to three keywords from title and abstract used where known. Person templates (their org
 *   or role) mix in; at least one prompt per kind still comes from the session templates.
 * - Without a session: prompts for the situation (default 'generic'; unknown values count as
 *   'generic'), topped up with generic ones, plus person templates when org or role is known.
 * - Missing or unreadable fields (empty, whitespace, markup only, "undefined") simply rule out the
 *   templates that need them; every kind has templates that need nothing, so it never fails.
 * - Values are cleaned plain text: single line, no braces or double quotes, length-capped.
 *
 * @param input See {@link GenerateInput}. `rng` is required and drives every choice.
 * @returns Up to perKind prompts per kind, grouped in {@link ICEBREAKER_KINDS} order, texts unique
 *   (case-insensitively) within the batch. Fewer only when too few templates fit. The same rng
 *   sequence gives the same result.
 * @throws TypeError when rng is not a function (a programming error, not bad data).
 */
export function generateIcebreakers(input: GenerateInput): Icebreaker[] {
	if (typeof input.rng !== 'function') throw new TypeError('generateIcebreakers needs an rng');
	const { rng } = input;
	const perKind = clampPerKind(input.perKind);
	const session = isObject(input.session) ? input.session : undefined;
	const person = isObject(input.person) ? input.person : undefined;
	const prepared = prepare(session, person, rng);
	const candidates = candidatesFor({ ...input, session }, prepared);

	// Keywords were shuffled in prepare(); taking them in turn spreads them across the kinds.
	let keywordTurn = 0;
	const nextKeyword = (): string => {
		const keyword = prepared.keywords[keywordTurn % prepared.keywords.length] ?? '';
		keywordTurn++;
		return keyword;
	};

	const result: Icebreaker[] = [];
	const seen = new Set<string>();
	for (const kind of ICEBREAKER_KINDS) {
		if (perKind === 0) break;
		const ordered = weightedOrder(
			candidates.filter((c) => c.template.kind === kind),
			rng
		);
		// Lead with the best-placed session (or situation) template, so every kind stays on topic;
		// the opener names the talk itself when it has a title, so the user knows which one.
		const namesTalk = (c: Candidate) => c.primary && c.template.needs.includes('title');
		const lead =
			kind === 'opener' && ordered.some(namesTalk)
				? ordered.findIndex(namesTalk)
				: ordered.findIndex((c) => c.primary);
		if (lead > 0) ordered.unshift(...ordered.splice(lead, 1));

		let picked = 0;
		for (const { template } of ordered) {
			if (picked >= perKind) break;
			const text = render(template, prepared, nextKeyword);
			const key = text.toLowerCase();
			if (text === '' || seen.has(key)) continue;
			seen.add(key);
			result.push({ id: icebreakerId(kind, text), kind, text });
			picked++;
		}
	}
	return result;
}
