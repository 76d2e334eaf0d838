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
