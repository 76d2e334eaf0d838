/**
 * Storage persistence and quota. Without persistence the browser may evict IndexedDB under storage
 * pressure; Settings shows the state and how to fix it.
 */

export interface StorageStatus {
	/** Bytes used by this origin, when the browser says. */
	usage?: number;
	quota?: number;
	/** undefined when the browser cannot tell. */
	persisted?: boolean;
}

/** Reads usage, quota and persistence; fields the browser cannot report stay undefined. */
export async function getStorageStatus(): Promise<StorageStatus> {
	const storage = globalThis.navigator?.storage;
	if (!storage) return {};
	const [estimate, persisted] = await Promise.all([
		storage.estimate ? storage.estimate() : Promise.resolve(undefined),
		storage.persisted ? storage.persisted() : Promise.resolve(undefined)
	]);
	return { usage: estimate?.usage, quota: estimate?.quota, persisted };
}

/** Asks for persistence now (the Settings button); resolves to the browser's answer. */
export async function requestPersistence(): Promise<boolean> {
	const storage = globalThis.navigator?.storage;
	if (!storage?.persist) return false;
	return storage.persist();
}

/** "1.2 MB" style, for people rather than programs. */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
