/**
 * The camera behind the Scan screen: html5-qrcode's `Html5Qrcode` runs the camera and draws the
 * viewfinder; our own scan loop (scanner-loop.ts) reads its video frames at capture resolution.
 *
 * html5-qrcode 2.3.8 (its last release) is fragile about its lifecycle: overlapping start/stop
 * calls throw "already under transition", `clear()` throws while a scan runs, and it keeps the
 * camera on when the page hides. So every camera operation here runs one after another on a
 * queue, and each run brings the camera to the state the screen wants right now (on, off,
 * decoding paused) rather than replaying every request. The library itself (~107 KB gzip) is
 * imported on first start, so only the Scan screen pays for it.
 */
import type { Html5Qrcode } from 'html5-qrcode/esm/html5-qrcode';
import { createQrDetector, ensureBarcodeDetector, type QrDetector } from './detector';
import { ScanLoop } from './scanner-loop';
import { ScanTick } from './scanner-tick';
import { ScreenAwake } from '$lib/ui/wake-lock';

/** Why the camera is not running, each with its own one-line message on screen. */
export type CameraProblem = 'denied' | 'missing' | 'busy' | 'unsupported' | 'failed';

export type CameraStatus = 'starting' | 'scanning' | 'idle' | 'problem';

/**
 * Which decoder reads the frames: a BarcodeDetector (the platform's, or the self-hosted wasm
 * polyfill) in our scan loop; or, when neither could load or it kept failing, html5-qrcode's own
 * loop with its bundled ZXing-js.
 */
export type Decoder = 'native' | 'zxing-wasm' | 'html5-qrcode';

export interface CameraChoice {
	id: string;
	label: string;
}

type Library = typeof import('./scanner-library');

/** html5-qrcode's decode attempts per second, when its own loop decodes (no BarcodeDetector). */
const FPS = 10;

/**
 * Reads what went wrong from html5-qrcode's rejection, which is a sentence wrapping the browser's
 * error name ("Error getting userMedia, error = NotAllowedError: …") rather than the error itself.
 */
export function classifyCameraError(error: unknown): CameraProblem {
	const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	if (/NotAllowedError|PermissionDenied|Permission denied|SecurityError/i.test(text))
		return 'denied';
	if (/NotFoundError|DevicesNotFound|OverconstrainedError|device not found/i.test(text))
		return 'missing';
	if (/NotReadableError|TrackStartError|Could not start video|AbortError/i.test(text))
		return 'busy';
	if (/not supported|insecure/i.test(text)) return 'unsupported';
	return 'failed';
}

export interface CameraScannerOptions {
	/** The id of the (empty) element html5-qrcode renders the video into. */
	elementId: string;
	/** The scan box's side in CSS px for a video element of this CSS size (centred in it). */
	boxSide: (width: number, height: number) => number;
	/** Called with the text of each decoded frame while decoding is not paused. */
	onCode: (text: string) => void;
}

/** One camera scanner per mounted viewfinder; its state is read by the Scan screen. */
export class CameraScanner {
	status = $state<CameraStatus>('starting');
	problem = $state<CameraProblem | undefined>(undefined);
	/** Video inputs, listed once the camera runs (labels need the permission). */
	cameras = $state.raw<CameraChoice[]>([]);
	/** The device id of the running camera. */
	cameraId = $state<string | undefined>(undefined);
	torch = $state<'unsupported' | 'off' | 'on'>('unsupported');
	decoder = $state<Decoder | undefined>(undefined);

	readonly #options: CameraScannerOptions;
	#library: Library | undefined;
	#instance: Html5Qrcode | undefined;
	#running = false;
	/** Our scan loop over the running video, when a BarcodeDetector reads the frames. */
	#loop: ScanLoop | undefined;
	/** Whether #instance was built to leave decoding to our loop. */
	#instanceOwnLoop: boolean | undefined;
	/** The detector failed on live frames: html5-qrcode's ZXing-js reads from now on. */
	#detectorBroken = false;
	#queue: Promise<void> = Promise.resolve();
	#wanted = false;
	#hidden = false;
	#paused = false;
	#destroyed = false;
	/** A camera the user picked; otherwise the rear camera is asked for. */
	#chosen: string | undefined;
	/** The screen stays on while the camera runs. */
	readonly #awake = new ScreenAwake();

