import { describe, expect, it } from 'vitest';
import { mailtoHref, telHref, webHref } from './links';

describe('links from untrusted text', () => {
	it('makes mailto, tel and http(s) links only from values that are what they claim', () => {
		expect(mailtoHref('ana@example.com')).toBe('mailto:ana@example.com');
		expect(mailtoHref('ana+conf@example.com')).toBe('mailto:ana%2Bconf@example.com');
		expect(mailtoHref('not an email')).toBeUndefined();
		expect(mailtoHref('a@b.c?subject=x')).toBe('mailto:a@b.c%3Fsubject%3Dx');
		expect(telHref('+55 (11) 91234-5678')).toBe('tel:+5511912345678');
		expect(telHref('call me')).toBeUndefined();
		expect(webHref('https://example.com/a')).toBe('https://example.com/a');
	});

	it('never links javascript:, data: or other schemes', () => {
		for (const bad of [
			'javascript:alert(1)',
			'JaVaScRiPt:alert(1)',
			'data:text/html,x',
			'vbscript:x',
			'file:///etc/passwd'
		]) {
			expect(webHref(bad)).toBeUndefined();
		}
	});
});
