/**
 * Progressive rendering for long lists whose rows differ in height (the agenda): the first rows
 * render at once, the rest follow in chunks between frames, so the first screen paints quickly
 * and the page stays responsive while the remainder is added. Every row ends up in the DOM, so
 * find in page, keyboard order and scroll positions behave as in a plain list.
 */
export class Progressive {
	#limit = $state(0);
	readonly #first: number;
	readonly #chunk: number;
	#total = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#frame = 0;

	constructor(first = 40, chunk = 120) {
		this.#first = first;
		this.#chunk = chunk;
		this.#limit = first;
	}

	/** How many rows to render now. */
	get limit(): number {
		return this.#limit;
	}

	/**
	 * Starts again from the first rows (a new day or filter) and grows to `total` in chunks.
	 * Returns the function that stops growing (an effect's cleanup).
	 */
	restart(total: number): () => void {
		this.stop();
		this.#total = total;
		this.#limit = this.#first;
		this.#grow();
		return () => this.stop();
	}

	/** Keeps growing towards a new total without starting over (the rows changed, e.g. a star). */
	extend(total: number): void {
		this.#total = total;
		if (!this.#timer && !this.#frame) this.#grow();
	}

	stop(): void {
		if (this.#timer) clearTimeout(this.#timer);
		if (this.#frame) cancelAnimationFrame(this.#frame);
		this.#timer = undefined;
		this.#frame = 0;
	}

	#grow() {
		if (this.#limit >= this.#total) return;
		// After the next paint, then in a task of its own: input and painting come first.
		this.#frame = requestAnimationFrame(() => {
			this.#frame = 0;
			this.#timer = setTimeout(() => {
				this.#timer = undefined;
				this.#limit = Math.min(this.#total, this.#limit + this.#chunk);
				this.#grow();
			});
		});
	}
}
