/**
 * The scan bench's page. It draws the corpus (./corpus.ts) frame by frame and decodes each frame
 * with every decoder under test, timing each decode. scripts/bench-scan/run.js drives it through
 * `window.scanBench` and turns the records into tables.
 *
 * Decoders:
 * - the app's scan tick (ScanTick.read from src/lib/capture/scanner-tick, imported, not copied)
 *   with the app's detector (createQrDetector: the zxing-wasm polyfill here), given the video
 *   layout and scan box of a 390 CSS px wide phone viewfinder: a portrait 720×1280 stream (the
 *   frame drawn centred on a 720×1280 canvas, untimed) and a landscape 1280×720 one;
 * - before: html5-qrcode's own camera loop, as the app used it until the scan loop replaced it:
 *   the scan box copied onto a canvas of its CSS size, decoded by the same BarcodeDetector;
 * - html5-qrcode with its bundled ZXing-js only: the app's fallback when no wasm can be loaded;
 * - BarcodeDetector.detect() on the whole capture frame (the reference).
 */
import type {
	BarcodeDetector as PolyfillDetector,
	DetectedBarcode
} from 'barcode-detector/ponyfill';
import { createQrDetector, ensureBarcodeDetector } from '../../src/lib/capture/detector';
import {
	createScanner,
	Html5Qrcode,
	Html5QrcodeSupportedFormats
} from '../../src/lib/capture/scanner-library';
import { centredBox, scanBoxSide } from '../../src/lib/capture/scanner-frame';
import { ScanTick } from '../../src/lib/capture/scanner-tick';
import {
	CAPTURE,
	FRAME_HEIGHT,
	FRAME_WIDTH,
	LANDSCAPE,
	PORTRAIT,
	SEED,
	WARMUP_SEED,
	drawSample,
	phoneView,
	type PhoneView,
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
	/** The app's decode canvas (crop of the video frame) per stream. */
	tick: { portrait: string; landscape: string };
	decoders: { id: string; frames: number }[];
}

interface Decoder {
	id: string;
	/** Consecutive frames of the same image: the camera sees a badge for many frames. */
	frames: number;
	decode(
		frame: Frames
	): Promise<{ text: string | undefined; engine: FrameResult['engine']; error?: string }>;
}

/** One corpus image as each stream delivers it. */
interface Frames {
	/** The 1280×720 capture frame (a landscape stream). */
	landscape: HTMLCanvasElement;
	/** The same picture in a portrait 720×1280 frame (centred: the scan box sees the same pixels). */
	portrait: HTMLCanvasElement;
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
	// With a detector: built as the app built it before its own scan loop (every frame to the
	// detector, no ZXing-js alternate). Without: the app's fallback, exactly (createScanner).
	const instance = useDetector
		? new Html5Qrcode(ELEMENT_ID, {
				verbose: false,
				formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
				useBarCodeDetectorIfSupported: true
			})
		: createScanner(ELEMENT_ID, false);
	const shim = (instance as unknown as { qrcode: Html5QrcodeShimView }).qrcode;
	if (useDetector) shim.secondaryDecoder = undefined;
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
			const source = frame.landscape;
			context.drawImage(source, sx, sy, view.source, view.source, 0, 0, view.canvas, view.canvas);
			try {
				return { text: (await shim.decodeAsync(canvas)).text, engine };
			} catch {
				return { text: undefined, engine };
			}
		}
	};
}

/**
 * The app's scan tick for a stream shown in a phone's viewfinder: what ScanLoop does on each
 * frame, with the layout it reads from the video element and the box Scanner.svelte asks for.
 */
async function appTick(id: string, view: PhoneView, stream: keyof Frames): Promise<Decoder> {
	const tick = new ScanTick(await createQrDetector());
	const { element, video, visible } = view;
	const layout = { element, video, fit: 'fill' as const };
	const box = centredBox(
		element.width,
		element.height,
		scanBoxSide(element.width, element.height, visible)
	);
	return {
		id,
		frames: 1,
		async decode(frames) {
			try {
				return { text: await tick.read(frames[stream], layout, box), engine: 'BarcodeDetector' };
			} catch (error) {
				return { text: undefined, engine: 'BarcodeDetector', error: String(error) };
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
				const codes = await detector.detect(frame.landscape);
				return { text: largest(codes)?.rawValue, engine: 'BarcodeDetector' };
			} catch (error) {
				return { text: undefined, engine: 'BarcodeDetector', error: String(error) };
			}
		}
	};
}

