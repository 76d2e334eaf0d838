/**
 * Reactive reads from IndexedDB. Dexie's liveQuery re-runs a query whenever a table it read
 * changes; these classes hold its latest result in runes.
 *
 * - Nothing subscribes during prerendering (effects and onMount never run on the server), so the
 *   build never touches IndexedDB; until the first result `loading` is true and screens show a
 *   skeleton rather than an empty message.
 * - Svelte drops observable errors, so failures are kept in `error` for the screen to show.
 */
import { liveQuery } from 'dexie';

/** The latest result of a live query, fed by follow(). */
export class LiveValue<T> {
	#value = $state.raw<T | undefined>(undefined);
	#error = $state.raw<Error | undefined>(undefined);
	#loaded = $state(false);

	/** Subscribes to a querier; returns the function that unsubscribes. */
	follow(querier: () => T | Promise<T>): () => void {
		const subscription = liveQuery(querier).subscribe({
			next: (value) => {
				this.#value = value;
				this.#error = undefined;
				this.#loaded = true;
			},
			error: (error: unknown) => {
				this.#error = error instanceof Error ? error : new Error(String(error));
				this.#loaded = true;
			}
		});
		return () => subscription.unsubscribe();
	}

	/** The latest result; undefined until the first one arrives. */
	get current(): T | undefined {
		return this.#value;
	}

	/** True until the first result (or error) arrives. */
	get loading(): boolean {
		return !this.#loaded;
	}

	/** The last failure, e.g. storage blocked in a private window. */
	get error(): Error | undefined {
		return this.#error;
	}
}

/**
 * A live query owned by a component. Create it while the component initialises. The factory runs
 * inside an effect: reactive values it reads (a search term, an id) resubscribe when they change.
 * It returns the querier, which reads only from Dexie.
 */
export class Live<T> extends LiveValue<T> {
	constructor(factory: () => () => T | Promise<T>) {
		super();
		$effect(() => this.follow(factory()));
	}
}

/**
 * A live query shared by the whole app, started once in the browser (the root layout calls
 * start() on mount): one subscription instead of one per component, since liveQuery is cold.
 */
export class SharedLive<T> extends LiveValue<T> {
	#started = false;
	readonly #querier: () => T | Promise<T>;

	constructor(querier: () => T | Promise<T>) {
		super();
		this.#querier = querier;
	}

	start(): void {
		if (this.#started) return;
		this.#started = true;
		this.follow(this.#querier);
	}
}
