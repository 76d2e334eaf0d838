/**
 * A small HTML → plain-text converter for session abstracts. Agenda exports often carry escaped
 * HTML; Hallway stores and shows abstracts as plain text, so markup is dropped rather than
 * sanitised. No DOM is used: this runs in Node and in workers as well as in pages.
 */

/** HTML 4 Latin-1 entity names, in code-point order from U+00A0. */
const LATIN1_NAMES = (
	'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn ' +
	'sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave ' +
	'Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
	'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN ' +
	'szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave ' +
	'iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ' +
	'ucirc uuml yacute thorn yuml'
).split(' ');

const NAMED_ENTITIES = new Map<string, string>([
	...LATIN1_NAMES.map((name, i): [string, string] => [name, String.fromCodePoint(0xa0 + i)]),
	['amp', '&'],
	['lt', '<'],
	['gt', '>'],
	['quot', '"'],
	['apos', "'"],
	// Plain text has no use for non-breaking or invisible characters in abstracts.
	['nbsp', ' '],
	['shy', ''],
	['ensp', ' '],
	['emsp', ' '],
	['thinsp', ' '],
	['zwnj', ''],
	['zwj', ''],
	['lrm', ''],
	['rlm', ''],
	['ndash', '–'],
	['mdash', '—'],
	['hellip', '…'],
	['lsquo', '‘'],
	['rsquo', '’'],
	['sbquo', '‚'],
	['ldquo', '“'],
	['rdquo', '”'],
	['bdquo', '„'],
	['lsaquo', '‹'],
	['rsaquo', '›'],
	['bull', '•'],
	['euro', '€'],
	['trade', '™'],
	['dagger', '†'],
	['Dagger', '‡'],
	['permil', '‰'],
	['prime', '′'],
	['Prime', '″'],
	['OElig', 'Œ'],
	['oelig', 'œ'],
	['Scaron', 'Š'],
	['scaron', 'š'],
	['Yuml', 'Ÿ'],
	['larr', '←'],
	['rarr', '→'],
	['uarr', '↑'],
	['darr', '↓'],
	['harr', '↔']
]);

const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

function codePointText(code: number): string {
	// Surrogates and out-of-range values cannot stand alone in a string; NUL is never wanted.
	if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
	return String.fromCodePoint(code);
}

/**
 * Replaces HTML character references (`&amp;`, `&eacute;`, `&#233;`, `&#xE9;`) with the characters
 * they stand for. Unknown names are left as written. Never throws.
 *
 * @param text - text that may contain character references
 */
export function decodeEntities(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
		if (dec !== undefined) return codePointText(Number.parseInt(dec, 10));
		if (hex !== undefined) return codePointText(Number.parseInt(hex, 16));
		return NAMED_ENTITIES.get(name ?? '') ?? whole;
	});
}

/** Elements whose boundaries separate paragraphs. */
const PARAGRAPH_TAGS = new Set([
	'p',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'blockquote',
	'pre',
	'ul',
	'ol',
	'dl',
	'table',
	'hr',
	'section',
	'article',
	'aside',
	'header',
	'footer',
	'figure',
	'details',
	'address'
]);

/** Elements whose boundaries only start a new line. */
const LINE_TAGS = new Set(['div', 'tr', 'dt', 'dd', 'figcaption', 'summary', 'caption', 'main']);

/** Elements whose content is never text a reader should see. */
const SKIPPED_CONTENT_TAGS = new Set(['script', 'style', 'template', 'head', 'title', 'noscript']);

const LOOKS_LIKE_MARKUP = /<(?:\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>|!--)/;
/** Markup that structures text into lines; without any, the author's own line breaks are kept. */
const STRUCTURAL_MARKUP =
	/<\/?(?:br|p|div|li|ul|ol|dl|dt|dd|h[1-6]|table|tr|blockquote|pre|section|article|hr)\b/i;
const TAG_NAME = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/;

/**
 * Index just past the `>` closing a tag that starts at `from`, honouring quoted attributes; -1
 * when there is none.
 */
