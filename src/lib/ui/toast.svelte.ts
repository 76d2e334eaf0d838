/**
 * Short, polite notices ("Saved", "Ana Lima added — Undo"). One queue for the app; the layout
 * renders it in a live region so screen readers hear it.
 */

export interface Toast {
	id: number;
	message: string;
	action?: { label: string; run: () => void | Promise<void> };
}

class Toasts {
	items = $state.raw<Toast[]>([]);
	#next = 1;

	/** Shows a message for `ms` milliseconds (longer when it carries an action). */
	show(message: string, options: { action?: Toast['action']; ms?: number } = {}): number {
		const id = this.#next++;
		this.items = [...this.items, { id, message, action: options.action }];
		setTimeout(() => this.dismiss(id), options.ms ?? (options.action ? 8000 : 4000));
		return id;
	}

	dismiss(id: number): void {
		this.items = this.items.filter((t) => t.id !== id);
	}
}

export const toasts = new Toasts();