	constructor(options: CameraScannerOptions) {
		this.#options = options;
	}

	/** Turns the camera on (autostart, or the "Start camera" button after a problem). */
	start(): Promise<void> {
		this.#wanted = true;
		this.problem = undefined;
		if (!this.#running) this.status = this.#hidden ? 'idle' : 'starting';
		return this.#sync();
	}

	/**
	 * Says whether the page is hidden: the camera is released while it is (so the phone's camera
	 * light goes off and other apps can use it) and turned on again on return.
	 */
	setHidden(hidden: boolean): Promise<void> {
		this.#hidden = hidden;
		return this.#sync();
	}

	/** Pauses decoding (the video keeps running), e.g. while the review sheet is open. */
	setPaused(paused: boolean): Promise<void> {
		this.#paused = paused;
		return this.#sync();
	}

	/** Switches to another camera by device id. */
	useCamera(id: string): Promise<void> {
		this.#chosen = id;
		return this.restart();
	}

	/** Stops and starts again, e.g. when the viewfinder changed size (rotation). */
	restart(): Promise<void> {
		void this.#enqueue(() => this.#stopCamera());
		return this.#sync();
	}

	/** Turns the torch on or off, when the running camera has one. */
	setTorch(on: boolean): Promise<void> {
		return this.#enqueue(async () => {
			if (!this.#running || !this.#instance) return;
			try {
				const torch = this.#instance.getRunningTrackCameraCapabilities().torchFeature();
				await torch.apply(on);
				this.torch = torch.value() ? 'on' : 'off';
			} catch {
				this.torch = 'unsupported';
			}
		});
	}

