/**
 * Keyword extraction for icebreakers: a handful of salient phrases from a session's title and
 * abstract ("WebAssembly", "design systems", "Kubernetes operators"), to be dropped into prompts
 * such as "Do you work with design systems yourself?".
 *
 * Agenda abstracts arrive from imported files and feeds, so the text is treated as untrusted
 * plain text: markup leftovers, entities, URLs and handles are dropped before anything is read.
 * The approach is a small RAKE-like scorer (runs of non-stop words are candidate phrases) tuned
 * for conference copy: capitalised technical names and repeated words score higher, and generic
 * conference words ("talk", "learn", "deep dive") never become keywords. Pure and deterministic.
 */

import { codePointLength } from './values';

/**
 * English function words: never part of a keyword, whatever their casing. Kept lower-case, with
 * straight apostrophes.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
	(
		'a about above across after again against all almost along already also although always am ' +
		'among an and and/or another any anybody anyone anything are around as at be became because ' +
		'become becomes been before being below between both but by can cannot could did do does ' +
		'doing done down during each either else enough etc e.g even ever every everybody everyone ' +
		'everything few for from further had has have having he her here hers herself him himself ' +
		'his how however i i.e if in into is it its itself just least less let lets like many may me ' +
		'might mine more most much must my myself near neither never no nor not now of off often on ' +
		'once one only onto or other others otherwise our ours ourselves out over own per perhaps ' +
		'quite rather really same shall she should since so some somebody someone something ' +
		'sometimes still such than that the their theirs them themselves then there these they this ' +
		'those though through throughout thus to together too toward towards under until up upon us ' +
		'versus very via vs was we well were what whatever when whenever where whether which while ' +
		'who whom whose why will with within without would yet you your yours yourself yourselves ' +
		"don't doesn't didn't isn't aren't wasn't weren't can't won't wouldn't shouldn't couldn't " +
		"haven't hasn't we'll we're we've you'll you're you've i'm i've i'll they're they'll " +
		"that's there's here's what's who's how's " +
		'two three four five six seven eight ten first second third last next ' +
		// Not function words, but a prompt saying "null" or "undefined" looks like a bug in Hallway.
		'undefined null nan'
	).split(/\s+/)
);

/**
 * Conference furniture, and the verbs and fillers that surround a topic without being one ("In
 * this talk we will explore practical tips for building…"). Unlike function words these can be
 * names: "Go", "Times" or "Swift" capitalised mid-sentence are kept.
 */
const GENERIC_WORDS: ReadonlySet<string> = new Set(
	(
		'talk talks session sessions introduction intro keynote keynotes workshop workshops panel ' +
		'panels presentation presentations presenter speaker speakers attendee attendees audience ' +
		'participants conference conferences event events track tracks slides demo demos q&a agenda ' +
		'lecture tutorial webinar lightning hands-on meetup room break lunch ' +
		'learn learns learned learnt new using use used uses build builds building built make ' +
		'makes making made create creates creating created show shows showing shown share shares ' +
		'sharing shared explore explores exploring explored discuss discusses discussing cover ' +
		'covers covering covered look looks looking looked dive dives diving deep walk walks walking ' +
		'take takes taking took find finds finding found help helps helping start starts starting ' +
		'started see sees seeing seen know knows knowing known understand understanding want wants ' +
		'go goes going gone come comes coming give gives giving get gets getting got try tries ' +
		'trying tried bring brings bringing move moves moving include includes including provide ' +
		'provides providing present presents presenting introduce introduces introducing ' +
		'demonstrate demonstrates demonstrating focus focuses focusing discover discovering join ' +
		'hear heard attend attending hope need needs scaling rethinking taming unlocking unleashing ' +
		'mastering demystifying embracing navigating leveraging leverage empowering beyond work ' +
		'works working worked journey story stories lessons lesson tips tricks way ways thing things ' +
		'run runs running ran lot lots part parts example examples idea ideas year years day days time today ' +
		'tomorrow future modern practical real real-world best better good great simple easy hard ' +
		'different important key common whole everyday basics fundamentals overview guide beginner ' +
		'beginners advanced people team teams world approach approaches problem problems solution ' +
		'solutions question questions answer answers case cases end able actually kind kinds sort ' +
		'bit yes ok okay big small large latest final several various certain possible available ' +
		'exciting amazing awesome powerful cool fun love note notes'
	).split(/\s+/)
);

