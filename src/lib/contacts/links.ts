/**
 * The only links Hallway ever renders from untrusted text: http(s), mailto and tel. Everything
 * else is shown as plain text.
 */
import { safeHttpUrl } from '$lib/capture/payload';

/** A mailto: href for an address that looks like one, else undefined. */
export function mailtoHref(email: string): string | undefined {
	return /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/.test(email)
		? `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}`
		: undefined;
}

/** A tel: href from a phone number's digits (and leading +), else undefined. */
export function telHref(phone: string): string | undefined {
	const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
	return digits.replace('+', '').length >= 3 ? `tel:${digits}` : undefined;
}

/** An http(s) href, else undefined (javascript:, data: and the rest are never links). */
export function webHref(url: string): string | undefined {
	return safeHttpUrl(url);
}