	/** Stops the camera for good (the screen is being left). */
	destroy(): Promise<void> {
		this.#destroyed = true;
		this.#wanted = false;
		return this.#sync().then(() => {
			this.#instance = undefined;
		});
	}

	#enqueue(task: () => Promise<void>): Promise<void> {
		// Steps handle the failures they expect; anything else (the library's chunk missing
		// offline) is shown as a camera problem, and never blocks the steps queued after it.
		const run = this.#queue.then(task).catch(() => {
			if (!this.#running) this.#fail('failed');
		});
		this.#queue = run;
		return run;
	}

	/** Brings the camera to the wanted state, whatever happened since the last request. */
	#sync(): Promise<void> {
		return this.#enqueue(async () => {
			const shouldRun = this.#wanted && !this.#hidden && !this.#destroyed;
			if (shouldRun && !this.#running) await this.#startCamera();
			else if (!shouldRun && this.#running) await this.#stopCamera();
			if (this.#running) this.#applyPause();
		});
	}

	#fail(problem: CameraProblem): void {
		this.#wanted = false;
		this.problem = problem;
		this.status = 'problem';
	}

	async #startCamera(): Promise<void> {
		this.status = 'starting';
		this.problem = undefined;
		if (!navigator.mediaDevices?.getUserMedia) return this.#fail('unsupported');
		let detector: QrDetector | undefined;
		try {
			if (!this.#detectorBroken) {
				const { native } = await ensureBarcodeDetector();
				detector = await createQrDetector();
				this.decoder = native ? 'native' : 'zxing-wasm';
			}
		} catch {
			// The wasm could not load (first visit, offline): html5-qrcode's own decoder still reads.
			detector = undefined;
		}
		if (!detector) this.decoder = 'html5-qrcode';
		const library = (this.#library ??= await import('./scanner-library'));
		// The screen may have been left while the libraries loaded.
		if (this.#destroyed || !document.getElementById(this.#options.elementId)) return;
		const ownLoop = detector !== undefined;
		if (!this.#instance || this.#instanceOwnLoop !== ownLoop) {
			this.#instance = library.createScanner(this.#options.elementId, ownLoop);
			this.#instanceOwnLoop = ownLoop;
		}
		const boxSide = this.#options.boxSide;
		const camera: MediaTrackConstraints = this.#chosen
			? { deviceId: { exact: this.#chosen } }
			: { facingMode: 'environment' };
		try {
			await this.#instance.start(
				this.#chosen ?? { facingMode: 'environment' },
				{
					fps: FPS,
					qrbox: (width, height) => {
						const side = boxSide(width, height);
						return { width: side, height: side };
					},
					// One decode per frame: no second, mirrored attempt after a miss.
					disableFlip: true,
					// `ideal`, not `min`: a camera that cannot do 720p still starts, at what it can do.
					videoConstraints: { ...camera, width: { ideal: 1280 }, height: { ideal: 720 } }
				},
				// Called only when html5-qrcode decodes (no BarcodeDetector).
				(text) => {
					if (!this.#paused) this.#options.onCode(text);
				},
				undefined
			);
		} catch (error) {
			this.#clear();
			const problem = classifyCameraError(error);
			// A picked camera that is gone (unplugged): fall back to the default next time.
			if (problem === 'missing') this.#chosen = undefined;
			return this.#fail(problem);
		}
		this.#running = true;
		// start() resolves before the video plays, and html5-qrcode does not handle its own play()
		// promise: stopping in between (the page hidden at once) rejects it unhandled. So the next
		// queued step waits until the video plays.
		const video = await this.#videoPlaying();
		if (detector && video) {
			this.#loop = new ScanLoop({
				video,
				tick: new ScanTick(detector),
				boxSide,
				onCode: (text) => {
					if (!this.#paused) this.#options.onCode(text);
				},
				onFailure: () => {
					// The camera works but the detector does not: read with html5-qrcode's own.
					this.#detectorBroken = true;
					void this.restart();
				}
			});
			// At once, not after the camera list and wake lock below: the badge may be in view now.
			if (!this.#paused) this.#loop.start();
		}
		this.status = 'scanning';
		this.#readTrack();
		await this.#listCameras();
		this.#awake.start();
	}

	/**
	 * Resolves with the viewfinder's video once it plays (or after a few seconds, whatever
	 * happens); undefined when html5-qrcode rendered none.
	 */
	#videoPlaying(): Promise<HTMLVideoElement | undefined> {
		const video =
			document.getElementById(this.#options.elementId)?.querySelector('video') ?? undefined;
		if (!video || (!video.paused && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA))
			return Promise.resolve(video);
		return new Promise((resolve) => {
			const done = () => {
				clearTimeout(timer);
				video.removeEventListener('playing', done);
				video.removeEventListener('error', done);
				resolve(video);
			};
			const timer = setTimeout(done, 5000);
			video.addEventListener('playing', done);
			video.addEventListener('error', done);
		});
	}

	async #stopCamera(): Promise<void> {
		this.#running = false;
		this.#loop?.stop();
		this.#loop = undefined;
		this.#awake.stop();
		try {
			await this.#instance?.stop();
		} catch {
			// Not running after all (it failed to start): there is nothing to stop.
		}
		this.#clear();
		this.torch = 'unsupported';
		if (this.status !== 'problem') this.status = 'idle';
	}

	#clear(): void {
		try {
			this.#instance?.clear();
		} catch {
			// Throws only while a scan runs, which stop() has just ended.
		}
	}

	#applyPause(): void {
		const loop = this.#loop;
		if (loop) {
			if (this.#paused) loop.stop();
			else loop.start();
			return;
		}
		const instance = this.#instance;
		const states = this.#library?.Html5QrcodeScannerState;
		if (!instance || !states) return;
		const state = instance.getState();
		try {
			// isScanning turns true once the video plays; pausing before that has nothing to pause.
			if (this.#paused && state === states.SCANNING && instance.isScanning) instance.pause(false);
			else if (!this.#paused && state === states.PAUSED) instance.resume();
		} catch {
			// A frame callback still in flight is dropped by the #paused check instead.
		}
	}

	#readTrack(): void {
		const instance = this.#instance;
		if (!instance) return;
		try {
			this.cameraId = instance.getRunningTrackSettings().deviceId;
			const torch = instance.getRunningTrackCameraCapabilities().torchFeature();
			this.torch = torch.isSupported() ? (torch.value() ? 'on' : 'off') : 'unsupported';
		} catch {
			this.torch = 'unsupported';
		}
	}

	async #listCameras(): Promise<void> {
		// Not Html5Qrcode.getCameras(): it opens a second camera stream to get the permission,
		// which on phones fails or steals the running one. Labels are readable now the camera runs.
		try {
			const devices = await navigator.mediaDevices.enumerateDevices();
			this.cameras = devices
				.filter((d) => d.kind === 'videoinput' && d.deviceId)
				.map((d, i) => ({ id: d.deviceId, label: d.label || `Camera ${i + 1}` }));
		} catch {
			this.cameras = [];
		}
	}
}
