// Draws Hallway's app icons as PNGs with nothing but Node (zlib for the PNG stream), so the icons
// are reproducible from this file: `node scripts/make-icons.js` rewrites static/icons/.
// The mark: two overlapping circles — two people meeting — on the accent green.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const ACCENT = [11, 110, 79];
const LIGHT = [255, 255, 255];
const SOFT = [170, 226, 203];

const crcTable = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(buf) {
	let c = 0xffffffff;
	for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'ascii');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
	return Buffer.concat([head, data, crc]);
}

function png(size, pixel) {
	const raw = Buffer.alloc((size * 4 + 1) * size);
	for (let y = 0; y < size; y++) {
		raw[y * (size * 4 + 1)] = 0;
		for (let x = 0; x < size; x++) {
			// 4× supersampling for smooth edges.
			let acc = [0, 0, 0, 0];
			for (const [dx, dy] of [
				[0.25, 0.25],
				[0.75, 0.25],
				[0.25, 0.75],
				[0.75, 0.75]
			]) {
				const p = pixel((x + dx) / size, (y + dy) / size);
				acc = acc.map((v, i) => v + p[i]);
			}
			const o = y * (size * 4 + 1) + 1 + x * 4;
			for (let i = 0; i < 4; i++) raw[o + i] = Math.round(acc[i] / 4);
		}
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr[8] = 8;
	ihdr[9] = 6;
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

/** The mark, in a unit square; `scale` shrinks it towards the centre (maskable safe zone). */
function mark(u, v, scale) {
	const x = (u - 0.5) / scale + 0.5;
	const y = (v - 0.5) / scale + 0.5;
	const inA = (x - 0.4) ** 2 + (y - 0.5) ** 2 < 0.2 ** 2;
	const inB = (x - 0.6) ** 2 + (y - 0.5) ** 2 < 0.2 ** 2;
	if (inA && inB) return SOFT;
	if (inA || inB) return LIGHT;
	return undefined;
}

function roundedSquare(u, v) {
	const r = 0.22;
	const dx = Math.max(r - u, u - (1 - r), 0);
	const dy = Math.max(r - v, v - (1 - r), 0);
	return dx * dx + dy * dy <= r * r;
}

const any = (u, v) => {
	if (!roundedSquare(u, v)) return [0, 0, 0, 0];
	return [...(mark(u, v, 1) ?? ACCENT), 255];
};
// Maskable: full bleed, the mark inside the central 80 % safe zone.
const maskable = (u, v) => [...(mark(u, v, 0.72) ?? ACCENT), 255];

const out = new URL('../static/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('icon-192.png', out), png(192, any));
writeFileSync(new URL('icon-512.png', out), png(512, any));
writeFileSync(new URL('maskable-512.png', out), png(512, maskable));
writeFileSync(new URL('apple-touch-icon.png', out), png(180, maskable));
writeFileSync(
	new URL('favicon.svg', out),
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="22" fill="rgb(${ACCENT})"/><circle cx="40" cy="50" r="20" fill="#fff"/><circle cx="60" cy="50" r="20" fill="#fff"/><path d="M50 33.4a20 20 0 0 1 0 33.2a20 20 0 0 1 0-33.2z" fill="rgb(${SOFT})"/></svg>\n`
);
console.log('icons written to static/icons/');