/** Tags after which text starts a new block: their removal must not glue two phrases together. */
const BLOCK_TAGS: ReadonlySet<string> = new Set(
	'p br div li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article blockquote pre hr dd dt dl'.split(
		' '
	)
);

/** Named entities worth decoding in abstracts; anything else becomes a space. */
const ENTITIES: Readonly<Record<string, string>> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	ndash: '–',
	mdash: '—',
	hellip: '…',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”'
};

/** Untrusted abstracts can be huge; nothing useful for a prompt lives past this point. */
const MAX_INPUT_CHARS = 20_000;
/** A "word" longer than this is a hash, a base64 blob or keyboard noise, not a topic. */
const MAX_TOKEN_CHARS = 30;
/** Keyword phrases stay short enough to say out loud. */
const MAX_PHRASE_WORDS = 3;

interface Token {
	/** Original spelling, trailing punctuation and possessive removed. */
	text: string;
	lower: string;
	/** Lower-case with a plural "s" dropped, so "component" and "components" count together. */
	stem: string;
	start: number;
	/** Index of the phrase segment: tokens only join into a phrase inside one segment. */
	segment: number;
	/** Index of the sentence (segments split by . ! ? : or a line break). */
	sentence: number;
	/** Index of the line: titles are one line, and a colon inside them does not end it. */
	line: number;
	sentenceStart: boolean;
	/** Its capitalisation is the writer's choice, not forced by a sentence start or Title Case. */
	freeCase: boolean;
	stop: boolean;
	valid: boolean;
	/** The word just before, lower-case, when it sits in the same phrase segment. */
	previous: string | undefined;
	/** Whether "at", "by" or "from" comes just before, or before an article ("at the …"). */
	afterAtByFrom: boolean;
}

interface Candidate {
	key: string;
	words: string[];
	/**
	 * The spelling shown: the first occurrence whose casing is the writer's own. Until one is seen
	 * (casingSettled), the first occurrence at all, e.g. "Production" from a Title Case title.
	 */
	display: string;
	casingSettled: boolean;
	firstPos: number;
	count: number;
	/** A multi-word phrase that is only worth keeping when it repeats. */
	weak: boolean;
	/** Sum over occurrences of how noun-like the word before makes a single word look. */
	context: number;
	/** Occurrences right after "at", "by" or "from": a company, a place or a person, not a topic. */
	afterAtByFrom: number;
	inFirstLine: boolean;
}

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (_m, body: string) => {
		if (body[0] === '#') {
			const hex = body[1] === 'x' || body[1] === 'X';
			const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
			// Out-of-range or control code points would only add noise.
			return code >= 0x20 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
		}
		return ENTITIES[body.toLowerCase()] ?? ' ';
	});
}

/**
 * Cuts every span from `open` to `close` (case-insensitive); an unclosed span runs to the end, as it
 * would in a browser. A scan with indexOf rather than a lazy regex: on untrusted text with many
 * openers and no closer, "<!--[\s\S]*?-->" takes quadratic time.
 */
function cutSpans(text: string, open: RegExp, close: string): string {
	const lower = text.toLowerCase();
	let out = '';
	let from = 0;
	for (const match of lower.matchAll(open)) {
		if (match.index < from) continue;
		out += `${text.slice(from, match.index)} `;
		const end = lower.indexOf(close, match.index + match[0].length);
		from = end === -1 ? text.length : end + close.length;
		if (end === -1) break;
	}
	return out + text.slice(from);
}

