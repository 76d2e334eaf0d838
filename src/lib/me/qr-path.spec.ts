import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { drawQr, qrPath, qrViewBox, QUIET_ZONE } from './qr-path';

describe('qrPath', () => {
	it('draws each run of dark modules as one rectangle inside the quiet zone', () => {
		const rows = ['110', '001', '101'];
		const matrix = { size: 3, get: (r: number, c: number) => rows[r]?.[c] === '1' };
		expect(qrPath(matrix)).toBe('M4 4h2v1h-2zM6 5h1v1h-1zM4 6h1v1h-1zM6 6h1v1h-1z');
		expect(qrViewBox(matrix)).toBe(3 + 2 * QUIET_ZONE);
	});

	it('covers exactly the dark modules of a real code', async () => {
		const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lima\r\nEND:VCARD\r\n';
		const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
		let dark = 0;
		for (let r = 0; r < modules.size; r++)
			for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) dark++;
		const drawn = qrPath(modules)
			.split('z')
			.filter(Boolean)
			.reduce((sum, rect) => sum + Number(/h(\d+)/.exec(rect)?.[1]), 0);
		expect(drawn).toBe(dark);
		const drawing = await drawQr(text);
		expect(drawing.side).toBe(modules.size + 8);
		expect(drawing.path).toBe(qrPath(modules));
	});
});
