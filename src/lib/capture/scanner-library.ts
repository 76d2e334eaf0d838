/**
 * The parts of html5-qrcode the Scan screen uses, imported from their own modules rather than the
 * package index: the index also pulls in Html5QrcodeScanner, the library's ready-made widget with
 * its UI strings and images, which Hallway replaces with its own screen. Loaded on demand only.
 */
import { Html5Qrcode } from 'html5-qrcode/esm/html5-qrcode';
import { Html5QrcodeSupportedFormats } from 'html5-qrcode/esm/core';

export { Html5Qrcode, Html5QrcodeSupportedFormats };
export { Html5QrcodeScannerState } from 'html5-qrcode/esm/state-manager';

/**
 * An Html5Qrcode for QR codes. Construct it after ensureBarcodeDetector(): html5-qrcode picks its
 * decoder in the constructor. With a detector, every frame goes to it: html5-qrcode 2.3.8 (its
 * last release) otherwise alternates frames between the detector and its bundled ZXing-js, which
 * `npm run bench` measured reading 29.5 % of badge frames where zxing-wasm reads 84 %, and never a
 * frame zxing-wasm missed. The alternate decoder lives in a private field of its decoder shim.
 */
export function createScanner(elementId: string, useDetector: boolean): Html5Qrcode {
	const scanner = new Html5Qrcode(elementId, {
		verbose: false,
		formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
		useBarCodeDetectorIfSupported: useDetector
	});
	const shim = (scanner as unknown as { qrcode?: { secondaryDecoder?: unknown } }).qrcode;
	if (useDetector && shim?.secondaryDecoder) shim.secondaryDecoder = undefined;
	return scanner;
}
