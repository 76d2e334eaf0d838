/**
 * The scan bench's page. It draws the corpus (./corpus.ts) frame by frame and decodes each frame
 * with every decoder under test, timing each decode. scripts/bench-scan/run.js drives it through
 * `window.scanBench` and turns the records into tables.
 *
 * Decoders:
 * - the app's decode path: html5-qrcode built as the app builds it (src/lib/capture/scanner-library)
 *   with the app's BarcodeDetector installed first (ensureBarcodeDetector from
 *   src/lib/capture/detector, the zxing-wasm polyfill here), fed the way its camera loop feeds it:
 *   the scan box copied onto a canvas of the box's CSS size, one decode per frame (disableFlip);
 * - html5-qrcode with its bundled ZXing-js only (useBarCodeDetectorIfSupported: false);
 * - BarcodeDetector.detect() on the whole capture frame (the reference).
 */
import type {
	BarcodeDetector as PolyfillDetector,
	DetectedBarcode
} from 'barcode-detector/ponyfill';
import { ensureBarcodeDetector } from '../../src/lib/capture/detector';
import { createScanner } from '../../src/lib/capture/scanner-library';
import {
	CAPTURE,
	FRAME_HEIGHT,
	FRAME_WIDTH,
	LANDSCAPE,
	PORTRAIT,
	SEED,
	WARMUP_SEED,
	drawSample,
	type SampleMeta,
	type Viewfinder
} from './corpus';

/** What one decode of one frame gave. */
export interface FrameResult {
	decoded: boolean;
	/** Decoded and equal to the encoded text. */
	ok: boolean;
	/** The start of a wrong decoded text, when decoded but different. */
	misread?: string;
	ms: number;
	/** Which decoder actually ran: html5-qrcode alternates between its two. */
	engine: 'BarcodeDetector' | 'ZXing-js';
	/** The decoder threw (counted as a miss); html5-qrcode's own rejections are plain misses. */
	error?: string;
}

export interface SampleRecord {
	meta: Omit<SampleMeta, 'truth'> & { blank: boolean };
	results: Record<string, FrameResult[]>;
}

export interface SetupInfo {
	seed: number;
	/** Whether the platform's own BarcodeDetector is used (false: the zxing-wasm polyfill). */
	native: boolean;
	/** Why ensureBarcodeDetector() rejected, when it did (the app then decodes with ZXing-js). */
	detectorError?: string;
	userAgent: string;
	wasm: string[];
	geometry: { portrait: Viewfinder; landscape: Viewfinder; capture: Viewfinder };
	decoders: { id: string; frames: number }[];
}

interface Decoder {
	id: string;
	/** Consecutive frames of the same image: the camera sees a badge for many frames. */
	frames: number;
	decode(
		frame: HTMLCanvasElement
	): Promise<{ text: string | undefined; engine: FrameResult['engine']; error?: string }>;
}

/** The parts of html5-qrcode's private decoder shim (Html5QrcodeShim) the bench reads. */
interface Html5QrcodeShimView {
	decodeAsync(canvas: HTMLCanvasElement): Promise<{ text: string }>;
	secondaryDecoder?: unknown;
	wasPrimaryDecoderUsedInLastDecode: boolean;
}

const ELEMENT_ID = 'reader';

/**
 * One html5-qrcode instance, fed like its camera loop (Html5Qrcode.foreverScan): each frame's
 * scan box is drawn onto a canvas of the box's CSS size, which is then decoded. With a
 * BarcodeDetector installed, html5-qrcode alternates frame by frame between it and ZXing-js.
 */
function html5Qrcode(id: string, useDetector: boolean, view: Viewfinder, frames: number): Decoder {
	// Built exactly as the app builds it (with a detector: every frame goes to the detector).
	const instance = createScanner(ELEMENT_ID, useDetector);
	const shim = (instance as unknown as { qrcode: Html5QrcodeShimView }).qrcode;
	const canvas = document.createElement('canvas');
	canvas.width = view.canvas;
	canvas.height = view.canvas;
	const context = canvas.getContext('2d', { willReadFrequently: true });
	if (!context) throw new Error('No 2D canvas context');
	const sx = (FRAME_WIDTH - view.source) / 2;
	const sy = (FRAME_HEIGHT - view.source) / 2;
	return {
		id,
		frames,
		async decode(frame) {
			const engine = shim.secondaryDecoder
				? shim.wasPrimaryDecoderUsedInLastDecode
					? 'ZXing-js'
					: 'BarcodeDetector'
				: useDetector
					? 'BarcodeDetector'
					: 'ZXing-js';
			context.drawImage(frame, sx, sy, view.source, view.source, 0, 0, view.canvas, view.canvas);
			try {
				return { text: (await shim.decodeAsync(canvas)).text, engine };
			} catch {
				return { text: undefined, engine };
			}
		}
	};
}

