/**
 * The camera's decode loop: one scan tick (scanner-tick.ts) per new video frame, on the `<video>`
 * element html5-qrcode plays the camera into. Frames come from `requestVideoFrameCallback` (each
 * frame the camera delivers, once), or `requestAnimationFrame` where that is missing; a frame that
 * arrives while a decode is in flight is skipped (FrameGate), and a code held in view is passed on
 * about once a second rather than once a frame (SightingFilter).
 */
import {
	centredBox,
	FrameGate,
	SightingFilter,
	type ObjectFit,
	type Rect,
	type VideoLayout
} from './scanner-frame';
import type { ScanTick } from './scanner-tick';

/** Decode attempts per second at most: enough to feel instant, low enough to spare a battery. */
const MAX_FPS = 15;
/** This many failed decodes in a row means the detector is broken, not the frames unreadable. */
const FAILURES_BEFORE_GIVING_UP = 5;

export interface ScanLoopOptions {
	video: HTMLVideoElement;
	tick: ScanTick;
	/** The scan box's side in CSS px for a video element of this CSS size (centred in it). */
	boxSide: (width: number, height: number) => number;
	/** Each code read, repeats of a code still in view at most about once a second. */
	onCode: (text: string) => void;
	/** The detector failed on several frames in a row; the loop has stopped. */
	onFailure: (error: unknown) => void;
}

type FrameCallbackVideo = HTMLVideoElement & {
	requestVideoFrameCallback?: (
		callback: (now: number, metadata: { presentedFrames?: number; mediaTime?: number }) => void
	) => number;
	cancelVideoFrameCallback?: (handle: number) => void;
};

export class ScanLoop {
	readonly #options: ScanLoopOptions;
	readonly #video: FrameCallbackVideo;
	readonly #gate = new FrameGate(1000 / MAX_FPS);
	readonly #sightings = new SightingFilter();
	#running = false;
	#handle: number | undefined;
	#fit: ObjectFit = 'fill';
	#mirrored = false;
	#failures = 0;

	constructor(options: ScanLoopOptions) {
		this.#options = options;
		this.#video = options.video;
	}

	get running(): boolean {
		return this.#running;
	}

	/** Starts decoding (again); does nothing while it runs. */
	start(): void {
		if (this.#running) return;
		this.#running = true;
		this.#failures = 0;
		// Read once: how the viewfinder shows the video does not change while it runs.
		const style = getComputedStyle(this.#video);
		this.#fit = (style.objectFit || 'fill') as ObjectFit;
		this.#mirrored = /^matrix\(-/.test(style.transform);
		this.#schedule();
	}

	/** Stops decoding; a decode in flight finishes, and its result is dropped. */
	stop(): void {
		this.#running = false;
		if (this.#handle !== undefined) {
			if (this.#video.cancelVideoFrameCallback) this.#video.cancelVideoFrameCallback(this.#handle);
			else cancelAnimationFrame(this.#handle);
		}
		this.#handle = undefined;
		this.#gate.reset();
		this.#sightings.reset();
	}

	#schedule(): void {
		const video = this.#video;
		if (video.requestVideoFrameCallback)
			this.#handle = video.requestVideoFrameCallback((now, metadata) =>
				this.#frame(metadata.presentedFrames ?? metadata.mediaTime ?? now, now)
			);
		else this.#handle = requestAnimationFrame((now) => this.#frame(video.currentTime, now));
	}

	#frame(frame: number, now: number): void {
		if (!this.#running) return;
		this.#schedule();
		const video = this.#video;
		if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
		const ticket = this.#gate.take(frame, now);
		if (ticket === undefined) return;
		const element = { width: video.clientWidth, height: video.clientHeight };
		const layout: VideoLayout = {
			element,
			video: { width: video.videoWidth, height: video.videoHeight },
			fit: this.#fit,
			mirrored: this.#mirrored
		};
		const box: Rect = centredBox(
			element.width,
			element.height,
			this.#options.boxSide(element.width, element.height)
		);
		this.#options.tick.read(video, layout, box).then(
			(text) => {
				if (!this.#gate.done(ticket)) return;
				this.#failures = 0;
				if (text && this.#sightings.pass(text, performance.now())) this.#options.onCode(text);
			},
			(error: unknown) => {
				if (!this.#gate.done(ticket)) return;
				if (++this.#failures < FAILURES_BEFORE_GIVING_UP) return;
				this.stop();
				this.#options.onFailure(error);
			}
		);
	}
}
