/**
 * The editable form of a contact: what the review sheet and the edit screen bind to. Lists always
 * hold at least one (possibly empty) entry so the form has an input for each kind.
 */
import type { CardFields } from '$lib/capture/payload';
import type { ContactRow, Rating } from '$lib/db';
import type { ContactDraft } from './contacts.repo';

export interface ContactForm {
	name: string;
	givenName: string;
	familyName: string;
	org: string;
	title: string;
	emails: string[];
	phones: string[];
	urls: string[];
	linkedin: string;
	address: string;
	note: string;
	/** Comma-separated, as typed. */
	tags: string;
	rating: Rating | '';
	sessionId: string;
}

/** A form prefilled from parsed card fields (a scan), or empty. */
export function formFromCard(
	card?: Partial<CardFields>,
	extra: Partial<ContactForm> = {}
): ContactForm {
	return {
		name: card?.name ?? '',
		givenName: card?.givenName ?? '',
		familyName: card?.familyName ?? '',
		org: card?.org ?? '',
		title: card?.title ?? '',
		emails: card?.emails?.length ? [...card.emails] : [''],
		phones: card?.phones?.length ? [...card.phones] : [''],
		urls: card?.urls?.length ? [...card.urls] : [''],
		linkedin: card?.linkedin ?? '',
		address: card?.address ?? '',
		note: card?.note ?? '',
		tags: '',
		rating: '',
		sessionId: '',
		...extra
	};
}

/** A form holding a saved contact, for editing. */
export function formFromContact(c: ContactRow): ContactForm {
	return {
		...formFromCard(c),
		note: c.note,
		tags: c.tags.join(', '),
		rating: c.rating ?? '',
		sessionId: c.sessionId ?? ''
	};
}

/** The draft the repo saves: empty entries dropped, tags split on commas. */
export function draftFromForm(form: ContactForm, extra: Partial<ContactDraft> = {}): ContactDraft {
	const list = (values: string[]) => values.map((v) => v.trim()).filter(Boolean);
	const opt = (v: string) => v.trim() || undefined;
	return {
		name: form.name.trim(),
		givenName: opt(form.givenName),
		familyName: opt(form.familyName),
		org: opt(form.org),
		title: opt(form.title),
		emails: list(form.emails),
		phones: list(form.phones),
		urls: list(form.urls),
		linkedin: opt(form.linkedin),
		address: opt(form.address),
		note: form.note,
		tags: form.tags
			.split(',')
			.map((t) => t.trim())
			.filter(Boolean),
		rating: form.rating || undefined,
		sessionId: opt(form.sessionId),
		...extra
	};
}
