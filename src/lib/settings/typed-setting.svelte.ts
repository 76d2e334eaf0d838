/**
 * Settings edited in place and saved as they are typed (debounced, flushed on blur and when the
 * component goes away), so nothing typed is lost to a reload. Storage failures are shown.
 */
import { getSetting, setSetting, type SettingKey, type SettingValues } from './settings.repo';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

/** The saving machinery; a subclass says how a stored value becomes its state and back. */
export abstract class SavedAsTyped<K extends SettingKey> {
	loaded = $state(false);
	status = $state<SaveStatus>('idle');
	#timer: ReturnType<typeof setTimeout> | undefined;
	readonly #key: K;

	constructor(key: K) {
		this.#key = key;
	}

	/** Takes the stored value (undefined when never set) into the editable state. */
	protected abstract apply(stored: SettingValues[K] | undefined): void;
	/** The value to store, from the editable state. */
	protected abstract snapshot(): SettingValues[K];

	/** Reads the stored value (call from onMount; returns the cleanup that flushes). */
	load(): () => void {
		getSetting(this.#key).then(
			(stored) => {
				this.apply(stored);
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
		setSetting(this.#key, this.snapshot()).then(
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

/** A text setting (My intro, your name), trimmed when stored. */
export class TypedSetting extends SavedAsTyped<'myIntro' | 'myName'> {
	value = $state('');

	protected apply(stored: string | undefined): void {
		this.value = stored ?? '';
	}

	protected snapshot(): string {
		return this.value.trim();
	}
}
