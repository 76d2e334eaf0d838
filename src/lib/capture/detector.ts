/**
 * The one QR decoder that both the camera and photos go through: a `BarcodeDetector`.
 *
 * - Where the platform has one that reads QR codes (Android Chrome, recent Safari), it is used.
 * - Elsewhere the barcode-detector polyfill (ZXing-C++ compiled to WebAssembly) is installed on
 *   `globalThis.BarcodeDetector`. The camera's own scan loop (scanner-loop.ts) and photos use it;
 *   html5-qrcode only runs the camera, and decodes with its bundled ZXing-js only when neither
 *   detector could be loaded.
 * - The polyfill's `.wasm` is part of our build (imported with `?url`, so Vite emits it and the
 *   service worker precaches it with the rest of the app). By default the polyfill would fetch it
 *   from a CDN, which fails offline and would leak every scan session to a third party.
 */
import zxingReaderWasm from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type {
	BarcodeDetector as PolyfillDetector,
	DetectedBarcode
} from 'barcode-detector/ponyfill';

/** The constructor shape shared by the native BarcodeDetector and the polyfill. */
type DetectorClass = typeof PolyfillDetector;

/** What the scan loop needs of a detector: native and polyfill both fit. */
export interface QrDetector {
	detect(image: HTMLCanvasElement | OffscreenCanvas): Promise<DetectedBarcode[]>;
}

const QR_CODE = 'qr_code';

/** Photos are decoded at most this many pixels on their long side (phones take 12–50 MP). */
export const PHOTO_MAX_SIDE = 2000;

let ready: Promise<{ native: boolean }> | undefined;

function installed(): DetectorClass | undefined {
	return (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
}

async function platformReadsQr(): Promise<boolean> {
	const Platform = installed();
	if (!Platform) return false;
	try {
		return (await Platform.getSupportedFormats()).includes(QR_CODE);
	} catch {
		return false;
	}
}

async function installPolyfill(): Promise<void> {
	// Loaded only here, so browsers with a native detector never download it.
	const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
	// Instantiating now, rather than on the first frame, surfaces a missing .wasm here (where the
	// caller can fall back) instead of as a failure on every frame.
	await prepareZXingModule({
		overrides: {
			locateFile: (path: string, prefix: string) =>
				path.endsWith('.wasm') ? zxingReaderWasm : prefix + path
		},
		fireImmediately: true
	});
	(globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector = BarcodeDetector;
}

/**
 * Makes sure `globalThis.BarcodeDetector` exists and reads QR codes: the platform's own when it
 * supports 'qr_code', else the self-hosted polyfill.
 *
 * Resolves to `{ native }` (whether the platform's detector is used). Rejects when neither is
 * available (the .wasm could not be loaded: not precached yet and no network); nothing is
 * installed then, and a later call tries again. Offline it works once the app has been cached.
 */
export function ensureBarcodeDetector(): Promise<{ native: boolean }> {
	ready ??= (async () => {
		if (await platformReadsQr()) return { native: true };
		await installPolyfill();
		return { native: false };
	})().catch((error: unknown) => {
		ready = undefined;
		throw error;
	});
	return ready;
}

/**
 * A detector for QR codes only, after {@link ensureBarcodeDetector}. Rejects like it does when no
 * detector can be loaded.
 */
export async function createQrDetector(): Promise<QrDetector> {
	await ensureBarcodeDetector();
	const Detector = installed();
	if (!Detector) throw new Error('No QR code reader is available in this browser.');
	return new Detector({ formats: [QR_CODE] });
}

/** The largest of several codes in one image: the badge in front, not the poster behind. */
export function largest<T extends Pick<DetectedBarcode, 'boundingBox'>>(codes: T[]): T | undefined {
	let best: T | undefined;
	for (const code of codes) {
		const area = code.boundingBox.width * code.boundingBox.height;
		if (!best || area > best.boundingBox.width * best.boundingBox.height) best = code;
	}
	return best;
}

/**
 * Reads the QR code in a photo. The image is decoded at full resolution, turned upright from its
 * EXIF orientation, and scaled down to at most {@link PHOTO_MAX_SIDE} px on its long side before
 * detection (larger images are slower and read no better). When it holds several codes, the
 * largest one wins (the badge in front, not the poster behind).
 *
 * Resolves to the code's text, or undefined when the photo holds no readable QR code. Rejects when
 * the file is not an image the browser can open, or when no detector can be loaded.
 */
export async function readQrFromImage(image: Blob): Promise<string | undefined> {
	await ensureBarcodeDetector();
	const Detector = installed();
	if (!Detector) throw new Error('No QR code reader is available in this browser.');
	const bitmap = await createImageBitmap(image, { imageOrientation: 'from-image' });
	try {
		const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
		const canvas = document.createElement('canvas');
		canvas.width = Math.max(1, Math.round(bitmap.width * scale));
		canvas.height = Math.max(1, Math.round(bitmap.height * scale));
		const context = canvas.getContext('2d', { willReadFrequently: true });
		if (!context) throw new Error('This browser could not prepare the photo for reading.');
		context.imageSmoothingQuality = 'high';
		context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
		const codes = await new Detector({ formats: [QR_CODE] }).detect(canvas);
		return largest(codes)?.rawValue;
	} finally {
		bitmap.close();
	}
}
