import { describe, expect, it } from 'vitest';
import { classifyCameraError } from './scanner.svelte';

describe('classifyCameraError', () => {
	it("reads html5-qrcode's wrapped getUserMedia failures", () => {
		const wrapped = (error: string) => `Error getting userMedia, error = ${error}`;
		expect(classifyCameraError(wrapped('NotAllowedError: Permission denied'))).toBe('denied');
		expect(classifyCameraError(wrapped('NotFoundError: Requested device not found'))).toBe(
			'missing'
		);
		expect(classifyCameraError(wrapped('OverconstrainedError: '))).toBe('missing');
		expect(classifyCameraError(wrapped('NotReadableError: Could not start video source'))).toBe(
			'busy'
		);
		expect(classifyCameraError('Camera streaming not supported by the browser.')).toBe(
			'unsupported'
		);
	});

	it('reads DOMExceptions too, and calls anything else a failure', () => {
		expect(classifyCameraError(new DOMException('denied', 'NotAllowedError'))).toBe('denied');
		expect(classifyCameraError(new Error('something odd'))).toBe('failed');
		expect(classifyCameraError(undefined)).toBe('failed');
	});
});

describe('html5-qrcode, as createScanner expects it', () => {
	it('still has the private decode loop that the app replaces with its own', async () => {
		// createScanner swaps out `foreverScan` so frames are decoded once, at capture resolution.
		// If an upgrade renames it, both loops would run: this fails first.
		const { Html5Qrcode } = await import('html5-qrcode');
		const proto = Html5Qrcode.prototype as unknown as Record<string, unknown>;
		expect(typeof proto.foreverScan).toBe('function');
	});
});
