/**
 * Asking for persistent storage on the first write. Kept apart from storage.ts (quota and status,
 * which only Settings reads) because the database module, loaded by every screen, needs just this.
 */

let asked = false;

/**
 * Asks once per page load for persistent storage. Safe where the Storage API is missing (older
 * Safari, Node tests): it does nothing. The answer is read back by getStorageStatus().
 */
export function requestPersistenceOnce(): void {
	if (asked) return;
	asked = true;
	const storage = globalThis.navigator?.storage;
	if (!storage?.persist) return;
	storage.persist().catch(() => {
		// A refusal is a normal answer; Settings shows "not persisted" with what to do.
	});
}
