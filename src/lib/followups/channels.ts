/**
 * Hand-off links for sending a follow-up from the user's own apps: `mailto:`, `sms:`, and LinkedIn
 * (which has no compose link, so the profile is opened and the message goes to the clipboard).
 * Hallway never sends anything itself; these only build URLs. Pure, no DOM.
 *
 * Encoding follows PITFALLS.md: `encodeURIComponent`, never URLSearchParams (which writes `+` for
 * spaces, and mail apps then show literal plus signs); CRLF line breaks in mail bodies as
 * `%0D%0A` (RFC 6068); `sms:+123?&body=…`, the one form both iOS and Android accept.
 */

import type { Channel } from '$lib/db/types';

/**
 * Longest `mailto:` URL handed to the OS. Some mail apps and Windows' URL handler cut or refuse
 * URLs beyond about 2,000 characters, so the URL is kept at or under this.
 */
export const MAILTO_MAX_LENGTH = 2000;

/**
 * A string that `encodeURIComponent` accepts: it throws URIError on a lone UTF-16 surrogate (a
 * half emoji, e.g. from text cut in the middle of one), so those become U+FFFD.
 */
function wellFormed(text: string): string {
	return text.replace(
		/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
		'\uFFFD'
	);
}

function encode(text: string): string {
	return encodeURIComponent(wellFormed(text));
}

