// Serves the production build (build/) as a static site that honours the SPA fallback:
// prerendered screens by name (/people → people.html), everything else unknown → 200.html.
// `vite preview` does not serve adapter-static's fallback, so the service worker could not
// precache it and never installed. Usage: node scripts/serve.js [--dir build] [--port 4173]
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import sirv from 'sirv';

/**
 * A request handler for one build directory.
 * @param {string} dir
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function staticApp(dir) {
	const assets = sirv(dir, {
		etag: true,
		// The build is precompressed (svelte.config.js): serve its .br/.gz twin when the browser
		// accepts it, so a first visit over a slow connection downloads about a third of the bytes.
		brotli: true,
		gzip: true,
		extensions: ['html'],
		single: '200.html',
		setHeaders(res, pathname) {
			// Hashed bundles never change; everything else is revalidated so updates show up.
			res.setHeader(
				'Cache-Control',
				pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
			);
			if (pathname === '/service-worker.js') res.setHeader('Service-Worker-Allowed', '/');
			if (pathname.endsWith('.webmanifest'))
				res.setHeader('Content-Type', 'application/manifest+json');
			res.setHeader('X-Content-Type-Options', 'nosniff');
			res.setHeader('Referrer-Policy', 'no-referrer');
			// The page's own CSP arrives in a <meta> tag; framing can only be refused by a header.
			res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
		}
	});
	return (req, res) => assets(req, res);
}

/**
 * @param {string} name
 * @param {string} fallback
 * @returns {string}
 */
function arg(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return process.argv[i + 1] && i > -1 ? (process.argv[i + 1] ?? fallback) : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const dir = resolve(arg('dir', 'build'));
	const port = Number(arg('port', process.env.PORT ?? '4173'));
	const host = arg('host', process.env.HOST ?? 'localhost');
	if (!existsSync(resolve(dir, '200.html'))) {
		console.error(`No build in ${dir}: run \`npm run build\` first (or \`npm start\`).`);
		process.exit(1);
	}
	const server = createServer(staticApp(dir));
	server.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
		console.error(
			error.code === 'EADDRINUSE'
				? `Port ${port} is already in use: stop the other server or pass --port N.`
				: `Could not start the server: ${error.message}`
		);
		process.exit(1);
	});
	server.listen(port, host, () => console.log(`Hallway is running at http://localhost:${port}`));
}
