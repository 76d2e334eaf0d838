// Builds the scan bench's harness page (index.html + main.ts). The app's decode path is bundled
// from src/lib/capture as the app bundles it, so zxing-wasm's .wasm is emitted next to the page
// and fetched from it (no CDN). `npm run bench` builds it into a temporary directory; to look at
// it by hand: `npx vite --config scripts/bench-scan/vite.config.js` and open the page.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
	root: here,
	base: '/',
	logLevel: 'warn',
	server: {
		port: 5199,
		strictPort: true,
		fs: { allow: [fileURLToPath(new URL('../..', import.meta.url))] }
	},
	build: {
		target: 'es2022',
		reportCompressedSize: false,
		chunkSizeWarningLimit: 4096
	}
});
