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
 * An Html5Qrcode for QR codes. It runs the camera and draws the viewfinder and scan box.
 *
 * With `ownLoop`, it never decodes: the app's scan loop (scanner-loop.ts) reads each frame at
 * the camera's resolution. html5-qrcode 2.3.8 (its last release) decodes the scan box copied at
 * its CSS size, which `npm run bench` measured reading 17.5 % of badge frames in a landscape
 * stream and 84 % upright, where the same decoder at capture resolution reads 94 %. Its decode
 * loop (the private `foreverScan`, started when the video plays) is replaced by a no-op.
 *
 * Without it (no BarcodeDetector could be loaded), html5-qrcode decodes with its bundled ZXing-js.
 */
export function createScanner(elementId: string, ownLoop: boolean): Html5Qrcode {
	const scanner = new Html5Qrcode(elementId, {
		verbose: false,
		formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
		useBarCodeDetectorIfSupported: false
	});
	if (ownLoop) (scanner as unknown as { foreverScan: () => void }).foreverScan = () => {};
	return scanner;
}
