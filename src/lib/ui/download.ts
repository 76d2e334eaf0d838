/** Saves text as a file through the browser's download (works offline: no request is made). */
export function downloadText(fileName: string, text: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.click();
	// Revoke later: some browsers start reading the blob only after the click handler returns.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name people and file systems both accept: "Ana Lima.vcf"; `fallback` when empty. */
export function safeFileName(base: string, extension: string, fallback = 'hallway'): string {
	const clean = base
		.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 80);
	return `${clean || fallback}.${extension}`;
}