function endOfTag(html: string, from: number): number {
	let quote = '';
	for (let i = from + 1; i < html.length; i++) {
		const ch = html[i];
		if (quote) {
			if (ch === quote) quote = '';
		} else if (ch === '"' || ch === "'") {
			quote = ch;
		} else if (ch === '>') {
			return i + 1;
		}
	}
	// A stray quote (`<a title="5">`-style typos) must not swallow the rest of the abstract.
	const gt = html.indexOf('>', from);
	return gt === -1 ? -1 : gt + 1;
}

/** Trims lines, drops trailing spaces and keeps at most one blank line between paragraphs. */
function tidyLines(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((line) => line.replace(/[ \t\f\v\u00a0]+$/g, '').replace(/^[ \t\f\v\u00a0]+/, ''))
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/**
 * Converts an abstract to plain text. HTML markup is removed (`<br>` and block elements become
 * line and paragraph breaks, list items get a bullet, script/style content is dropped) and
 * character references are decoded. Text without markup, or with only inline markup such as
 * `<b>`, keeps its own line breaks, so Markdown or plain prose passes through unchanged apart from
 * whitespace tidying. A lone `<` that does not start a tag ("a < b") is kept. Never throws.
 *
 * @param input - an abstract as found in the file (possibly after XML unescaping)
 * @returns the plain text, trimmed; an empty string when nothing readable remains
 */
export function htmlToText(input: string): string {
	if (!LOOKS_LIKE_MARKUP.test(input)) return tidyLines(decodeEntities(input));

	// "Line one\nwith <b>bold</b>" is text with a little markup, not an HTML document: HTML would
	// fold its line break into a space, which is not what the author meant.
	const whitespace = STRUCTURAL_MARKUP.test(input) ? /[ \t\r\n\f]+/g : /[ \t\f]+/g;
	const out: string[] = [];
	// Past the last '>' no tag can close, so stray '<' there need no scanning (keeps this linear).
	const lastGt = input.lastIndexOf('>');
	let i = 0;
	const text = (chunk: string): void => {
		// In HTML any run of whitespace, including newlines, is a single space.
		if (chunk) out.push(decodeEntities(chunk.replace(/\r\n?/g, '\n').replace(whitespace, ' ')));
	};
	while (i < input.length) {
		const lt = input.indexOf('<', i);
		if (lt === -1) {
			text(input.slice(i));
			break;
		}
		text(input.slice(i, lt));
		if (input.startsWith('<!--', lt)) {
			const close = input.indexOf('-->', lt + 4);
			i = close === -1 ? input.length : close + 3;
			continue;
		}
		const name = TAG_NAME.exec(input.slice(lt, lt + 64));
		const isDeclaration = input[lt + 1] === '!' || input[lt + 1] === '?';
		const end = (name || isDeclaration) && lt < lastGt ? endOfTag(input, lt) : -1;
		if (end === -1) {
			// Not a tag after all ("a < b", or an unterminated tag): keep the character as text.
			text('<');
			i = lt + 1;
			continue;
		}
		i = end;
		if (!name) continue;
		const closing = name[1] === '/';
		const tag = name[2]!.toLowerCase();
		if (!closing && SKIPPED_CONTENT_TAGS.has(tag)) {
			const closer = new RegExp(`</${tag}`, 'gi');
			closer.lastIndex = i;
			const close = closer.exec(input)?.index ?? -1;
			const closeEnd = close === -1 ? -1 : endOfTag(input, close);
			i = closeEnd === -1 ? input.length : closeEnd;
			continue;
		}
		if (tag === 'br') out.push('\n');
		else if (tag === 'li') out.push(closing ? '' : '\n• ');
		else if (PARAGRAPH_TAGS.has(tag)) out.push('\n\n');
		// </div><div> is one line break, not an empty line between the blocks.
		else if (LINE_TAGS.has(tag) && !out[out.length - 1]?.endsWith('\n')) out.push('\n');
		else if ((tag === 'td' || tag === 'th') && !closing) out.push(' ');
	}
	return tidyLines(out.join(''));
}