/** Reduces HTML-ish, markdown-ish, link-laden copy to plain lines of prose. */
function toPlainText(raw: string): string {
	let text = decodeEntities(raw.slice(0, MAX_INPUT_CHARS));
	text = cutSpans(text, /<!--/g, '-->');
	text = cutSpans(text, /<script\b/g, '</script>');
	text = cutSpans(text, /<style\b/g, '</style>');
	// Every pattern below can only start at a fixed character or after whitespace, so each runs in
	// linear time on hostile input (no "\S+@" that retries from every position).
	return (
		text
			.replace(/<\/?([a-z][a-z0-9]*)\b[^<>]*>/gi, (_m, tag: string) =>
				BLOCK_TAGS.has(tag.toLowerCase()) ? '\n' : ' '
			)
			.replace(/\b(?:https?|ftp):\/\/\S*/gi, ' ')
			.replace(/\bwww\.\S*/gi, ' ')
			// E-mail addresses and @handles: any whitespace-delimited word with an "@" in it.
			.replace(/(^|\s)[^\s@]*@\S*/g, '$1 ')
			// Markdown emphasis and code marks wrap words; dropping them keeps the words together.
			.replace(/[*`]+/g, '')
			.replace(/\r\n?/g, '\n')
			.replace(/[^\S\n]+/g, ' ')
	);
}

const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.+#\-/]*/gu;
const DOMAIN_RE =
	/^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|io|dev|app|co|ai|eu|de|uk|fr|nl|info|me|tech|ly)$/u;

function isTokenValid(text: string): boolean {
	if (!/\p{L}/u.test(text)) return false;
	const length = codePointLength(text);
	if (length > MAX_TOKEN_CHARS) return false;
	if (DOMAIN_RE.test(text)) return false;
	// Short lower-case words ("go", "ui") are too ambiguous; short capitals ("AI", "UX", "C#") are
	// usually deliberate names.
	const hasUpper = /\p{Lu}/u.test(text);
	return hasUpper ? length >= 2 : length >= 3;
}

/** Drops trailing characters from a set; a loop, as "[.-]+$" is quadratic on long runs. */
function trimTrailing(word: string, chars: string): string {
	let end = word.length;
	while (end > 0 && chars.includes(word.charAt(end - 1))) end--;
	return word.slice(0, end);
}

/** Just enough stemming to merge plurals; "class", "ops" and "WASI" stay as they are. */
function stemOf(lower: string): string {
	return lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss')
		? lower.slice(0, -1)
		: lower;
}

const startsUpper = (text: string): boolean => /^\p{Lu}/u.test(text);

/** "at Acme", "by Ana", "from the Financial Times": a company, a place or a person follows. */
const AT_BY_FROM: ReadonlySet<string> = new Set(['at', 'by', 'from']);
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/**
 * Looks back from the word about to be added (tokens so far) within its segment. A capitalised
 * word right after a flagged one shares its fate: "at the Financial Times" flags both words.
 */
function isAfterAtByFrom(tokens: readonly Token[], segment: number, word: string): boolean {
	const last = tokens[tokens.length - 1];
	if (!last || last.segment !== segment) return false;
	if (AT_BY_FROM.has(last.lower)) return true;
	if (last.afterAtByFrom && startsUpper(last.text) && startsUpper(word)) return true;
	const beforeLast = tokens[tokens.length - 2];
	return (
		ARTICLES.has(last.lower) &&
		beforeLast !== undefined &&
		beforeLast.segment === segment &&
		AT_BY_FROM.has(beforeLast.lower)
	);
}

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let segment = 0;
	let sentence = 0;
	let line = 0;
	let previousEnd = 0;
	for (const match of text.matchAll(TOKEN_RE)) {
		let word = trimTrailing(match[0], ".'’-/");
		word = trimTrailing(word.replace(/['’][sS]$/u, ''), "'’");
		if (word === '') continue;
		const start = match.index;
		let gap = text.slice(previousEnd, start);
		// Hard-wrapped prose: one line break before a lower-case word continues the sentence.
		if (/^ ?\n ?$/.test(gap) && /^\p{Ll}/u.test(word)) gap = ' ';
		const first = tokens.length === 0;
		const sentenceBreak = first || /[.!?:\n]/.test(gap);
		if (!first && gap !== ' ') segment++;
		if (!first && sentenceBreak) sentence++;
		if (gap.includes('\n')) line++;
		const lower = word.toLowerCase().replace(/’/g, "'");
		const before = tokens[tokens.length - 1];
		tokens.push({
			text: word,
			lower,
			stem: stemOf(lower),
			start,
			segment,
			sentence,
			line,
			sentenceStart: sentenceBreak,
			freeCase: false,
			stop: FUNCTION_WORDS.has(lower) || GENERIC_WORDS.has(lower),
			valid: isTokenValid(word),
			previous: before && before.segment === segment ? before.lower : undefined,
			afterAtByFrom: isAfterAtByFrom(tokens, segment, word)
		});
		previousEnd = start + word.length;
	}
	return tokens;
}

/** "WebAssembly", "iOS", "GraphQL", "AI", "K8s", "HTTP/3": names whatever their position. */
function looksLikeName(text: string): boolean {
	const rest = text.replace(/^./u, '');
	return /\p{Lu}/u.test(rest) || (/\p{L}/u.test(text) && /\p{N}/u.test(text));
}

/**
 * Decides which words read as names in this text, and lets generic words used as names ("Go",
 * "Swift", "Financial Times") back into play. A capital counts only when its position does not
 * explain it: sentence starts and Title Case lines (agenda titles) capitalise everything.
 */
function classify(tokens: Token[]): Set<string> {
	// A group is Title Case when most of its content words are capitalised; both sentences and
	// whole lines are checked, as a title's colon starts a new sentence but not a new line.
	const titleCase = (groupOf: (t: Token) => number): Set<number> => {
		const groups = new Map<number, { words: number; capitals: number }>();
		for (const token of tokens) {
			if (!token.valid || token.stop) continue;
			const group = groups.get(groupOf(token)) ?? { words: 0, capitals: 0 };
			group.words++;
			if (startsUpper(token.text)) group.capitals++;
			groups.set(groupOf(token), group);
		}
		const out = new Set<number>();
		for (const [id, g] of groups) if (g.words >= 2 && g.capitals / g.words >= 0.75) out.add(id);
		return out;
	};
	const titleSentences = titleCase((t) => t.sentence);
	const titleLines = titleCase((t) => t.line);

	const proper = new Set<string>();
	for (const token of tokens) {
		token.freeCase =
			!token.sentenceStart && !titleSentences.has(token.sentence) && !titleLines.has(token.line);
		if (!token.valid || FUNCTION_WORDS.has(token.lower)) continue;
		const capitalAsName = startsUpper(token.text) && token.freeCase;
		if (token.stop && !capitalAsName) continue;
		token.stop = false;
		if (capitalAsName || looksLikeName(token.text)) proper.add(token.stem);
	}
	return proper;
}

/** Words after which the next word is usually a verb ("to encode", "we ship", "that survive"). */
const VERB_CUES: ReadonlySet<string> = new Set(
	(
		'to we you they i he she it will can could should would may might must let lets that which ' +
		"who don't doesn't didn't won't can't also often never always just is are was were be been " +
		'do does did has have had'
	).split(' ')
);

/** Words after which the next word usually starts a noun phrase ("the browser", "for plugins"). */
const NOUN_CUES: ReadonlySet<string> = new Set(
	(
		'the a an our your their its his her my this these those some any many more most every each ' +
		'both of for with about on in into and'
	).split(' ')
);

/**
 * Keywords end up in prompts like "Do you work with … yourself?", which need nouns. Without a
 * tagger, the word before is a cheap hint: "to encode" is a verb, "the browser" a noun.
 */
function nounContext(previous: string | undefined): number {
	if (previous === undefined) return 0;
	if (VERB_CUES.has(previous)) return -1.5;
	return NOUN_CUES.has(previous) ? 0.5 : 0;
}

function collectCandidates(
	tokens: readonly Token[],
	proper: ReadonlySet<string>
): Map<string, Candidate> {
	const candidates = new Map<string, Candidate>();

	const add = (run: readonly Token[]): void => {
		const first = run[0];
		if (!first) return;
		const words = run.map((t) => t.stem);
		// "rust rust" is emphasis or a typo, never a term.
		if (new Set(words).size < words.length) return;
		const key = words.join(' ');
		const context = run.length === 1 ? nounContext(first.previous) : 0;
		const afterAtByFrom = first.afterAtByFrom ? 1 : 0;
		const existing = candidates.get(key);
		if (existing) {
			if (!existing.casingSettled && first.freeCase) {
				existing.display = run.map((t) => t.text).join(' ');
				existing.casingSettled = true;
			}
			existing.count++;
			existing.context += context;
			existing.afterAtByFrom += afterAtByFrom;
			return;
		}
		candidates.set(key, {
			key,
			words,
			display: run.map((t) => t.text).join(' '),
			casingSettled: first.freeCase,
			firstPos: first.start,
			count: 1,
			// Without a part-of-speech tagger, "reach production" looks as good as "design systems";
			// a phrase must repeat, or be a run of names ("Financial Times"), to be trusted.
			weak: words.length > 1 && !words.every((w) => proper.has(w)),
			inFirstLine: first.line === 0,
			context,
			afterAtByFrom
		});
	};

	// Runs of usable words inside one segment, broken by stop words and unusable tokens.
	const runs: Token[][] = [];
	let current: Token[] = [];
	for (const token of tokens) {
		const last = current[current.length - 1];
		if (last && last.segment !== token.segment) {
			runs.push(current);
			current = [];
		}
		if (token.valid && !token.stop) current.push(token);
		else if (current.length > 0) {
			runs.push(current);
			current = [];
		}
	}
	if (current.length > 0) runs.push(current);

	for (const run of runs) {
		for (let size = 1; size <= MAX_PHRASE_WORDS; size++) {
			for (let i = 0; i + size <= run.length; i++) add(run.slice(i, i + size));
		}
	}
	return candidates;
}

function scoreCandidates(
	candidates: Map<string, Candidate>,
	tokens: readonly Token[],
	proper: ReadonlySet<string>
): Array<{ candidate: Candidate; score: number }> {
	const frequency = new Map<string, number>();
	for (const token of tokens) {
		if (token.valid && !token.stop) frequency.set(token.stem, (frequency.get(token.stem) ?? 0) + 1);
	}
	const wordScore = (word: string): number =>
		(frequency.get(word) ?? 0) + (proper.has(word) ? 2 : 0);

	const scored: Array<{ candidate: Candidate; score: number }> = [];
	for (const candidate of candidates.values()) {
		if (candidate.weak && candidate.count < 2) continue;
		const scores = candidate.words.map(wordScore);
		const best = Math.max(...scores);
		const rest = scores.reduce((sum, s) => sum + s, 0) - best;
		const multi = candidate.words.length > 1;
		let score = best + rest / 2;
		if (multi) score += 1 + (candidate.count - 1) * 2;
		if (multi && candidate.words.every((w) => proper.has(w))) score += 1;
		if (candidate.inFirstLine) score += 1;
		if (!multi && !proper.has(candidate.key)) {
			// Adverbs ("quickly") are never topics; other single words lean on their context.
			if (/ly$/u.test(candidate.key)) continue;
			score += candidate.context;
		}
		// Names of companies and people would make odd prompts ("Do you work with Acme yourself?").
		if (candidate.afterAtByFrom * 2 >= candidate.count) score -= 5;
		scored.push({ candidate, score });
	}
	scored.sort(
		(x, y) =>
			y.score - x.score ||
			x.candidate.firstPos - y.candidate.firstPos ||
			(x.candidate.key < y.candidate.key ? -1 : x.candidate.key > y.candidate.key ? 1 : 0)
	);
	return scored;
}

const contains = (outer: readonly string[], inner: readonly string[]): boolean =>
	inner.every((word) => outer.includes(word));

/**
 * Extracts salient phrases from conference copy, typically a session title and abstract joined by
 * a line break (the first line gets a small bonus, as titles name the topic).
 *
 * - Markup leftovers (tags, entities, HTML comments), URLs, e-mail addresses and @handles are
 *   removed first; the text is never interpreted as HTML.
 * - Candidates are runs of up to three non-stop words inside one phrase (punctuation and line
 *   breaks end a phrase). Capitalised names that are not explained by position, technical
 *   spellings ("WebAssembly", "K8s") and repeated words and phrases score higher.
 * - Each phrase keeps the casing of its first occurrence; results are unique case-insensitively,
 *   and a phrase is skipped when its words are all inside one already chosen (or the reverse).
 *
 * @param text Any string; non-strings, empty or stop-word-only text give [].
 * @param max The most phrases to return (default 5); values below 1 or NaN give [].
 * @returns Phrases, best first, never empty strings; the same input always gives the same output.
 */
export function extractKeywords(text: string, max = 5): string[] {
	const limit = Math.floor(max);
	if (typeof text !== 'string' || !(limit >= 1)) return [];
	const tokens = tokenize(toPlainText(text));
	if (tokens.length === 0) return [];
	const proper = classify(tokens);
	const scored = scoreCandidates(collectCandidates(tokens, proper), tokens, proper);

	const chosen: Candidate[] = [];
	for (const { candidate } of scored) {
		if (chosen.length >= limit) break;
		const overlaps = chosen.some(
			(c) => contains(c.words, candidate.words) || contains(candidate.words, c.words)
		);
		if (!overlaps && candidate.display.trim() !== '') chosen.push(candidate);
	}
	return chosen.map((c) => c.display);
}