let decoders: Decoder[] = [];

const PORTRAIT_STREAM = phoneView(720, 1280);
const LANDSCAPE_STREAM = phoneView(1280, 720);

/** A reused 720×1280 canvas: the portrait stream's frame. */
const portraitCanvas = document.createElement('canvas');
portraitCanvas.width = 720;
portraitCanvas.height = 1280;
const portraitContext = portraitCanvas.getContext('2d', { willReadFrequently: true });

/** The capture frame redrawn as a portrait frame, centre on centre (untimed). */
function portraitOf(frame: HTMLCanvasElement): HTMLCanvasElement {
	if (!portraitContext) throw new Error('No 2D canvas context');
	portraitContext.fillStyle = '#777';
	portraitContext.fillRect(0, 0, 720, 1280);
	portraitContext.drawImage(frame, (720 - FRAME_WIDTH) / 2, (1280 - FRAME_HEIGHT) / 2);
	return portraitCanvas;
}

async function decodeAll(seed: number, index: number): Promise<SampleRecord> {
	const { frame, meta } = await drawSample(seed, index);
	const streams: Frames = { landscape: frame, portrait: portraitOf(frame) };
	const { truth, ...rest } = meta;
	const results: Record<string, FrameResult[]> = {};
	for (const decoder of decoders) {
		const frames: FrameResult[] = [];
		for (let f = 0; f < decoder.frames; f++) {
			const start = performance.now();
			const { text, engine, error } = await decoder.decode(streams);
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
		...(installed
			? [
					await appTick('app-portrait', PORTRAIT_STREAM, 'portrait'),
					await appTick('app-landscape', LANDSCAPE_STREAM, 'landscape'),
					html5Qrcode('before-portrait', true, PORTRAIT, 1),
					html5Qrcode('before-landscape', true, LANDSCAPE, 1)
				]
			: []),
		html5Qrcode('zxingjs-portrait', false, PORTRAIT, 1),
		...(installed ? [reference()] : [])
	];
	// Warm-up (not recorded): compile the wasm, let the JIT see ZXing-js.
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
		tick: { portrait: cropOf(PORTRAIT_STREAM), landscape: cropOf(LANDSCAPE_STREAM) },
		decoders: decoders.map(({ id, frames }) => ({ id, frames }))
	};
}

/** The scan box's crop of the video frame, as "541×541 px of 720×1280". */
function cropOf(view: PhoneView): string {
	const side = scanBoxSide(view.element.width, view.element.height, view.visible);
	const px = Math.round((side * view.video.width) / view.element.width);
	return `${px}×${px} px of ${view.video.width}×${view.video.height}`;
}

/** Decodes frames [from, to) of the corpus with every decoder (after setup()). */
async function run(from: number, to: number): Promise<SampleRecord[]> {
	const out: SampleRecord[] = [];
	for (let i = from; i < to; i++) out.push(await decodeAll(SEED, i));
	return out;
}

/** Frame `index` of the corpus as raw RGBA, base64 (for the fake camera's video). */
async function rgba(index: number): Promise<{ width: number; height: number; data: string }> {
	const { frame } = await drawSample(SEED, index);
	const context = frame.getContext('2d', { willReadFrequently: true });
	if (!context) throw new Error('No 2D canvas context');
	const bytes = context.getImageData(0, 0, frame.width, frame.height).data;
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return { width: frame.width, height: frame.height, data: btoa(binary) };
}

/** Frame `index` of the corpus as a PNG data URL, with what it holds. */
async function frame(index: number): Promise<{ png: string; meta: SampleMeta }> {
	const { frame, meta } = await drawSample(SEED, index);
	return { png: frame.toDataURL('image/png'), meta };
}

declare global {
	interface Window {
		scanBench?: { setup: typeof setup; run: typeof run; frame: typeof frame; rgba: typeof rgba };
	}
}

window.scanBench = { setup, run, frame, rgba };

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
