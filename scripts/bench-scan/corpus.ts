/**
 * The scan bench's corpus, drawn in the browser from a seed: camera frames (1280×720) of a
 * conference badge (white card, header band, name, company, and a vCard QR code made with the
 * `qrcode` package) in a cluttered hall, seen at an angle and degraded the way phone captures are:
 * in-plane rotation, perspective tilt, blur, low contrast, dim light, glare, sensor noise and JPEG
 * re-encoding. Sample `i` depends only on the seed and `i`, so every run sees the same frames.
 */
import { create, type QRCodeErrorCorrectionLevel } from 'qrcode';
import { badgeCard, between, person, pick, seededRng, utf8Length, type Rng } from './payloads.js';

/** The corpus: the same seed draws the same frames on every run. */
export const SEED = 0x4a11a7;
/** Frames decoded before measuring (to compile the wasm, warm the JIT), from their own seed. */
export const WARMUP_SEED = SEED + 1;
export const FRAME_WIDTH = 1280;
export const FRAME_HEIGHT = 720;
/** Focal length in px of a phone's main camera at 1280 px wide (about 65° horizontal). */
const FOCAL = 1000;
/** Every 11th sample has no QR code: the false-positive check. */
export const isBlank = (index: number) => index % 11 === 10;

/**
 * How html5-qrcode sees a frame in Scanner.svelte: it decodes the scan box only, copied onto a
 * canvas of the box's CSS size. The box is 75 % of the visible viewfinder's shorter side; the
 * viewfinder is the phone's full width (390 CSS px) and at most min(62dvh, 36rem) tall.
 */
export interface Viewfinder {
	/** Side of the decode canvas (the scan box in CSS px). */
	canvas: number;
	/** Side of the frame region copied onto it (frame px). */
	source: number;
}

function scanBox(videoWidth: number, videoHeight: number): Viewfinder {
	const phone = { width: 390, height: 844 };
	const cssHeight = Math.round((phone.width * videoHeight) / videoWidth);
	// Scanner.svelte: .viewport { min-height: 15rem; max-height: min(62dvh, 36rem) }
	const viewport = Math.max(240, Math.min(cssHeight, 0.62 * phone.height, 576));
	const visible = Math.min(cssHeight, viewport);
	const side = Math.round(Math.min(phone.width, visible) * 0.75);
	return { canvas: side, source: (side * videoWidth) / phone.width };
}

/**
 * A phone's viewfinder as the app lays it out (Scanner.svelte): html5-qrcode's video element is
 * the viewfinder's width (390 CSS px) at the stream's aspect ratio, in a viewport that shows
 * `visible` CSS px of its height. The scan loop is given exactly this (scanner-loop.ts).
 */
export interface PhoneView {
	video: { width: number; height: number };
	element: { width: number; height: number };
	visible: number;
}

export function phoneView(videoWidth: number, videoHeight: number): PhoneView {
	const phone = { width: 390, height: 844 };
	const cssHeight = Math.round((phone.width * videoHeight) / videoWidth);
	const viewport = Math.max(240, Math.min(cssHeight, 0.62 * phone.height, 576));
	return {
		video: { width: videoWidth, height: videoHeight },
		element: { width: phone.width, height: cssHeight },
		visible: Math.min(cssHeight, viewport)
	};
}

/** Phone upright: the camera delivers portrait 720×1280 frames. Box 293 px ← 541 frame px. */
export const PORTRAIT = scanBox(720, 1280);
/** A landscape 1280×720 stream in the same 390 px wide viewfinder. Box 164 px ← 538 frame px. */
export const LANDSCAPE = scanBox(1280, 720);
/** The portrait scan box copied at capture resolution (1 frame px per canvas px). */
export const CAPTURE = { canvas: Math.round(PORTRAIT.source), source: PORTRAIT.source };
/** The QR code always lies inside the smaller of the two scan boxes (users aim at the box). */
const BOX = Math.min(PORTRAIT.source, LANDSCAPE.source);

export interface SampleMeta {
	index: number;
	/** The QR code's text, or null on a blank badge. */
	truth: string | null;
	bytes: number;
	version: number;
	modules: number;
	ecl: string;
	/** Pixels per module in the capture frame, at the code's centre. */
	modulePx: number;
	rotation: number;
	tilt: number;
	effects: string[];
	/** A hash of the frame's pixels, to show the corpus is the same from run to run. */
	fingerprint: string;
}

