import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	MAILTO_MAX_LENGTH,
	defaultChannel,
	linkedinHandoff,
	mailtoUrl,
	smsRecipient,
	smsUrl
} from './channels';

/** The decoded value of one query parameter of a mailto/sms URL (without URLSearchParams' `+`). */
function param(url: string, name: string): string | undefined {
	const query = url.slice(url.indexOf('?') + 1);
	for (const pair of query.split('&')) {
		const [key, value] = pair.split('=');
		if (key === name) return decodeURIComponent(value ?? '');
	}
	return undefined;
}

describe('mailtoUrl', () => {
	it('percent-encodes subject and body with encodeURIComponent', () => {
		const { url, truncated } = mailtoUrl({
			to: 'ana@example.com',
			subject: 'Q&A #1? 100% + more',
			body: 'Olá José 🎉\nLine 2 & more'
		});
		expect(truncated).toBe(false);
		expect(url).toBe(
			'mailto:ana@example.com?subject=Q%26A%20%231%3F%20100%25%20%2B%20more&body=Ol%C3%A1%20Jos%C3%A9%20%F0%9F%8E%89%0D%0ALine%202%20%26%20more'
		);
		expect(url).not.toContain('+');
		expect(param(url, 'subject')).toBe('Q&A #1? 100% + more');
		expect(param(url, 'body')).toBe('Olá José 🎉\r\nLine 2 & more');
	});

	it('writes every kind of line break as CRLF in the body, and none in the subject', () => {
		const { url } = mailtoUrl({ subject: 'Hello\nthere\r\n', body: 'a\nb\r\nc\rd\n\ne' });
		expect(param(url, 'body')).toBe('a\r\nb\r\nc\r\nd\r\n\r\ne');
		expect(url).toContain('a%0D%0Ab%0D%0Ac%0D%0Ad%0D%0A%0D%0Ae');
		expect(url).not.toMatch(/%0D%0D|%0A%0A/);
		expect(param(url, 'subject')).toBe('Hello there ');
	});

	it('handles addresses: several, display-name form, plus signs, blanks', () => {
		expect(mailtoUrl({ to: ['ana+conf@example.com', ' ', 'Bo Li <bo@example.org>'] }).url).toBe(
			'mailto:ana%2Bconf@example.com,bo@example.org'
		);
		expect(mailtoUrl({ to: 'x@y.z?cc=evil@example.com' }).url).toBe(
			'mailto:x@y.z%3Fcc%3Devil@example.com'
		);
	});

	it('leaves out empty parts and never throws on missing or odd input', () => {
		expect(mailtoUrl({})).toEqual({ url: 'mailto:', truncated: false });
		expect(mailtoUrl({ to: 'a@b.c', body: 'Hi' }).url).toBe('mailto:a@b.c?body=Hi');
		expect(mailtoUrl({ subject: 'Hi' }).url).toBe('mailto:?subject=Hi');
		// A lone surrogate (half an emoji) would make encodeURIComponent throw.
		expect(mailtoUrl({ body: 'cut \uD83C' }).url).toBe('mailto:?body=cut%20%EF%BF%BD');
		expect(mailtoUrl(undefined as never)).toEqual({ url: 'mailto:', truncated: false });
	});

	it('keeps a URL of exactly the limit, and omits the body one character over it', () => {
		const prefix = 'mailto:a@b.c?subject=Hi&body='.length;
		const fits = mailtoUrl({ to: 'a@b.c', subject: 'Hi', body: 'x'.repeat(2000 - prefix) });
		expect(fits.url).toHaveLength(2000);
		expect(fits.truncated).toBe(false);
		const over = mailtoUrl({ to: 'a@b.c', subject: 'Hi', body: 'x'.repeat(2001 - prefix) });
		expect(over).toEqual({ url: 'mailto:a@b.c?subject=Hi', truncated: true });
	});

	it('omits a long body by default (the UI copies it), keeping the subject', () => {
		const body = 'Ça va? '.repeat(400);
		const { url, truncated } = mailtoUrl({ to: 'a@b.c', subject: 'Great to meet you', body });
		expect(truncated).toBe(true);
		expect(url.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
		expect(param(url, 'subject')).toBe('Great to meet you');
		expect(param(url, 'body')).toBeUndefined();
	});

	it('trims a long body at a word, whole characters only, when asked', () => {
		const body = 'Olá José, ótimo conhecer você 🎉 & obrigado #1\n'.repeat(60);
		const { url, truncated } = mailtoUrl(
			{ to: 'a@b.c', subject: 'Hi', body },
			{ overflow: 'trim' }
		);
		expect(truncated).toBe(true);
		expect(url.length).toBeLessThanOrEqual(2000);
		expect(url.length).toBeGreaterThan(1900);
		const kept = param(url, 'body')!;
		expect(kept.endsWith('…')).toBe(true);
		const text = kept.slice(0, -1);
		expect(body.replace(/\n/g, '\r\n').startsWith(text)).toBe(true);
		expect(text).not.toMatch(/\s$/);
		// Cut at a word: the next original character is whitespace.
		expect(body.replace(/\n/g, '\r\n')[text.length]).toMatch(/\s/);
	});

	it('respects a custom limit and survives an address longer than the limit', () => {
		const small = mailtoUrl(
			{ to: 'a@b.c', subject: 'Hello', body: 'x'.repeat(100) },
			{ maxLength: 50 }
		);
		expect(small).toEqual({ url: 'mailto:a@b.c?subject=Hello', truncated: true });
		const subjectOnly = mailtoUrl({ to: 'a@b.c', subject: 'é'.repeat(100) }, { maxLength: 60 });
		expect(subjectOnly.truncated).toBe(true);
		expect(subjectOnly.url.length).toBeLessThanOrEqual(60);
		expect(param(subjectOnly.url, 'subject')).toMatch(/^é+…$/);
		expect(mailtoUrl({ to: `${'a'.repeat(2100)}@b.c`, body: 'hi' })).toEqual({
			url: 'mailto:',
			truncated: true
		});
	});

	it('always stays within the limit and round-trips whenever it is not truncated', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme', maxLength: 80 }),
				fc.string({ unit: 'grapheme', maxLength: 900 }),
				fc.constantFrom<'omit' | 'trim'>('omit', 'trim'),
				(subject, body, overflow) => {
					const { url, truncated } = mailtoUrl({ to: 'a@b.c', subject, body }, { overflow });
					expect(url.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
					expect(url).not.toMatch(/[\s+]/);
					if (!truncated && body) {
						expect(param(url, 'body')).toBe(body.replace(/\r\n|\r|\n/g, '\r\n'));
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('smsUrl', () => {
	it('uses the sms:+123?&body= form with the number reduced to digits and a leading +', () => {
		expect(smsUrl({ phone: '+49 (151) 1234-5678', body: 'Hi Ana' })).toBe(
			'sms:+4915112345678?&body=Hi%20Ana'
		);
	});

	it('encodes non-ASCII, newlines, &, #, ?, + and %', () => {
		const url = smsUrl({ phone: '555 0100', body: 'Olá 🎉\r\nQ&A #2? 1+1 = 100%' });
		expect(url).toBe(
			'sms:5550100?&body=Ol%C3%A1%20%F0%9F%8E%89%0AQ%26A%20%232%3F%201%2B1%20%3D%20100%25'
		);
		expect(param(url, 'body')).toBe('Olá 🎉\nQ&A #2? 1+1 = 100%');
	});

	it('copes with a missing number or body', () => {
		expect(smsUrl({ phone: 'n/a', body: 'Hi' })).toBe('sms:?&body=Hi');
		expect(smsUrl({ phone: '+1 555 0100' })).toBe('sms:+15550100');
		expect(smsUrl({})).toBe('sms:');
	});

	it('keeps only one leading plus', () => {
		expect(smsRecipient(' 00+49 151 ')).toBe('0049151');
		expect(smsRecipient('++1-555')).toBe('+1555');
		expect(smsRecipient('+')).toBe('');
		expect(smsRecipient(undefined)).toBe('');
	});
});

describe('linkedinHandoff', () => {
	it('opens an https profile and copies the message', () => {
		expect(linkedinHandoff('https://www.linkedin.com/in/ana-lima/', 'Hi Ana')).toEqual({
			url: 'https://www.linkedin.com/in/ana-lima/',
			copy: 'Hi Ana'
		});
	});

	it('never opens anything but https', () => {
		for (const url of [
			'http://www.linkedin.com/in/ana',
			'javascript:alert(1)',
			'data:text/html,hi',
			'linkedin.com/in/ana',
			'',
			undefined
		]) {
			expect(linkedinHandoff(url, 'Hi')).toEqual({ url: undefined, copy: 'Hi' });
		}
	});
});

describe('defaultChannel', () => {
	const none = { emails: [], phones: [] };

	it('prefers email, then SMS, then LinkedIn, then the share sheet', () => {
		const all = {
			emails: ['ana@example.com'],
			phones: ['+49 151 1234'],
			linkedin: 'https://www.linkedin.com/in/ana'
		};
		expect(defaultChannel(all)).toBe('email');
		expect(defaultChannel({ ...all, emails: [] })).toBe('sms');
		expect(defaultChannel({ ...all, emails: [], phones: [] })).toBe('linkedin');
		expect(defaultChannel(none)).toBe('share');
	});

	it('ignores unusable entries and missing lists', () => {
		expect(defaultChannel({ emails: [' ', 'not an address'], phones: ['ext.'] })).toBe('share');
		expect(defaultChannel({ ...none, linkedin: 'http://linkedin.com/in/ana' })).toBe('share');
		expect(defaultChannel({} as never)).toBe('share');
	});
});
