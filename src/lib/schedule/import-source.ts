/**
 * Getting an agenda's text: from a picked file or a URL the user typed, with progress, and a size
 * cap so a wrong file can't freeze the phone. Browser only (FileReader, fetch). Errors are thrown
 * as ImportSourceError with a message for the user.
 */

/** Real agendas are well under this (1,000 sessions of pretalx JSON is about 2 MB). */
export const MAX_AGENDA_BYTES = 15 * 1024 * 1024;

export class ImportSourceError extends Error {
	override name = 'ImportSourceError';
}

function tooLarge(bytes: number): ImportSourceError {
	const mb = (bytes / 1024 / 1024).toFixed(0);
	return new ImportSourceError(
		`This file is ${mb} MB, too large for an agenda (the limit is 15 MB). Check that it's the schedule export.`
	);
}

/** Reads a picked file as UTF-8 text, reporting progress from 0 to 1. */
export function readAgendaFile(
	file: File,
	onProgress: (fraction: number) => void
): Promise<string> {
	if (file.size > MAX_AGENDA_BYTES) return Promise.reject(tooLarge(file.size));
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onprogress = (e) => {
			if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
		};
		reader.onload = () => {
			onProgress(1);
			resolve(typeof reader.result === 'string' ? reader.result : '');
		};
		reader.onerror = () =>
			reject(new ImportSourceError(`Couldn't read ${file.name}: ${reader.error?.message ?? ''}`));
		reader.readAsText(file, 'utf-8');
	});
}

/**
 * Downloads an agenda from an http(s) URL. The one request Hallway sends to another origin, and
 * only when the user asks. Refuses other schemes; explains CORS refusals and offline state.
 */
export async function fetchAgenda(
	address: string,
	onProgress: (fraction: number) => void
): Promise<{ text: string; fileName: string }> {
	let url: URL;
	try {
		url = new URL(address.trim());
	} catch {
		throw new ImportSourceError("That isn't a web address. It should start with https://");
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new ImportSourceError('Only web addresses (https://…) can be fetched.');
	if (typeof navigator !== 'undefined' && navigator.onLine === false)
		throw new ImportSourceError(
			"You're offline. Download the file when you have a connection, or pick a file you already have."
		);
	let response: Response;
	try {
		response = await fetch(url, { credentials: 'omit', redirect: 'follow' });
	} catch {
		throw new ImportSourceError(
			`${url.host} didn't let Hallway fetch the file (it may not allow apps to download it, or it can't be reached). Open the address in your browser, download the file and pick it here instead.`
		);
	}
	if (!response.ok)
		throw new ImportSourceError(
			`${url.host} answered "${response.status} ${response.statusText}". Check the address, or download the file and pick it here.`
		);
	const total = Number(response.headers.get('content-length') ?? 0);
	if (total > MAX_AGENDA_BYTES) throw tooLarge(total);
	const reader = response.body?.getReader();
	if (!reader) return { text: await response.text(), fileName: fileNameOf(url) };
	const chunks: Uint8Array[] = [];
	let received = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		received += value.length;
		if (received > MAX_AGENDA_BYTES) {
			await reader.cancel();
			throw tooLarge(received);
		}
		if (total > 0) onProgress(received / total);
	}
	onProgress(1);
	const bytes = new Uint8Array(received);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.length;
	}
	return { text: new TextDecoder().decode(bytes), fileName: fileNameOf(url) };
}

function fileNameOf(url: URL): string {
	return decodeURIComponent(url.pathname.split('/').pop() ?? '') || url.host;
}
