/**
 * The artefact checks for generated prompt text, shared by the specs (and usable in a dev-only
 * runtime check). A prompt is "clean" when nothing in it betrays the template machinery or a
 * missing value: no placeholders or braces, no "undefined"/"null", no empty quotes, no "by" with
 * nobody after it, no doubled or stray spaces, and a proper end.
 */

/**
 * Quoted titles are the speaker's own words (“Stand By”, “When undefined is not a function”),
 * fenced off by their quotes, so the "by" and missing-value checks read the words around them
 * (and check separately that a title is not a missing value on its own).
 */
const maskQuoted = (text: string): string => text.replace(/“[^“”]*”/g, '“T”');

/** Each artefact, by name, with the test that finds it. */
export const ARTEFACTS: ReadonlyArray<readonly [name: string, test: (text: string) => boolean]> = [
	['placeholder or brace', (t) => /[{}]/.test(t)],
	[
		'stringified missing value',
		(t) =>
			/\b(?:undefined|null|NaN)\b|\[object /.test(maskQuoted(t)) ||
			/“(?:undefined|null|nan|\[object object\])”/i.test(t)
	],
	['empty quotes', (t) => /[“"]\s*[”"]|‘\s*’/.test(t)],
	['dangling "by"', (t) => /\bby(?:\s*[.,;:?!]|\s*$|\s+and\b)/i.test(maskQuoted(t))],
	['double space', (t) => / {2}/.test(t)],
	['line break or tab', (t) => /[\n\r\t\v\f]/.test(t)],
	['space before punctuation', (t) => /\s[,.;:?!]/.test(t)],
	['untrimmed', (t) => /^\s|\s$/.test(t)],
	['missing end punctuation', (t) => /[^?.]$/.test(t)],
	['empty', (t) => t === '']
];

/**
 * Lists the artefacts found in a prompt text.
 *
 * @param text A generated prompt.
 * @returns The names of the artefacts found; empty when the text is clean.
 */
export function artefactsIn(text: string): string[] {
	return ARTEFACTS.filter(([, test]) => test(text)).map(([name]) => name);
}

/**
 * Throws when a prompt text has any artefact, naming them and quoting the text.
 *
 * @param text A generated prompt.
 * @throws Error listing the artefacts found.
 */
export function assertClean(text: string): void {
	const found = artefactsIn(text);
	if (found.length > 0) {
		throw new Error(`Unclean prompt (${found.join(', ')}): ${JSON.stringify(text)}`);
	}
}
