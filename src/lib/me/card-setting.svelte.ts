/**
 * My card's fields besides name and intro, edited in place and saved as they are typed (debounced,
 * flushed on blur and when the screen goes away) under the `myCard` setting. Values are stored as
 * typed, even ones the card leaves out for now, so nothing typed is lost to a reload.
 */
import { getSetting, setSetting } from '$lib/settings/settings.repo';
import { tidyCard, type MyCardFields } from './card';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

export class CardSetting {
	fields = $state<Required<MyCardFields>>({
		org: '',
		title: '',
		email: '',
		phone: '',
		linkedin: '',
		website: ''
	});
	loaded = $state(false);
	status = $state<SaveStatus>('idle');
	#timer: ReturnType<typeof setTimeout> | undefined;

	/** Reads the stored card (call from onMount; returns the cleanup that flushes). */
	load(): () => void {
		getSetting('myCard').then(
			(stored) => {
				this.fields = { ...this.fields, ...tidyCard(stored ?? {}) };
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
		setSetting('myCard', tidyCard(this.fields)).then(
			() => (this.status = 'saved'),
			() => (this.status = 'failed')
		);
	}
}