export interface Sample {
	frame: HTMLCanvasElement;
	meta: SampleMeta;
}

type Mat3 = [number, number, number, number, number, number, number, number, number];

function mul(a: Mat3, b: Mat3): Mat3 {
	const out = new Array<number>(9).fill(0) as Mat3;
	for (let r = 0; r < 3; r++)
		for (let c = 0; c < 3; c++)
			out[r * 3 + c] = a[r * 3]! * b[c]! + a[r * 3 + 1]! * b[3 + c]! + a[r * 3 + 2]! * b[6 + c]!;
	return out;
}

function invert(m: Mat3): Mat3 {
	const [a, b, c, d, e, f, g, h, i] = m;
	const A = e * i - f * h;
	const B = -(d * i - f * g);
	const C = d * h - e * g;
	const det = a * A + b * B + c * C;
	return [
		A / det,
		-(b * i - c * h) / det,
		(b * f - c * e) / det,
		B / det,
		(a * i - c * g) / det,
		-(a * f - c * d) / det,
		C / det,
		-(a * h - b * g) / det,
		(a * e - b * d) / det
	];
}

function apply(m: Mat3, x: number, y: number): [number, number] {
	const w = m[6] * x + m[7] * y + m[8];
	return [(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w];
}

/**
 * The homography from badge pixels to frame pixels: the badge plane, scaled by `scale` and
 * centred on (qx, qy), turned by `tiltX`/`tiltY` (radians) out of the image plane and `rotation`
 * within it, seen by a pinhole camera of focal length FOCAL, with (qx, qy) landing on (cx, cy).
 */
function homography(
	qx: number,
	qy: number,
	scale: number,
	rotation: number,
	tiltX: number,
	tiltY: number,
	cx: number,
	cy: number
): Mat3 {
	const [cz, sz] = [Math.cos(rotation), Math.sin(rotation)];
	const [cxr, sxr] = [Math.cos(tiltX), Math.sin(tiltX)];
	const [cyr, syr] = [Math.cos(tiltY), Math.sin(tiltY)];
	const rz: Mat3 = [cz, -sz, 0, sz, cz, 0, 0, 0, 1];
	const rx: Mat3 = [1, 0, 0, 0, cxr, -sxr, 0, sxr, cxr];
	const ry: Mat3 = [cyr, 0, syr, 0, 1, 0, -syr, 0, cyr];
	const r = mul(rz, mul(rx, ry));
	// Columns: the rotated badge axes (scaled), and the translation that puts (qx, qy) at depth f.
	const plane: Mat3 = [
		scale * r[0],
		scale * r[1],
		-scale * (qx * r[0] + qy * r[1]),
		scale * r[3],
		scale * r[4],
		-scale * (qx * r[3] + qy * r[4]),
		scale * r[6],
		scale * r[7],
		FOCAL - scale * (qx * r[6] + qy * r[7])
	];
	const camera: Mat3 = [FOCAL, 0, cx, 0, FOCAL, cy, 0, 0, 1];
	return mul(camera, plane);
}

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
	const ctx = canvas.getContext('2d', { willReadFrequently: true });
	if (!ctx) throw new Error('No 2D canvas context');
	return ctx;
}

function canvasOf(width: number, height: number): HTMLCanvasElement {
	const canvas = document.createElement('canvas');
	canvas.width = Math.max(1, Math.round(width));
	canvas.height = Math.max(1, Math.round(height));
	return canvas;
}

function fitText(
	ctx: CanvasRenderingContext2D,
	text: string,
	weight: string,
	size: number,
	width: number
) {
	let px = size;
	do {
		ctx.font = `${weight} ${Math.round(px)}px sans-serif`;
		px *= 0.92;
	} while (ctx.measureText(text).width > width && px > 6);
}

const EVENTS = [
	'HALLWAY SUMMIT 2025',
	'JSConf Lisboa',
	'Øredev',
	'Web Días · Madrid',
	'DevFest Łódź'
];
const ROLES = ['ATTENDEE', 'SPEAKER', 'SPONSOR', 'CREW', 'PRESS'];
const COLOURS = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#c2410c', '#0f766e', '#be185d'];

type Block = (ctx: CanvasRenderingContext2D, x: number, y: number, side: number, m: number) => void;

