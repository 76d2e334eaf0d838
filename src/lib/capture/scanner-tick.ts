/**
 * The camera's scan tick: everything the app does to read one frame. The scan box is cropped from
 * the frame in the camera's own pixels, drawn 1:1 onto a reused canvas (scaled down only past
 * MAX_DECODE_SIDE) and given to the BarcodeDetector once. `npm run bench` (scripts/bench-scan)
 * imports this class and times exactly this call, so the figures are the app's.
 */
import { largest, type QrDetector } from './detector';
import {
	boxToVideo,
	decodeSize,
	MAX_DECODE_SIDE,
	type Rect,
	type VideoLayout
} from './scanner-frame';

type Canvas2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export class ScanTick {
	readonly #canvas: HTMLCanvasElement | OffscreenCanvas;
	readonly #context: Canvas2D;

	constructor(
		readonly detector: QrDetector,
		readonly maxSide = MAX_DECODE_SIDE
	) {
		// A page canvas where there is a page: every native BarcodeDetector takes one.
		this.#canvas =
			typeof document === 'undefined'
				? new OffscreenCanvas(1, 1)
				: document.createElement('canvas');
		// willReadFrequently: the detector reads the pixels back every frame (a CPU-side canvas).
		const context = this.#canvas.getContext('2d', { willReadFrequently: true });
		if (!context) throw new Error('This browser could not prepare the camera frames for reading.');
		this.#context = context;
	}

	/**
	 * Reads the QR code inside `box` (CSS px, from the video element's top-left corner) of the
	 * frame `source` currently shows, laid out on screen as `layout` says. Resolves to the code's
	 * text (the largest code, when several are in the box), or undefined when there is none or the
	 * box misses the frame. Rejects when the detector fails.
	 */
	async read(
		source: CanvasImageSource,
		layout: VideoLayout,
		box: Rect
	): Promise<string | undefined> {
		const crop = boxToVideo(box, layout);
		if (!crop) return undefined;
		const { width, height } = decodeSize(crop, this.maxSide);
		const canvas = this.#canvas;
		// Resizing clears the canvas and resets its state: only when the box changed size.
		if (canvas.width !== width || canvas.height !== height) {
			canvas.width = width;
			canvas.height = height;
			this.#context.imageSmoothingQuality = 'high';
		}
		this.#context.drawImage(source, crop.x, crop.y, crop.width, crop.height, 0, 0, width, height);
		const text = largest(await this.detector.detect(canvas))?.rawValue;
		return text ? text : undefined;
	}
}
