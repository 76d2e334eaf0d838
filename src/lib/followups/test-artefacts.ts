/**
 * Test helper (used by the specs only): what a rendered message must never contain. Kept apart
 * from templates.ts on purpose, so the renderer is checked by rules it did not write itself.
 */

const RULES: readonly (readonly [name: string, pattern: RegExp])[] = [
	['a missing value shown as text', /\b(?:undefined|null|NaN)\b|\[object /],
	['template syntax left over', /[{}[\]]/],
	['a double space', / {2}/],
	['empty quotes or brackets', /""|“”|''|‘’|\(\s*\)/],
	['a space before punctuation', / [,.;:!?]/],
	['doubled punctuation', /,[,.;:!?]|[.;:],|(?<!\.)\.\.(?!\.)|[!?]\./],
	['a dangling "at" or "about"', /\b(?:at|about|on|from|after|with)\s*(?=[,.;:!?—–]|$)/m],
	['a dangling dash', /[—–]\s*$|^\s*[—–]/m],
	['more than one blank line in a row', /\n\s*\n\s*\n/],
	['whitespace at the start or end', /^\s|\s$/],
	['whitespace at a line edge', /[ \t]$|^[ \t]/m],
	['a line of punctuation only', /^[^\p{L}\p{N}\n]+$/mu]
];

/** The names of the rules `text` breaks; [] when it is clean. */
export function artefacts(text: string): string[] {
	return RULES.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/** {@link artefacts} for a subject, which must also stay on one line. */
export function subjectArtefacts(subject: string): string[] {
	return [
		...artefacts(subject),
		...(/[\r\n]/.test(subject) ? ['a line break in the subject'] : [])
	];
}