/** Draws a QR code's modules (dark on the badge's white). */
function qrBlock(modules: { size: number; data: Uint8Array }): Block {
	return (ctx, x, y, _side, m) => {
		ctx.fillStyle = '#111';
		for (let r = 0; r < modules.size; r++)
			for (let c = 0; c < modules.size; c++)
				if (modules.data[r * modules.size + c]) ctx.fillRect(x + c * m, y + r * m, m, m);
	};
}

/** What a blank badge shows where the code would be: a logo, a sponsor wall, a fake code. */
function decoyBlock(rng: Rng, size: number): Block {
	const kind = Math.floor(rng() * 3);
	const cells = Array.from({ length: size * size }, () => rng() < 0.5);
	const colour = pick(rng, COLOURS);
	return (ctx, x, y, side, m) => {
		if (kind === 0) {
			// A logo: rings and a monogram.
			ctx.strokeStyle = colour;
			ctx.lineWidth = side * 0.06;
			for (const k of [0.45, 0.3]) {
				ctx.beginPath();
				ctx.arc(x + side / 2, y + side / 2, side * k, 0, Math.PI * 2);
				ctx.stroke();
			}
			ctx.fillStyle = '#111';
			ctx.font = `700 ${Math.round(side * 0.28)}px sans-serif`;
			ctx.textAlign = 'center';
			ctx.textBaseline = 'middle';
			ctx.fillText('HW', x + side / 2, y + side / 2);
			ctx.textAlign = 'start';
			ctx.textBaseline = 'alphabetic';
			return;
		}
		// Random modules: a dotted pattern (kind 1), or finder patterns around noise (kind 2).
		ctx.fillStyle = '#111';
		for (let r = 0; r < size; r++)
			for (let c = 0; c < size; c++)
				if (cells[r * size + c]) ctx.fillRect(x + c * m, y + r * m, m, m);
		if (kind === 2) {
			for (const [fr, fc] of [
				[0, 0],
				[0, size - 7],
				[size - 7, 0]
			] as const) {
				ctx.fillStyle = '#fff';
				ctx.fillRect(x + (fc - 1) * m, y + (fr - 1) * m, 9 * m, 9 * m);
				ctx.fillStyle = '#111';
				ctx.fillRect(x + fc * m, y + fr * m, 7 * m, 7 * m);
				ctx.fillStyle = '#fff';
				ctx.fillRect(x + (fc + 1) * m, y + (fr + 1) * m, 5 * m, 5 * m);
				ctx.fillStyle = '#111';
				ctx.fillRect(x + (fc + 2) * m, y + (fr + 2) * m, 3 * m, 3 * m);
			}
		}
	};
}

/**
 * A badge, `m` px per module: returns its canvas (transparent outside the rounded card) and where
 * the code's symbol (`size` modules square, no quiet zone) sits on it.
 */
function drawBadge(
	rng: Rng,
	block: Block,
	size: number,
	m: number,
	name: [string, string],
	org: string
) {
	const quiet = 4 * m;
	const symbol = size * m;
	const width = Math.round((symbol + 2 * quiet) * between(rng, 1.12, 1.45));
	const header = Math.round(width * 0.2);
	const text = Math.round(width * 0.36);
	const footer = Math.round(width * 0.1);
	const height = header + text + symbol + 2 * quiet + footer;
	const canvas = canvasOf(width, height);
	const ctx = context(canvas);
	const colour = pick(rng, COLOURS);
	const radius = width * 0.05;
	ctx.beginPath();
	ctx.roundRect(0, 0, width, height, radius);
	ctx.clip();
	ctx.fillStyle = '#fdfdfb';
	ctx.fillRect(0, 0, width, height);
	ctx.fillStyle = colour;
	ctx.fillRect(0, 0, width, header);
	ctx.fillRect(0, height - footer, width, footer);
	// A punched lanyard slot.
	ctx.fillStyle = '#333';
	ctx.fillRect(width * 0.4, header * 0.12, width * 0.2, header * 0.1);
	ctx.fillStyle = '#fff';
	const pad = width * 0.07;
	const event = pick(rng, EVENTS);
	fitText(ctx, event, '700', header * 0.34, width - 2 * pad);
	ctx.fillText(event, pad, header * 0.78);
	ctx.fillStyle = '#111';
	fitText(ctx, name[0], '700', text * 0.34, width - 2 * pad);
	ctx.fillText(name[0], pad, header + text * 0.36);
	fitText(ctx, name[1], '600', text * 0.24, width - 2 * pad);
	ctx.fillText(name[1], pad, header + text * 0.64);
	ctx.fillStyle = '#444';
	fitText(ctx, org, '400', text * 0.15, width - 2 * pad);
	ctx.fillText(org, pad, header + text * 0.88);
	ctx.fillStyle = '#fff';
	const role = pick(rng, ROLES);
	fitText(ctx, role, '700', footer * 0.6, width - 2 * pad);
	ctx.fillText(role, pad, height - footer * 0.28);
	const x = Math.round((width - symbol) / 2);
	const y = header + text + quiet;
	block(ctx, x, y, symbol, m);
	return { canvas, qr: { x, y, side: symbol } };
}

