/**
 * QR codes as a fake camera sees them, made at test time (nothing generated is committed).
 *
 * Chromium's fake capture device plays a Y4M file in a loop (--use-file-for-fake-video-capture).
 * Each code is drawn from the `qrcode` package's module matrix: black modules on white with the
 * standard four-module quiet zone, centred on a grey background (a lanyard card held up to the
 * camera), sized to sit well inside the Scan screen's scan frame.
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';

/** The default frame size: a 4:3 landscape webcam. */
export const VIDEO_WIDTH = 640;
export const VIDEO_HEIGHT = 480;

const QUIET_ZONE = 4;
const BLACK = 16;
const WHITE = 235;
const BACKGROUND = 110;
/** Chroma planes at their neutral value: a grey-scale picture. */
const NEUTRAL_CHROMA = 128;

/** Where generated files go: under .tmp/ (git-ignored), one directory per call. */
const ROOT = join(import.meta.dirname, '..', '..', '..', '.tmp', 'e2e');

export interface QrVideoOptions {
	/** Frames per second written in the header. */
	fps?: number;
	/** How many frames each code is shown for before the next one. */
	framesPerCode?: number;
	/** The side of the code, quiet zone included, in video pixels (rounded down to whole modules). */
	codeSize?: number;
	/** The frame size in pixels (even numbers); 640×480 unless given. */
	width?: number;
	height?: number;
}

/** The luma plane of one frame showing `text` as a QR code (error correction M). */
function lumaFrame(text: string, codeSize: number, width: number, height: number): Buffer {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const cells = modules.size + 2 * QUIET_ZONE;
	const scale = Math.max(1, Math.floor(codeSize / cells));
	const side = cells * scale;
	if (side > Math.min(width, height))
		throw new Error(`A ${modules.size}-module code does not fit the frame at ${scale} px/module.`);
	const left = Math.floor((width - side) / 2);
	const top = Math.floor((height - side) / 2);
	const luma = Buffer.alloc(width * height, BACKGROUND);
	for (let y = 0; y < side; y++) {
		const row = Math.floor(y / scale) - QUIET_ZONE;
		for (let x = 0; x < side; x++) {
			const col = Math.floor(x / scale) - QUIET_ZONE;
			const inside = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
			const dark = inside && modules.get(row, col) === 1;
			luma[(top + y) * width + left + x] = dark ? BLACK : WHITE;
		}
	}
	return luma;
}

/** A generated video and the way to delete it. */
export interface QrVideo {
	path: string;
	remove: () => void;
}

/**
 * Writes a Y4M video (640×480 unless told, 4:2:0) showing each text as a QR code in turn, `framesPerCode`
 * frames each; Chromium loops it. One code needs one frame (~460 KB); for several, keep the fps
 * low so each code stays in view long enough without a large file.
 */
export function writeQrVideo(texts: string[], options: QrVideoOptions = {}): QrVideo {
	const {
		fps = 5,
		framesPerCode = texts.length > 1 ? 8 : 1,
		codeSize = 300,
		width = VIDEO_WIDTH,
		height = VIDEO_HEIGHT
	} = options;
	mkdirSync(ROOT, { recursive: true });
	const dir = mkdtempSync(join(ROOT, 'qr-video-'));
	const path = join(dir, 'badges.y4m');
	const chroma = Buffer.alloc((width / 2) * (height / 2), NEUTRAL_CHROMA);
	const file = openSync(path, 'w');
	try {
		writeSync(file, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
		for (const text of texts) {
			const luma = lumaFrame(text, codeSize, width, height);
			for (let i = 0; i < framesPerCode; i++) {
				writeSync(file, 'FRAME\n');
				writeSync(file, luma);
				writeSync(file, chroma);
				writeSync(file, chroma);
			}
		}
	} finally {
		closeSync(file);
	}
	return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A PNG photo of `text` as a QR code, as a phone camera roll would hand it over. */
export function qrPng(text: string): Promise<Buffer> {
	return QRCode.toBuffer(text, { errorCorrectionLevel: 'M', margin: QUIET_ZONE, width: 900 });
}
