/**
 * My card's fields besides name and intro, edited in place and saved as they are typed (debounced,
 * flushed on blur and when the screen goes away) under the `myCard` setting. Values are stored as
 * typed, even ones the card leaves out for now, so nothing typed is lost to a reload.
 */
import { SavedAsTyped } from '$lib/settings/typed-setting.svelte';
import { tidyCard, type MyCardFields } from './card';

export class CardSetting extends SavedAsTyped<'myCard'> {
	fields = $state<Required<MyCardFields>>({
		org: '',
		title: '',
		email: '',
		phone: '',
		linkedin: '',
		website: ''
	});

	constructor() {
		super('myCard');
	}

	protected apply(stored: MyCardFields | undefined): void {
		this.fields = { ...this.fields, ...tidyCard(stored ?? {}) };
	}

	protected snapshot(): MyCardFields {
		return tidyCard(this.fields);
	}
}
