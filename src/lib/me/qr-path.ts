/**
 * Draws a QR code's module matrix as one SVG path, so the code is plain markup (no `{@html}`, no
 * inline styles: the CSP allows it as is) and scales crisply to any size.
 *
 * Pure: the matrix comes from `qrcode`'s `create()`, loaded lazily by the component that draws it.
 */

/** The part of `qrcode`'s BitMatrix this module reads. */
export interface ModuleMatrix {
	size: number;
	get(row: number, col: number): number | boolean;
}

/** Light modules around the code, as the QR specification asks for. */
export const QUIET_ZONE = 4;

/**
 * One path for all dark modules: each row's runs of dark modules become one rectangle, offset by
 * the quiet zone. Draw it in a `viewBox` of {@link qrViewBox}.
 */
export function qrPath(matrix: ModuleMatrix): string {
	const parts: string[] = [];
	for (let row = 0; row < matrix.size; row++) {
		let col = 0;
		while (col < matrix.size) {
			if (!matrix.get(row, col)) {
				col++;
				continue;
			}
			const start = col;
			while (col < matrix.size && matrix.get(row, col)) col++;
			parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`);
		}
	}
	return parts.join('');
}

/** The side of the drawing in modules, quiet zone included. */
export function qrViewBox(matrix: Pick<ModuleMatrix, 'size'>): number {
	return matrix.size + QUIET_ZONE * 2;
}

/** A drawn QR code: the path and the side of its viewBox. */
export interface QrDrawing {
	path: string;
	side: number;
}

/**
 * Encodes text as a QR code at error-correction level M and draws it. Loads `qrcode` on first use,
 * so it is not part of the first visit's bundle.
 *
 * @throws when the text is too long for any QR code (the caller says so in plain words).
 */
export async function drawQr(text: string): Promise<QrDrawing> {
	const QRCode = (await import('qrcode')).default;
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	return { path: qrPath(modules), side: qrViewBox(modules) };
}
