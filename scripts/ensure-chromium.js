// Makes sure the browser tests have Chromium: Debian's package, never a downloaded build.
// Installs it with apt when running as root and it is missing; otherwise says in one line what to do.
import { execFileSync } from 'node:child_process';
import { findChromium } from './chromium.js';

let found = findChromium();
if (!found && process.getuid?.() === 0 && process.platform === 'linux') {
	console.log('Chromium not found: installing Debian’s chromium package with apt-get…');
	try {
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
	} catch {
		// Reported below in one line.
	}
	found = findChromium();
}
if (!found) {
	console.error(
		'Browser tests need Chromium: run `sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium executable) and try again.'
	);
	process.exit(1);
}
console.log(`Browser tests use ${found}`);
