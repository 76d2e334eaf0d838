/**
 * A text setting edited in place and saved as it is typed (debounced, flushed on blur and when the
 * component goes away), so nothing typed is lost to a reload. Storage failures are shown.
 */
import { getSetting, setSetting } from './settings.repo';

type TextKey = 'myIntro' | 'myName';

export class TypedSetting {
	value = $state('');
	loaded = $state(false);
	status = $state<'idle' | 'saving' | 'saved' | 'failed'>('idle');
	#timer: ReturnType<typeof setTimeout> | undefined;
	readonly #key: TextKey;

	constructor(key: TextKey) {
		this.#key = key;
	}

	/** Reads the stored value (call from onMount; returns the cleanup that flushes). */
	load(): () => void {
		getSetting(this.#key).then(
			(value) => {
				this.value = value ?? '';
				this.loaded = true;
			},
			() => {
				this.status = 'failed';
				this.loaded = true;
			}
		);
		return () => this.flush();
	}

	/** Call on every input: saves 400 ms after typing stops. */
	changed(): void {
		this.status = 'saving';
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.flush(), 400);
	}

	/** Saves now if anything is pending. */
	flush(): void {
		if (!this.#timer) return;
		clearTimeout(this.#timer);
		this.#timer = undefined;
		setSetting(this.#key, this.value.trim()).then(
			() => (this.status = 'saved'),
			() => (this.status = 'failed')
		);
	}

	/** One calm line for a live region. */
	get message(): string {
		return {
			idle: '',
			saving: 'Saving…',
			saved: 'Saved on this device.',
			failed: "Couldn't save: storage is unavailable."
		}[this.status];
	}
}
