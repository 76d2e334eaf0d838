/**
 * Cleaning the values that go into prompt templates.
 *
 * Titles come from imported agenda files and names from badge scans, so every value is untrusted
 * plain text: it may carry markup leftovers, line breaks, invisible or bidi control characters,
 * stray quotes, or be thousands of characters long. Nothing here interprets markup; it only
 * removes what would look broken when read aloud from a phone: braces (so no value can pass for
 * a placeholder), double quotes (titles get their own curly quotes), empty quote pairs, spaces
 * before punctuation, dangling punctuation at the edges, and overlong text.
 */

/** Tag-shaped leftovers: "<b>", "</p>", "<br/>", "<!-- x -->", "<?xml …?>". */
const TAG_RE = /<\/?[a-z!?][^<>]*>/gi;
/** C0 and C1 controls, including line breaks and tabs: become spaces. */
const CONTROL_RE = /\p{Cc}/gu;
/**
 * Invisible characters that change nothing readable but can reorder or hide text: zero-width
 * space, word joiner, BOM, soft hyphen, bidi marks, embeddings, overrides and isolates.
 * Zero-width (non-)joiners stay: some scripts and emoji need them.
 */
const INVISIBLE_RE =
	/[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
const DOUBLE_QUOTE_RE = /["“”„‟«»″〝〞＂]/gu;
const EMPTY_DOUBLE_PAIR_RE = /["“”„‟«»″〝〞＂]\s*["“”„‟«»″〝〞＂]/gu;
const EMPTY_PAIR_RE = /‘\s*’/gu;
/** Punctuation that a value may not start with. */
const LEADING_JUNK_RE = /^[\s,.;:!?…\-–—·•|/\\@’]+/u;
/** Punctuation that a value may not end with; sentence ends too unless quoted (see CleanOptions). */
const TRAILING_JUNK_RE = /[\s,;:\-–—·•|/\\‘]+$/u;
const TRAILING_END_RE = /[\s,;:.!?\-–—·•|/\\‘]+$/u;
/** A connective at either edge of an inline value, or the whole value ("by", "and Co", "x by"). */
const CONNECTOR_EDGE_RE = /^(?:by|and)(?:\s+|$)|\s+(?:by|and)$/giu;
/** "by" with nothing after it but punctuation, the end, or "and". */
const HANGING_BY_RE = /\bby\b\s*(?=[,.;:!?]|$|and\b)/giu;
/** Stringified missing values inside a bare value, in the exact spellings code produces. */
const DEBRIS_RE = /\b(?:undefined|null|NaN)\b|\[object Object\]/g;
/** What a careless importer writes for a missing value. */
const NON_VALUES: ReadonlySet<string> = new Set(['undefined', 'null', 'nan', '[object object]']);

/** Options for {@link cleanValue}. */
export interface CleanOptions {
	/**
	 * The value will be shown inside quotes (titles): a final "." "!" or "?" is kept (“Why Rust?”)
	 * and connectives at the edges are left alone (“Stand By”), as the quotes fence it off.
	 * Otherwise the value sits bare inside a sentence, where "at Acme Inc.?" or "slides by by."
	 * would read badly, so those are removed.
	 */
	quoted?: boolean;
}

/** Counts code points, not UTF-16 units, so emoji and other astral characters count once. */
export function codePointLength(text: string): number {
	return Array.from(text).length;
}

/**
 * Double quotes become single curly quotes, so a title can sit inside “…” without clashing.
 * Direction comes from position (after a space or bracket it opens, otherwise it closes), not from
 * the character: German „…“ and »…« use the English closing marks the other way round.
 */
function softenQuotes(text: string): string {
	return text
		.replace(EMPTY_DOUBLE_PAIR_RE, ' ')
		.replace(DOUBLE_QUOTE_RE, (_quote: string, offset: number, whole: string) => {
			const before = offset > 0 ? whole[offset - 1] : undefined;
			return before === undefined || /[\s([{‘]/u.test(before) ? '‘' : '’';
		});
}

/**
 * Cuts text to at most `max` code points, at a word boundary when there is one in the second half,
 * and marks the cut with "…". Text within the limit is returned as it is.
 *
 * @param text Already cleaned text.
 * @param max The limit in code points (at least 2 is sensible; smaller values still work).
 */
export function truncateWords(text: string, max: number): string {
	const limit = Math.max(1, Math.floor(max));
	const chars = Array.from(text);
	if (chars.length <= limit) return text;
	// Leave room for the ellipsis.
	let cut = chars.slice(0, Math.max(1, limit - 1)).join('');
	const space = cut.lastIndexOf(' ');
	if (space >= cut.length / 2) cut = cut.slice(0, space);
	cut = cut.replace(TRAILING_END_RE, '');
	return cut === '' ? '' : `${cut}…`;
}

/**
 * Turns an untrusted value into a short, single-line, plain-text fragment for a prompt.
 *
 * @param raw Anything; non-strings give ''.
 * @param max Longest result in code points; longer text is cut at a word boundary with "…".
 * @param options See {@link CleanOptions}.
 * @returns The cleaned fragment, or '' when nothing readable is left (no letter or digit, a
 *   stringified missing value such as "undefined", or only the connective "by" or "and").
 */
export function cleanValue(raw: unknown, max: number, options: CleanOptions = {}): string {
	if (typeof raw !== 'string') return '';
	// Cap before the regexes run: a megabyte "title" should cost no more than a short one.
	let text = raw.slice(0, 2_000);
	text = text
		.replace(TAG_RE, ' ')
		.replace(CONTROL_RE, ' ')
		.replace(INVISIBLE_RE, '')
		.replace(/[{}]/g, '');
	text = softenQuotes(text);
	const inline = options.quoted !== true;
	const trailing = inline ? TRAILING_END_RE : TRAILING_JUNK_RE;
	// Repeat until stable: each fix can expose another (removing a space before punctuation can
	// create an empty pair; removing a hanging "by" can leave a comma at the end).
	for (let before = ''; before !== text;) {
		before = text;
		text = text
			.replace(EMPTY_PAIR_RE, ' ')
			.replace(/\s+/gu, ' ')
			.replace(/ +(?=[,.;:!?])/g, '')
			.trim()
			.replace(LEADING_JUNK_RE, '')
			.replace(trailing, '');
		if (inline) {
			// A bare value sits next to template words and reads as part of the sentence, so debris
			// that would look like a template bug goes: "Ana undefined" (a name glued from missing
			// parts), "slides by by." or "by and Co". Quotes fence titles off instead, where
			// “When undefined is not a function” is a real talk.
			text = text.replace(DEBRIS_RE, ' ').replace(HANGING_BY_RE, '').replace(CONNECTOR_EDGE_RE, '');
		}
	}
	if (!/[\p{L}\p{N}]/u.test(text) || NON_VALUES.has(text.toLowerCase())) return '';
	return truncateWords(text, max);
}

/** Labels that open titles without saying what the talk is about ("Keynote: …"). */
const LABEL_RE =
	/^(?:opening |closing )?(?:keynote|workshop|panel(?: discussion)?|lightning talk|talk|tutorial|session|fireside chat|ama|live demo)$/i;

/** The longest shortened title, in code points (~60, cut at a word boundary). */
export const TITLE_MAX = 60;

/**
 * Shortens a session title for speech: drops a subtitle after ": " or a spaced dash ("–", "—",
 * "-") or "|", unless what comes first is only a label ("Keynote: …") or too short to stand alone
 * ("Go: …" keeps the whole title), then caps it at {@link TITLE_MAX} code points.
 *
 * @param raw The title as imported; anything.
 * @returns The short title without quotes, or '' when nothing readable is left.
 */
export function shortenTitle(raw: unknown): string {
	const clean = cleanValue(raw, 500, { quoted: true });
	if (clean === '') return '';
	const parts = clean
		.split(/\s*:\s+|\s+[–—-]\s+|\s+\|\s+/u)
		.map((part) => part.trim())
		.filter((part) => /[\p{L}\p{N}]/u.test(part));
	let main = clean;
	const [head, next] = parts;
	if (head !== undefined && parts.length > 1) {
		if (LABEL_RE.test(head) && next !== undefined) main = next;
		else if (codePointLength(head) >= 4) main = head;
	}
	return cleanValue(main, TITLE_MAX, { quoted: true });
}

/** Longest speaker name kept, in code points. */
export const NAME_MAX = 40;

/**
 * Names the speakers for "by …": "Ana Lima", "Ana Lima and Bo Chen", "Ana Lima and 3 others".
 *
 * @param speakers The speaker list as imported; non-arrays, empty and unreadable names are
 *   ignored, and names repeated case-insensitively count once.
 * @returns The phrase, or '' when there is nobody to name (so no template says "by" alone).
 */
export function formatSpeakers(speakers: unknown): string {
	const names = speakerNames(speakers);
	const [first, second] = names;
	if (first === undefined) return '';
	if (second === undefined) return first;
	if (names.length === 2) return `${first} and ${second}`;
	return `${first} and ${names.length - 1} others`;
}

/**
 * The cleaned, de-duplicated speaker names, in the given order.
 *
 * @param speakers The speaker list as imported; non-arrays give [].
 */
export function speakerNames(speakers: unknown): string[] {
	if (!Array.isArray(speakers)) return [];
	const names: string[] = [];
	const seen = new Set<string>();
	// A panel of a hundred is still "and 99 others"; no need to clean a huge imported list.
	for (const raw of speakers.slice(0, 100) as unknown[]) {
		const name = cleanValue(raw, NAME_MAX);
		const key = name.toLowerCase();
		if (name !== '' && !seen.has(key)) {
			seen.add(key);
			names.push(name);
		}
	}
	return names;
}

/**
 * The track as a noun phrase: "Frontend" and "Frontend track" both give "the Frontend track";
 * a name that says track itself ("Track A") is used as it is.
 *
 * @param raw The track as imported; anything.
 * @returns The phrase, or '' when there is no readable track name.
 */
export function formatTrack(raw: unknown): string {
	const name = trackName(raw);
	if (name === '' || /^track$/i.test(name)) return '';
	return /\btrack\b/i.test(name) ? name : `the ${name} track`;
}

/**
 * The cleaned track name without "the" or a trailing "track" ("the Frontend track" → "Frontend").
 *
 * @param raw The track as imported; anything.
 * @returns The name, or '' when nothing readable is left.
 */
export function trackName(raw: unknown): string {
	const name = cleanValue(raw, 30)
		.replace(/^the\s+/i, '')
		.replace(/\s+track$/i, '');
	return /[\p{L}\p{N}]/u.test(name) ? name : '';
}
