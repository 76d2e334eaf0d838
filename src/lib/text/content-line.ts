/**
 * Content lines shared by vCard (RFC 2426/6350) and iCalendar (RFC 5545): the same TEXT escapes and
 * the same folding at 75 octets, so both writers agree byte for byte.
 */

const MAX_OCTETS = 75;

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11, RFC 6350 §3.4): backslash, semicolon, comma and line breaks. Other
 * control characters are not allowed in content lines at all, so they are dropped.
 */
export function escapeText(value: string): string {
	return (
		value
			.replace(/\\/g, '\\\\')
			.replace(/;/g, '\\;')
			.replace(/,/g, '\\,')
			.replace(/\r\n|\r|\n/g, '\\n')
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
	);
}

function utf8Length(codePoint: number): number {
	if (codePoint < 0x80) return 1;
	if (codePoint < 0x800) return 2;
	if (codePoint < 0x10000) return 3;
	return 4;
}

/**
 * Folds one content line so that no physical line exceeds 75 octets of UTF-8 (RFC 5545 §3.1, RFC 6350 §3.2):
 * continuation lines start with a space. It never splits a character's bytes, a surrogate pair,
 * or a backslash escape such as `\n` (legal, but some readers mishandle it).
 */
export function foldLine(line: string): string {
	const pieces: string[] = [];
	let current = '';
	let size = 0;
	// Units: a backslash escape pair, or one code point.
	const units = line.match(/\\.|[\s\S]/gu) ?? [];
	for (const unit of units) {
		let bytes = 0;
		for (const char of unit) bytes += utf8Length(char.codePointAt(0)!);
		// The first line holds 75 octets; a continuation holds 74 after its leading space.
		const limit = pieces.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
		if (size + bytes > limit && current !== '') {
			pieces.push(current);
			current = '';
			size = 0;
		}
		current += unit;
		size += bytes;
	}
	pieces.push(current);
	return pieces.join('\r\n ');
}

/** `20260329T070000Z`: the UTC DATE-TIME form of iCalendar (and vCard REV). */
export function utcStamp(ms: number): string {
	return new Date(ms)
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}
