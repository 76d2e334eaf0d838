/**
 * The pure parts of the camera's scan loop (scanner-loop.ts): where the on-screen scan box falls
 * in the camera's own pixels, how large the decode canvas is, which frames are decoded, and which
 * decoded codes are passed on. No DOM here, so all of it is unit-tested in Node.
 *
 * Why: html5-qrcode decodes the scan box copied onto a canvas of its CSS size, so a 1280×720
 * stream shown 412 CSS px wide loses two thirds of its pixels before the decoder sees them
 * (`npm run bench`: 17.5 % of badge frames read in a landscape stream). The loop crops the same
 * box from the video frame itself and decodes it at capture resolution.
 */

/** A rectangle: CSS px on screen, or video px in a camera frame. */
export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** How a `<video>` element shows its frames (CSS `object-fit`; `object-position` centred). */
export type ObjectFit = 'fill' | 'contain' | 'cover' | 'none' | 'scale-down';

export interface VideoLayout {
	/** The video element's box in CSS px. */
	element: { width: number; height: number };
	/** The camera frame in video px (`videoWidth`, `videoHeight`). */
	video: { width: number; height: number };
	fit: ObjectFit;
	/** Shown flipped left to right (a front camera shown as a mirror, `transform: scaleX(-1)`). */
	mirrored?: boolean;
}

/** The scan frame's side, as a share of the visible viewfinder's shorter side. */
export const BOX_SHARE = 0.75;
/** html5-qrcode refuses scan boxes under 50 px. */
const MIN_BOX = 60;

/** Decode canvases are at most this many px on their long side (a 1080p box stays sharp). */
export const MAX_DECODE_SIDE = 1280;

/**
 * The scan box's side in CSS px for a video element of `width` × `height` CSS px of which only
 * `visibleHeight` px show (a portrait phone's video is taller than the viewfinder, which shows its
 * middle): 75 % of the visible shorter side, never under 60 px nor over the element.
 */
export function scanBoxSide(width: number, height: number, visibleHeight = height): number {
	const visible = Math.min(height, visibleHeight || height);
	const side = Math.round(Math.min(width, visible) * BOX_SHARE);
	return Math.min(Math.max(side, MIN_BOX), width, height);
}

/** A square box of `side` CSS px centred in an element, where html5-qrcode draws its frame. */
export function centredBox(width: number, height: number, side: number): Rect {
	return { x: (width - side) / 2, y: (height - side) / 2, width: side, height: side };
}

/**
 * Where `box` (CSS px, from the video element's top-left corner) falls in the camera frame, given
 * how the element scales the frame (`object-fit`, centred) and whether it is shown mirrored.
 * Clamped to the frame and rounded outwards to whole pixels; undefined when the box misses the
 * frame or the element or video has no size yet (metadata not loaded).
 */
export function boxToVideo(box: Rect, layout: VideoLayout): Rect | undefined {
	const { element, video, fit } = layout;
	if (element.width <= 0 || element.height <= 0 || video.width <= 0 || video.height <= 0)
		return undefined;
	const fitX = element.width / video.width;
	const fitY = element.height / video.height;
	let scaleX: number;
	let scaleY: number;
	switch (fit) {
		case 'fill':
			scaleX = fitX;
			scaleY = fitY;
			break;
		case 'cover':
			scaleX = scaleY = Math.max(fitX, fitY);
			break;
		case 'none':
			scaleX = scaleY = 1;
			break;
		case 'scale-down':
			scaleX = scaleY = Math.min(1, fitX, fitY);
			break;
		default:
			scaleX = scaleY = Math.min(fitX, fitY);
	}
	// The frame's picture is centred in the element (object-position: 50% 50%).
	const left = (element.width - video.width * scaleX) / 2;
	const top = (element.height - video.height * scaleY) / 2;
	const boxLeft = layout.mirrored ? element.width - box.x - box.width : box.x;
	// Snapped first, so float noise (279.99999…) does not round a pixel outwards.
	const snap = (value: number) => Math.round(value * 1e6) / 1e6;
	const x0 = Math.max(0, Math.floor(snap((boxLeft - left) / scaleX)));
	const y0 = Math.max(0, Math.floor(snap((box.y - top) / scaleY)));
	const x1 = Math.min(video.width, Math.ceil(snap((boxLeft + box.width - left) / scaleX)));
	const y1 = Math.min(video.height, Math.ceil(snap((box.y + box.height - top) / scaleY)));
	if (x1 <= x0 || y1 <= y0) return undefined;
	return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The decode canvas for a crop: the crop's own size (one video px per canvas px), scaled down
 * only when its long side exceeds `maxSide`.
 */
export function decodeSize(
	crop: Rect,
	maxSide = MAX_DECODE_SIDE
): { width: number; height: number } {
	const scale = Math.min(1, maxSide / Math.max(crop.width, crop.height));
	return {
		width: Math.max(1, Math.round(crop.width * scale)),
		height: Math.max(1, Math.round(crop.height * scale))
	};
}

/**
 * Decides which camera frames are decoded: one decode at a time (a frame that arrives while one is
 * in flight is skipped, never queued), never the same frame twice, and at most one decode per
 * `minIntervalMs` to spare a phone's battery. `reset()` (pause, stop) makes the result of a decode
 * still in flight unwanted, so no code read before a pause is handled after it.
 */
export class FrameGate {
	#inFlight = false;
	#lastStart = -Infinity;
	#lastFrame: number | undefined;
	#generation = 0;

	constructor(readonly minIntervalMs = 0) {}

	/** True while a decode runs. */
	get busy(): boolean {
		return this.#inFlight;
	}

	/**
	 * Called for each new frame (`frame`: its id, e.g. the presented-frames count or media time;
	 * `now`: ms, monotonic). Returns a ticket when the frame should be decoded now, else undefined.
	 */
	take(frame: number, now: number): number | undefined {
		if (this.#inFlight || frame === this.#lastFrame) return undefined;
		if (now - this.#lastStart < this.minIntervalMs) return undefined;
		this.#inFlight = true;
		this.#lastStart = now;
		this.#lastFrame = frame;
		return this.#generation;
	}

	/** Called when the decode of `ticket` has finished: true when its result is still wanted. */
	done(ticket: number): boolean {
		this.#inFlight = false;
		return ticket === this.#generation;
	}

	/** Drops the result of any decode in flight and forgets the last frame (pause, stop). */
	reset(): void {
		this.#generation++;
		this.#lastFrame = undefined;
		this.#lastStart = -Infinity;
	}
}

/**
 * Passes a code on when it differs from the last one passed, or when the same code is still in
 * view `repeatMs` after it was last passed: a badge held in front of the camera for a second is one
 * sighting per `repeatMs` rather than one per frame. (What counts as a new capture is decided
 * downstream, by RepeatFilter in scanner-flow.ts, which needs those periodic sightings to know a
 * badge is still in view.) A frame with no code in it changes nothing.
 */
export class SightingFilter {
	#last: string | undefined;
	#at = -Infinity;

	constructor(readonly repeatMs = 1000) {}

	/** True when `text`, read at `now` (ms, monotonic), should be passed on. */
	pass(text: string, now: number): boolean {
		if (text === this.#last && now - this.#at < this.repeatMs) return false;
		this.#last = text;
		this.#at = now;
		return true;
	}

	/** Forgets the last code (pause, stop): the next sighting is passed on. */
	reset(): void {
		this.#last = undefined;
		this.#at = -Infinity;
	}
}
