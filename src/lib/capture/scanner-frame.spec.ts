import { describe, expect, it } from 'vitest';
import {
	boxToVideo,
	centredBox,
	decodeSize,
	FrameGate,
	scanBoxSide,
	SightingFilter,
	type VideoLayout
} from './scanner-frame';

/** html5-qrcode's video element: the viewfinder's width, the stream's aspect ratio. */
function shown(video: { width: number; height: number }, cssWidth: number): VideoLayout {
	return {
		element: { width: cssWidth, height: (cssWidth * video.height) / video.width },
		video,
		fit: 'fill'
	};
}

describe('scanBoxSide', () => {
	it('is 75 % of the visible shorter side, within the element', () => {
		// A portrait 720×1280 stream, 390 CSS px wide (693 tall), in a 523 px tall viewfinder.
		expect(scanBoxSide(390, 693, 523)).toBe(293);
		// A landscape 1280×720 stream in the same viewfinder: 219 px tall, all of it visible.
		expect(scanBoxSide(390, 219, 240)).toBe(164);
		expect(scanBoxSide(60, 40)).toBe(40);
		expect(scanBoxSide(70, 70)).toBe(60);
	});
});

describe('boxToVideo', () => {
	it('maps a portrait stream’s box to the frame’s own pixels (541 px, not 293)', () => {
		const layout = shown({ width: 720, height: 1280 }, 390);
		const box = centredBox(390, layout.element.height, 293);
		const crop = boxToVideo(box, layout);
		expect(crop?.width).toBeGreaterThanOrEqual(540);
		expect(crop?.width).toBeLessThanOrEqual(542);
		expect(crop?.height).toBe(crop?.width);
		// Centred in the frame, to a pixel.
		expect(Math.abs(crop!.x + crop!.width / 2 - 360)).toBeLessThanOrEqual(1);
		expect(Math.abs(crop!.y + crop!.height / 2 - 640)).toBeLessThanOrEqual(1);
	});

	it('maps a landscape stream’s box to 542 frame px, where html5-qrcode copied 165 CSS px', () => {
		const layout = shown({ width: 1280, height: 720 }, 390);
		const side = scanBoxSide(390, layout.element.height, 240);
		const crop = boxToVideo(centredBox(390, layout.element.height, side), layout);
		expect(side).toBe(165);
		expect(crop).toEqual({ x: 369, y: 89, width: 542, height: 542 });
	});

	it('follows object-fit: cover crops the frame’s sides, contain letterboxes it', () => {
		const video = { width: 1280, height: 720 };
		const element = { width: 400, height: 400 };
		// cover: scale 400/720, the frame is 711 CSS px wide and centred, 155.5 px cut each side.
		expect(
			boxToVideo({ x: 0, y: 0, width: 400, height: 400 }, { element, video, fit: 'cover' })
		).toEqual({ x: 280, y: 0, width: 720, height: 720 });
		// contain: scale 400/1280, the frame is 225 CSS px tall, 87.5 px bars above and below.
		expect(
			boxToVideo({ x: 100, y: 100, width: 200, height: 200 }, { element, video, fit: 'contain' })
		).toEqual({ x: 320, y: 40, width: 640, height: 640 });
		// A box over the letterbox bars only: nothing of the frame to read.
		expect(
			boxToVideo({ x: 0, y: 0, width: 400, height: 80 }, { element, video, fit: 'contain' })
		).toBeUndefined();
		// none: the frame at 1 px per CSS px, centred.
		expect(
			boxToVideo({ x: 150, y: 150, width: 100, height: 100 }, { element, video, fit: 'none' })
		).toEqual({ x: 590, y: 310, width: 100, height: 100 });
	});

	it('flips the box for a mirrored video (front camera shown as a mirror)', () => {
		const layout = shown({ width: 1280, height: 720 }, 640);
		const leftOnScreen = { x: 0, y: 0, width: 100, height: 100 };
		expect(boxToVideo(leftOnScreen, layout)).toEqual({ x: 0, y: 0, width: 200, height: 200 });
		expect(boxToVideo(leftOnScreen, { ...layout, mirrored: true })).toEqual({
			x: 1080,
			y: 0,
			width: 200,
			height: 200
		});
	});

	it('clamps to the frame, and gives nothing before the video has a size', () => {
		const layout = shown({ width: 640, height: 480 }, 320);
		expect(boxToVideo({ x: -20, y: 200, width: 100, height: 100 }, layout)).toEqual({
			x: 0,
			y: 400,
			width: 160,
			height: 80
		});
		expect(
			boxToVideo(
				{ x: 0, y: 0, width: 10, height: 10 },
				{ ...layout, video: { width: 0, height: 0 } }
			)
		).toBeUndefined();
	});
});

describe('decodeSize', () => {
	it('keeps capture resolution, and caps the long side', () => {
		expect(decodeSize({ x: 0, y: 0, width: 541, height: 541 })).toEqual({
			width: 541,
			height: 541
		});
		expect(decodeSize({ x: 0, y: 0, width: 2560, height: 1440 })).toEqual({
			width: 1280,
			height: 720
		});
		expect(decodeSize({ x: 0, y: 0, width: 900, height: 900 }, 600)).toEqual({
			width: 600,
			height: 600
		});
	});
});

describe('FrameGate', () => {
	it('decodes one frame at a time and skips the frames that arrive meanwhile', () => {
		const gate = new FrameGate();
		const ticket = gate.take(1, 0);
		expect(ticket).toBeDefined();
		expect(gate.busy).toBe(true);
		expect(gate.take(2, 10)).toBeUndefined();
		expect(gate.take(3, 20)).toBeUndefined();
		expect(gate.done(ticket!)).toBe(true);
		expect(gate.busy).toBe(false);
		expect(gate.take(4, 30)).toBeDefined();
	});

	it('never decodes the same frame twice', () => {
		const gate = new FrameGate();
		gate.done(gate.take(7, 0)!);
		expect(gate.take(7, 100)).toBeUndefined();
		expect(gate.take(8, 100)).toBeDefined();
	});

	it('keeps to its rate', () => {
		const gate = new FrameGate(100);
		gate.done(gate.take(1, 0)!);
		expect(gate.take(2, 50)).toBeUndefined();
		expect(gate.take(3, 100)).toBeDefined();
	});

	it('drops the result of a decode in flight across a reset, and runs no second one', () => {
		const gate = new FrameGate(100);
		const before = gate.take(1, 0)!;
		gate.reset();
		// Still one decode at a time: the one in flight must finish first.
		expect(gate.take(2, 10)).toBeUndefined();
		expect(gate.done(before)).toBe(false);
		// The rate restarts too: the first frame after a resume is read at once.
		const after = gate.take(3, 20);
		expect(after).toBeDefined();
		expect(gate.done(after!)).toBe(true);
	});
});

describe('SightingFilter', () => {
	it('passes a new code at once and a code held in view about once a second', () => {
		const filter = new SightingFilter(1000);
		const seen = [0, 66, 133, 500, 999, 1000, 1066, 2000].map((t) => filter.pass('A', t));
		expect(seen).toEqual([true, false, false, false, false, true, false, true]);
	});

	it('passes a different code at once, and the first one again after it', () => {
		const filter = new SightingFilter(1000);
		expect(filter.pass('A', 0)).toBe(true);
		expect(filter.pass('B', 66)).toBe(true);
		expect(filter.pass('A', 133)).toBe(true);
	});

	it('forgets on reset (pause, stop)', () => {
		const filter = new SightingFilter(1000);
		filter.pass('A', 0);
		filter.reset();
		expect(filter.pass('A', 10)).toBe(true);
	});
});