function largest(codes: DetectedBarcode[]): DetectedBarcode | undefined {
	let best: DetectedBarcode | undefined;
	for (const code of codes) {
		const area = code.boundingBox.width * code.boundingBox.height;
		if (!best || area > best.boundingBox.width * best.boundingBox.height) best = code;
	}
	return best;
}

/** BarcodeDetector.detect() on the whole frame, as the app reads photos (largest code wins). */
function reference(): Decoder {
	const Detector = (globalThis as { BarcodeDetector?: typeof PolyfillDetector }).BarcodeDetector;
	if (!Detector) throw new Error('No BarcodeDetector installed');
	const detector = new Detector({ formats: ['qr_code'] });
	return {
		id: 'reference',
		frames: 1,
		async decode(frame) {
			try {
				return { text: largest(await detector.detect(frame))?.rawValue, engine: 'BarcodeDetector' };
			} catch (error) {
				return { text: undefined, engine: 'BarcodeDetector', error: String(error) };
			}
		}
	};
}

let decoders: Decoder[] = [];

async function decodeAll(seed: number, index: number): Promise<SampleRecord> {
	const { frame, meta } = await drawSample(seed, index);
	const { truth, ...rest } = meta;
	const results: Record<string, FrameResult[]> = {};
	for (const decoder of decoders) {
		const frames: FrameResult[] = [];
		for (let f = 0; f < decoder.frames; f++) {
			const start = performance.now();
			const { text, engine, error } = await decoder.decode(frame);
			const ms = performance.now() - start;
			const decoded = text !== undefined && text !== '';
			const ok = decoded && text === truth;
			frames.push({
				decoded,
				ok,
				ms,
				engine,
				...(error ? { error } : {}),
				...(decoded && !ok ? { misread: JSON.stringify(text).slice(0, 80) } : {})
			});
		}
		results[decoder.id] = frames;
	}
	return { meta: { ...rest, blank: truth === null }, results };
}

async function setup(): Promise<SetupInfo> {
	let native = false;
	let detectorError: string | undefined;
	try {
		native = (await ensureBarcodeDetector()).native;
	} catch (error) {
		// Measured anyway: html5-qrcode then runs ZXing-js alone, as the app does in that case.
		detectorError = String(error);
	}
	const installed = 'BarcodeDetector' in globalThis;
	decoders = [
		html5Qrcode('app-portrait', true, PORTRAIT, 2),
		html5Qrcode('app-landscape', true, LANDSCAPE, 2),
		html5Qrcode('app-capture', true, CAPTURE, 2),
		html5Qrcode('zxingjs-portrait', false, PORTRAIT, 1),
		html5Qrcode('zxingjs-capture', false, CAPTURE, 1),
		...(installed ? [reference()] : [])
	];
	// Warm-up (not recorded): compile the wasm, let the JIT see ZXing-js. An even number of frames
	// per html5-qrcode instance, so each measured image starts on the BarcodeDetector.
	for (let i = 0; i < 4; i++) await decodeAll(WARMUP_SEED, i);
	return {
		seed: SEED,
		native,
		...(detectorError ? { detectorError } : {}),
		userAgent: navigator.userAgent,
		wasm: performance
			.getEntriesByType('resource')
			.map((entry) => entry.name)
			.filter((name) => name.endsWith('.wasm')),
		geometry: { portrait: PORTRAIT, landscape: LANDSCAPE, capture: CAPTURE },
		decoders: decoders.map(({ id, frames }) => ({ id, frames }))
	};
}

/** Decodes frames [from, to) of the corpus with every decoder (after setup()). */
async function run(from: number, to: number): Promise<SampleRecord[]> {
	const out: SampleRecord[] = [];
	for (let i = from; i < to; i++) out.push(await decodeAll(SEED, i));
	return out;
}

/** Frame `index` of the corpus as a PNG data URL, with what it holds. */
async function frame(index: number): Promise<{ png: string; meta: SampleMeta }> {
	const { frame, meta } = await drawSample(SEED, index);
	return { png: frame.toDataURL('image/png'), meta };
}

declare global {
	interface Window {
		scanBench?: { setup: typeof setup; run: typeof run; frame: typeof frame };
	}
}

window.scanBench = { setup, run, frame };

// By hand: `?show=12` (or `?show=0-10`) shows those frames of the corpus on the page.
const show = /^(\d+)(?:-(\d+))?$/.exec(new URLSearchParams(location.search).get('show') ?? '');
if (show) {
	const first = Number(show[1]);
	const last = Number(show[2] ?? show[1]);
	void (async () => {
		for (let i = first; i <= last; i++) {
			const { frame, meta } = await drawSample(SEED, i);
			frame.style.maxWidth = '100%';
			const caption = document.createElement('pre');
			caption.textContent = JSON.stringify({ ...meta, truth: meta.truth?.slice(0, 60) });
			document.body.append(caption, frame);
		}
	})();
}
