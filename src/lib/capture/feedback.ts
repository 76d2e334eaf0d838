/**
 * The "got it" a scan gives: a short vibration where the device has one, and a short beep the user
 * can turn off (the scanSound setting). Both are best effort: a browser that refuses either (no
 * vibration motor, audio blocked until the user has interacted) simply stays quiet.
 */

let audio: AudioContext | undefined;

function beep(): void {
	const Context = globalThis.AudioContext;
	if (!Context) return;
	// One context for the page: browsers cap how many can exist, and creating one is slow.
	audio ??= new Context();
	const context = audio;
	if (context.state === 'suspended') void context.resume().catch(() => undefined);
	const start = context.currentTime + 0.01;
	const tone = context.createOscillator();
	const volume = context.createGain();
	tone.type = 'sine';
	tone.frequency.value = 1320;
	// A fast attack and decay: without the ramp the tone starts and ends with a click.
	volume.gain.setValueAtTime(0.0001, start);
	volume.gain.exponentialRampToValueAtTime(0.25, start + 0.01);
	volume.gain.exponentialRampToValueAtTime(0.0001, start + 0.12);
	tone.connect(volume).connect(context.destination);
	tone.start(start);
	tone.stop(start + 0.13);
}

/**
 * Signals a successful scan: vibrates for 60 ms where supported and, when `sound` is true, plays a
 * 120 ms beep through WebAudio. Never throws.
 */
export function scanFeedback(options: { sound: boolean }): void {
	try {
		navigator.vibrate?.(60);
	} catch {
		// Some browsers throw instead of returning false when vibration is not allowed.
	}
	if (!options.sound) return;
	try {
		beep();
	} catch {
		// No audio output (or audio disabled by policy): the vibration and the toast remain.
	}
}