/** A venue behind the badge: gradient, shapes, signage text, a lanyard. */
function drawBackground(rng: Rng, ctx: CanvasRenderingContext2D) {
	const grey = () => Math.round(between(rng, 30, 200));
	const gradient = ctx.createLinearGradient(0, 0, FRAME_WIDTH * rng(), FRAME_HEIGHT);
	gradient.addColorStop(0, `rgb(${grey()},${grey()},${grey()})`);
	gradient.addColorStop(1, `rgb(${grey()},${grey()},${grey()})`);
	ctx.fillStyle = gradient;
	ctx.fillRect(0, 0, FRAME_WIDTH, FRAME_HEIGHT);
	for (let i = 0; i < 14; i++) {
		ctx.fillStyle = `rgba(${grey()},${grey()},${grey()},${between(rng, 0.3, 0.9).toFixed(2)})`;
		const w = between(rng, 40, 500);
		const h = between(rng, 40, 400);
		if (rng() < 0.5)
			ctx.fillRect(between(rng, -100, FRAME_WIDTH), between(rng, -100, FRAME_HEIGHT), w, h);
		else {
			ctx.beginPath();
			ctx.ellipse(
				rng() * FRAME_WIDTH,
				rng() * FRAME_HEIGHT,
				w / 2,
				h / 2,
				rng() * 3,
				0,
				Math.PI * 2
			);
			ctx.fill();
		}
	}
	for (let i = 0; i < 4; i++) {
		ctx.fillStyle = rng() < 0.5 ? '#f4f4f4' : '#161616';
		ctx.font = `600 ${Math.round(between(rng, 14, 48))}px sans-serif`;
		ctx.fillText(
			pick(rng, ['Room B · Track 2', 'Welcome', 'Coffee ☕', 'Sponsors', 'Exit →']),
			rng() * FRAME_WIDTH,
			rng() * FRAME_HEIGHT
		);
	}
	ctx.fillStyle = pick(rng, COLOURS);
	ctx.fillRect(FRAME_WIDTH / 2 - 18 + between(rng, -40, 40), 0, 36, FRAME_HEIGHT / 2);
}

/** Copies the badge onto the frame through the homography (inverse mapping, bilinear). */
function warp(frame: ImageData, badge: ImageData, toFrame: Mat3) {
	const toBadge = invert(toFrame);
	const corners = [
		[0, 0],
		[badge.width, 0],
		[0, badge.height],
		[badge.width, badge.height]
	].map(([x, y]) => apply(toFrame, x!, y!));
	const x0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[0]))));
	const x1 = Math.min(frame.width, Math.ceil(Math.max(...corners.map((c) => c[0]))));
	const y0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[1]))));
	const y1 = Math.min(frame.height, Math.ceil(Math.max(...corners.map((c) => c[1]))));
	const src = badge.data;
	const dst = frame.data;
	const bw = badge.width;
	const bh = badge.height;
	const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = toBadge;
	for (let y = y0; y < y1; y++) {
		for (let x = x0; x < x1; x++) {
			const px = x + 0.5;
			const py = y + 0.5;
			const w = h6 * px + h7 * py + h8;
			const u = (h0 * px + h1 * py + h2) / w - 0.5;
			const v = (h3 * px + h4 * py + h5) / w - 0.5;
			if (u < -0.5 || v < -0.5 || u > bw - 0.5 || v > bh - 0.5) continue;
			const ux = Math.min(bw - 1, Math.max(0, Math.floor(u)));
			const vy = Math.min(bh - 1, Math.max(0, Math.floor(v)));
			const ux1 = Math.min(bw - 1, ux + 1);
			const vy1 = Math.min(bh - 1, vy + 1);
			const fx = Math.min(1, Math.max(0, u - ux));
			const fy = Math.min(1, Math.max(0, v - vy));
			const i00 = (vy * bw + ux) * 4;
			const i10 = (vy * bw + ux1) * 4;
			const i01 = (vy1 * bw + ux) * 4;
			const i11 = (vy1 * bw + ux1) * 4;
			const k00 = (1 - fx) * (1 - fy);
			const k10 = fx * (1 - fy);
			const k01 = (1 - fx) * fy;
			const k11 = fx * fy;
			const alpha =
				(src[i00 + 3]! * k00 + src[i10 + 3]! * k10 + src[i01 + 3]! * k01 + src[i11 + 3]! * k11) /
				255;
			if (alpha <= 0) continue;
			const o = (y * frame.width + x) * 4;
			for (let ch = 0; ch < 3; ch++) {
				// Premultiplied by each texel's own alpha, so the card's edge does not darken.
				const value =
					(src[i00 + ch]! * src[i00 + 3]! * k00 +
						src[i10 + ch]! * src[i10 + 3]! * k10 +
						src[i01 + ch]! * src[i01 + 3]! * k01 +
						src[i11 + ch]! * src[i11 + 3]! * k11) /
					255;
				dst[o + ch] = value + dst[o + ch]! * (1 - alpha);
			}
		}
	}
}