function asText(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/** Input of {@link mailtoUrl}; every part is optional. */
export interface MailtoInput {
	/** One address or several; blanks are skipped. `Name <a@b.c>` is reduced to the address. */
	to?: string | readonly string[];
	subject?: string;
	body?: string;
}

/** Options of {@link mailtoUrl}. */
export interface MailtoOptions {
	/** Longest URL allowed (default {@link MAILTO_MAX_LENGTH}). */
	maxLength?: number;
	/**
	 * What to do with a body that does not fit: 'omit' (default) leaves it out, so a half message
	 * can never be sent by accident and the user pastes the whole one; 'trim' keeps as much as
	 * fits, cut at a word and marked with "…".
	 */
	overflow?: 'omit' | 'trim';
}

/** A mailto link, and whether it had to leave part of the message out. */
export interface MailtoResult {
	url: string;
	/**
	 * True when the body (or, for an absurdly long subject, part of the subject) is not in the
	 * URL in full: copy the full message to the clipboard and tell the user to paste it.
	 */
	truncated: boolean;
}

function encodeAddresses(to: MailtoInput['to']): string {
	const list: unknown[] = Array.isArray(to) ? [...(to as readonly unknown[])] : [to];
	return list
		.map((address) => {
			const trimmed = asText(address).trim();
			return (/<([^<>]+)>\s*$/.exec(trimmed)?.[1] ?? trimmed).trim();
		})
		.filter((address) => address !== '')
		.map((address) => encode(address).replace(/%40/g, '@'))
		.join(',');
}

/**
 * The longest prefix of `text` (whole code points, ending at a word break when one is near) for
 * which `build(prefix + '…')` is at most `max` characters, or undefined when not even one
 * character fits.
 */
function fitText(text: string, max: number, build: (text: string) => string): string | undefined {
	const chars = Array.from(text);
	const candidate = (count: number): string => `${chars.slice(0, count).join('').trimEnd()}…`;
	const fits = (count: number): boolean => build(candidate(count)).length <= max;
	// The encoded length never shrinks as the prefix grows, so a binary search finds the longest.
	let low = 0;
	let high = chars.length;
	while (low < high) {
		const middle = Math.ceil((low + high) / 2);
		if (fits(middle)) low = middle;
		else high = middle - 1;
	}
	if (low === 0 || !fits(low)) return undefined;
	// Prefer to end at a space or line break within the last 40 characters: "follow-up on th…"
	// reads as a glitch, "follow-up on…" as a deliberate cut.
	for (let count = low; count > Math.max(0, low - 40); count--) {
		if (/\s/.test(chars[count] ?? ' ')) return candidate(count);
	}
	return candidate(low);
}

/**
 * A `mailto:` URL that opens the user's mail app with the message filled in.
 *
 * Subject and body are encoded with encodeURIComponent (non-ASCII as UTF-8, `&`, `#`, `?`, `+`,
 * `%` and spaces all escaped); body line breaks of any kind become CRLF (`%0D%0A`); line breaks in
 * the subject become spaces. Empty parts are left out. When the URL would exceed `maxLength`
 * (2,000 by default), the body is omitted (or trimmed, see {@link MailtoOptions}) and `truncated`
 * is true; if the address alone is too long, the URL is a bare `mailto:`.
 *
 * Never throws; missing or non-text parts count as empty.
 */
export function mailtoUrl(input: MailtoInput, options: MailtoOptions = {}): MailtoResult {
	const max = options.maxLength ?? MAILTO_MAX_LENGTH;
	const base = `mailto:${encodeAddresses(input?.to)}`;
	const subject = asText(input?.subject).replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ');
	const body = asText(input?.body).replace(/\r\n|\r|\n/g, '\r\n');
	const build = (subjectText: string, bodyText: string): string => {
		const params: string[] = [];
		if (subjectText) params.push(`subject=${encode(subjectText)}`);
		if (bodyText) params.push(`body=${encode(bodyText)}`);
		return params.length ? `${base}?${params.join('&')}` : base;
	};
	const full = build(subject, body);
	if (full.length <= max) return { url: full, truncated: false };
	if (base.length > max) return { url: 'mailto:', truncated: true };

	if (options.overflow === 'trim' && body) {
		const trimmedBody = fitText(body, max, (text) => build(subject, text));
		if (trimmedBody !== undefined) return { url: build(subject, trimmedBody), truncated: true };
	}
	const withoutBody = build(subject, '');
	if (withoutBody.length <= max) return { url: withoutBody, truncated: true };
	const trimmedSubject = fitText(subject, max, (text) => build(text, ''));
	return { url: trimmedSubject === undefined ? base : build(trimmedSubject, ''), truncated: true };
}

/**
 * A phone number as an `sms:`/`tel:` recipient: its digits, with a `+` only at the start.
 * '' when there are no digits.
 */
export function smsRecipient(phone: string | undefined): string {
	const cleaned = asText(phone)
		.trim()
		.replace(/[^\d+]/g, '')
		.replace(/(?!^)\+/g, '');
	return /\d/.test(cleaned) ? cleaned : '';
}

/**
 * An `sms:` URL that opens the messages app with the text filled in: `sms:+4915112345678?&body=…`
 * (the `?&` form works on both iOS and Android). Without a usable number it is `sms:?&body=…`
 * (the app asks for a recipient); without a body, just `sms:+49…`. Line breaks become `%0A`.
 *
 * Never throws; missing parts count as empty.
 */
export function smsUrl(input: { phone?: string; body?: string }): string {
	const recipient = smsRecipient(input?.phone);
	const body = asText(input?.body).replace(/\r\n|\r/g, '\n');
	return body ? `sms:${recipient}?&body=${encode(body)}` : `sms:${recipient}`;
}

/**
 * The profile URL when it is an absolute https URL, else undefined: anything else (http,
 * javascript:, data:, a bare slug) is never opened.
 */
function httpsUrl(value: string | undefined): string | undefined {
	const text = asText(value).trim();
	if (!text) return undefined;
	try {
		const url = new URL(text);
		return url.protocol === 'https:' && url.hostname !== '' ? url.href : undefined;
	} catch {
		return undefined;
	}
}

/**
 * LinkedIn has no compose link: the UI opens the person's profile (`url`) and puts the message
 * (`copy`) on the clipboard to paste into a message there.
 *
 * @param profileUrl - used only when it is an absolute https URL, otherwise `url` is undefined
 *   (the UI then offers copy alone)
 * @returns `copy` is the body as given ('' when missing). Never throws.
 */
export function linkedinHandoff(
	profileUrl: string | undefined,
	body: string
): { url: string | undefined; copy: string } {
	return { url: httpsUrl(profileUrl), copy: asText(body) };
}

/** What {@link defaultChannel} looks at: the contact's addresses. */
export interface ReachableContact {
	emails: string[];
	phones: string[];
	linkedin?: string;
}

/**
 * The channel a follow-up uses unless the user picks another: email when the contact has an
 * address with an `@`, else SMS when a phone number has digits, else LinkedIn when the profile is
 * an https URL, else the share sheet. Never throws; missing lists count as empty.
 */
export function defaultChannel(contact: ReachableContact): Channel {
	const emails: unknown[] = Array.isArray(contact?.emails) ? contact.emails : [];
	const phones: unknown[] = Array.isArray(contact?.phones) ? contact.phones : [];
	if (emails.some((email) => /\S@\S/.test(asText(email)))) return 'email';
	if (phones.some((phone) => smsRecipient(asText(phone)) !== '')) return 'sms';
	if (httpsUrl(contact?.linkedin)) return 'linkedin';
	return 'share';
}