let noiseField: Float32Array | undefined;

/** Unit-variance noise, the same on every run; each frame reads it from its own offset. */
function noise(): Float32Array {
	if (noiseField) return noiseField;
	const rng = seededRng(0x5eed);
	const field = new Float32Array(FRAME_WIDTH * FRAME_HEIGHT + 65536);
	// Sum of four uniforms: close enough to Gaussian, variance 1/3, so scale by sqrt(3).
	for (let i = 0; i < field.length; i++)
		field[i] = (rng() + rng() + rng() + rng() - 2) * Math.sqrt(3);
	noiseField = field;
	return field;
}

function fnv1a(data: Uint8ClampedArray, step: number): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < data.length; i += step) hash = Math.imul(hash ^ data[i]!, 0x01000193);
	return (hash >>> 0).toString(16).padStart(8, '0');
}

function toBlob(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob> {
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))),
			type,
			quality
		)
	);
}

const ECLS: QRCodeErrorCorrectionLevel[] = ['L', 'M', 'M', 'M', 'Q'];
const deg = (d: number) => (d * Math.PI) / 180;

/** Draws sample `index` of the corpus drawn from `seed` (SEED for the measured corpus). */
export async function drawSample(seed: number, index: number): Promise<Sample> {
	const rng = seededRng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
	const blank = isBlank(index);
	const card = badgeCard(rng);
	const ecl = pick(rng, ECLS);
	const qr = create(card.text, { errorCorrectionLevel: ecl });
	const size = qr.modules.size;
	const truth = blank ? null : card.text;
	const block = blank ? decoyBlock(rng, size) : qrBlock(qr.modules);
	const who = blank ? person(rng) : card.person;

	// Geometry: the code's symbol spans 38-85 % of the scan box before rotation and tilt.
	const rotation = deg(between(rng, -25, 25));
	const tilted = rng() < 0.5;
	const tiltX = tilted ? deg(between(rng, -25, 25)) : 0;
	const tiltY = tilted ? deg(between(rng, -35, 35)) : 0;
	const targetSide = BOX * between(rng, 0.38, 0.85);
	const m = Math.max(1, Math.round(targetSide / size));
	const badge = drawBadge(rng, block, size, m, [who.given, who.family], who.org);
	const qx = badge.qr.x + badge.qr.side / 2;
	const qy = badge.qr.y + badge.qr.side / 2;
	const margin = 2 * m;
	const qrCorners = [
		[badge.qr.x - margin, badge.qr.y - margin],
		[badge.qr.x + badge.qr.side + margin, badge.qr.y - margin],
		[badge.qr.x - margin, badge.qr.y + badge.qr.side + margin],
		[badge.qr.x + badge.qr.side + margin, badge.qr.y + badge.qr.side + margin]
	];
	const extent = (scale: number) => {
		const h = homography(qx, qy, scale, rotation, tiltX, tiltY, 0, 0);
		const points = qrCorners.map(([x, y]) => apply(h, x!, y!));
		const xs = points.map((p) => p[0]);
		const ys = points.map((p) => p[1]);
		return {
			left: -Math.min(...xs),
			right: Math.max(...xs),
			top: -Math.min(...ys),
			bottom: Math.max(...ys)
		};
	};
	// Shrink until the code (and 2 modules around it) fits in the scan box, 4 px inside.
	const half = BOX / 2 - 4;
	let scale = targetSide / (size * m);
	let e = extent(scale);
	while (Math.max(e.left, e.right, e.top, e.bottom) > half) {
		scale *= (0.99 * half) / Math.max(e.left, e.right, e.top, e.bottom);
		e = extent(scale);
	}
	// Off-centre within the box, as far as the code still fits.
	const cx = FRAME_WIDTH / 2 + between(rng, -(half - e.left), half - e.right);
	const cy = FRAME_HEIGHT / 2 + between(rng, -(half - e.top), half - e.bottom);

	const frame = canvasOf(FRAME_WIDTH, FRAME_HEIGHT);
	const ctx = context(frame);
	drawBackground(rng, ctx);
	const pixels = ctx.getImageData(0, 0, FRAME_WIDTH, FRAME_HEIGHT);
	const badgePixels = context(badge.canvas).getImageData(
		0,
		0,
		badge.canvas.width,
		badge.canvas.height
	);
	warp(pixels, badgePixels, homography(qx, qy, scale, rotation, tiltX, tiltY, cx, cy));
	ctx.putImageData(pixels, 0, 0);

	const effects: string[] = [];
	if (rng() < 0.2) {
		// Glare: a blown-out highlight from the venue lights, near the code.
		const side = badge.qr.side * scale;
		const gx = cx + between(rng, -0.4, 0.4) * side;
		const gy = cy + between(rng, -0.4, 0.4) * side;
		const radius = between(rng, 0.3, 0.8) * side;
		const glare = ctx.createRadialGradient(gx, gy, 0, gx, gy, radius);
		glare.addColorStop(0, `rgba(255,255,255,${between(rng, 0.5, 0.92).toFixed(2)})`);
		glare.addColorStop(1, 'rgba(255,255,255,0)');
		ctx.fillStyle = glare;
		ctx.fillRect(0, 0, FRAME_WIDTH, FRAME_HEIGHT);
		effects.push('glare');
	}
	const filters: string[] = [];
	if (rng() < 0.4) {
		filters.push(`blur(${between(rng, 0.3, 1.8).toFixed(2)}px)`);
		effects.push('blur');
	}
	if (rng() < 0.25) {
		filters.push(`contrast(${between(rng, 0.35, 0.7).toFixed(2)})`);
		effects.push('low contrast');
	}
	if (rng() < 0.25) {
		filters.push(`brightness(${between(rng, 0.55, 0.85).toFixed(2)})`);
		effects.push('dim');
	}
	if (filters.length > 0) {
		const copy = canvasOf(FRAME_WIDTH, FRAME_HEIGHT);
		context(copy).drawImage(frame, 0, 0);
		ctx.filter = filters.join(' ');
		ctx.drawImage(copy, 0, 0);
		ctx.filter = 'none';
	}
	if (rng() < 0.4) {
		const sigma = between(rng, 3, 14);
		const field = noise();
		const offset = Math.floor(rng() * 65536);
		const image = ctx.getImageData(0, 0, FRAME_WIDTH, FRAME_HEIGHT);
		const data = image.data;
		for (let p = 0, i = 0; i < data.length; p++, i += 4) {
			const n = field[p + offset]! * sigma;
			data[i] = data[i]! + n;
			data[i + 1] = data[i + 1]! + n;
			data[i + 2] = data[i + 2]! + n;
		}
		ctx.putImageData(image, 0, 0);
		effects.push('noise');
	}
	if (rng() < 0.8) {
		const quality = between(rng, 0.4, 0.9);
		const bitmap = await createImageBitmap(await toBlob(frame, 'image/jpeg', quality));
		ctx.drawImage(bitmap, 0, 0);
		bitmap.close();
		effects.push('jpeg');
	}
	if (tilted) effects.push('tilt');

	return {
		frame,
		meta: {
			index,
			truth,
			bytes: utf8Length(card.text),
			version: qr.version,
			modules: size,
			ecl,
			modulePx: scale * m,
			rotation: Math.round((rotation * 180) / Math.PI),
			tilt: Math.round((Math.max(Math.abs(tiltX), Math.abs(tiltY)) * 180) / Math.PI),
			effects,
			fingerprint: fnv1a(ctx.getImageData(0, 0, FRAME_WIDTH, FRAME_HEIGHT).data, 7)
		}
	};
}
