/**
 * The Scan screen's state across visits: the review sheet that is open, the last few captures,
 * and what happens to each decoded code given the user's settings (review, quick save or
 * continuous). The data work is in scanner-flow.ts; this module adds the toasts, Undo, feedback
 * and the rules about when the camera's codes are taken.
 *
 * A singleton, so the last captures are still listed after a trip to People and back.
 */
import { ContactValidationError } from '$lib/contacts/contacts.repo';
import { formFromCard, type ContactForm } from '$lib/contacts/draft';
import { nowIso, type ScanSource, type SessionRow } from '$lib/db';
import { sessionAt } from '$lib/schedule/sessions.repo';
import { toasts } from '$lib/ui/toast.svelte';
import { scanFeedback } from './feedback';
import {
	captureCode,
	mergeInto,
	metBeforeLine,
	quickSave,
	RepeatFilter,
	reviewForm,
	saveAsNew,
	sessionsForReview,
	type ContactCapture,
	type Saved
} from './scanner-flow';

/** The Scan screen's switches (settings quickSave, continuousScan, scanSound). */
export interface ScanPrefs {
	quickSave: boolean;
	continuous: boolean;
	sound: boolean;
}

/** What a capture is made under: the active event (if any) and the switches. */
export interface CaptureContext {
	eventId?: string;
	prefs: ScanPrefs;
}

export type CaptureStatus = 'reviewing' | 'saved' | 'merged' | 'unread' | 'not-saved' | 'undone';

/** One line of "Last captures". */
export interface RecentCapture {
	/** The scan's id (or the contact's, for a person typed in). */
	id: string;
	/** The person's name, or "Unread code". */
	label: string;
	status: CaptureStatus;
	contactId?: string;
}

/** The review sheet's subject: a scanned person, or a person being typed in. */
export type Review =
	| {
			kind: 'scan';
			capture: ContactCapture;
			eventId?: string;
			sessions: SessionRow[];
			/** "Met before — …" when this person was saved before. */
			metBefore?: string;
	  }
	| { kind: 'manual'; eventId?: string; at: string; sessions: SessionRow[] };

const RECENT_LIMIT = 5;

/**
 * The form as plain data, detached from the sheet's inputs. Not $state.snapshot(): that pulls a
 * general deep-clone into the runtime chunk every screen loads, for a shape this simple.
 */
function plainForm(form: ContactForm): ContactForm {
	return { ...form, emails: [...form.emails], phones: [...form.phones], urls: [...form.urls] };
}

function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

class ScanSession {
	/** This session's captures, newest first. */
	recent = $state.raw<RecentCapture[]>([]);
	/** The open review sheet, if any. */
	review = $state.raw<Review | undefined>(undefined);
	/** The review sheet's fields, bound to its inputs. */
	form = $state<ContactForm>(formFromCard());
	/** Why the last Save or Merge failed, shown in the sheet. */
	reviewError = $state<string | undefined>(undefined);
	saving = $state(false);
	/** The person whose follow-up is being drafted right after saving them ("Queue follow-up"). */
	followUpFor = $state<string | undefined>(undefined);

	/** True while a code is being logged and read. */
	#busy = false;
	readonly #repeats = new RepeatFilter();
	/** Continuous mode handles codes one after another, in the order they were seen. */
	#line: Promise<void> = Promise.resolve();

	/**
	 * A code decoded by the camera. A repeat sighting of the same badge is ignored (see
	 * RepeatFilter). In continuous mode every new code is handled in turn; otherwise a code that
	 * arrives while another is being handled or reviewed is dropped unseen, so it is taken as new
	 * once the screen is free again.
	 */
	fromCamera(text: string, context: CaptureContext): void {
		const { continuous } = context.prefs;
		if (!continuous && (this.#busy || this.review)) return;
		if (!this.#repeats.accept(text, performance.now(), { strict: continuous })) return;
		if (continuous) this.#line = this.#line.then(() => this.#handle(text, 'camera', context));
		else void this.#handle(text, 'camera', context);
	}

	/** A code read from a photo: a deliberate capture, so never dropped as a repeat. */
	fromPhoto(text: string, context: CaptureContext): Promise<void> {
		return this.#handle(text, 'photo', context);
	}

	/**
	 * Opens the review sheet with an empty form, to type a person in. No scan is logged (nothing
	 * was read); the session in progress now is preselected.
	 */
	async openManual(eventId: string | undefined): Promise<void> {
		const at = nowIso();
		const session = eventId ? await sessionAt(eventId, at) : undefined;
		const sessions = await sessionsForReview(eventId, at, session);
		this.form = formFromCard(undefined, { sessionId: session?.id ?? '' });
		this.reviewError = undefined;
		this.review = { kind: 'manual', eventId, at, sessions };
	}

	/**
	 * Saves the reviewed person as someone new (the sheet's Save, or "Save as new"); with
	 * `followUp`, then opens the follow-up composer for them (the sheet's "Queue follow-up").
	 */
	async save(options: { followUp?: boolean } = {}): Promise<void> {
		const contactId = await this.#finish((review, form) =>
			review.kind === 'scan'
				? saveAsNew(form, { eventId: review.eventId, scan: review.capture.scan })
				: saveAsNew(form, { eventId: review.eventId, at: review.at })
		);
		if (options.followUp && contactId) this.followUpFor = contactId;
	}

	/** Merges the reviewed person into the one met before (the sheet's Merge). */
	async merge(): Promise<void> {
		const review = this.review;
		if (review?.kind !== 'scan' || !review.capture.metBefore) return this.save();
		const target = review.capture.metBefore.contact.id;
		const { eventId, capture } = review;
		await this.#finish((_, form) => mergeInto(target, form, { eventId, scan: capture.scan }));
	}

	/** Closes the sheet without saving. The scan stays logged. */
	discard(): void {
		const review = this.review;
		if (!review || this.saving) return;
		this.#close(review);
		if (review.kind === 'scan') this.#update(review.capture.scan.id, { status: 'not-saved' });
	}

	#close(review: Review): void {
		this.review = undefined;
		// Decoding was paused while the sheet was open; the badge is likely still in view.
		if (review.kind === 'scan') this.#repeats.seen(review.capture.scan.raw, performance.now());
	}

	async #handle(raw: string, source: ScanSource, context: CaptureContext): Promise<void> {
		const { eventId, prefs } = context;
		this.#busy = true;
		try {
			let capture;
			try {
				capture = await captureCode(raw, source, { eventId });
			} catch (error) {
				toasts.show(`Couldn't keep that scan on this device: ${message(error)}`);
				return;
			}
			scanFeedback({ sound: prefs.sound });
			if (capture.kind === 'unread') {
				this.#remember({ id: capture.scan.id, label: 'Unread code', status: 'unread' });
				toasts.show(`Kept in Unread scans: ${capture.reason}`);
				return;
			}
			if (prefs.continuous || prefs.quickSave) {
				try {
					this.#announce(await quickSave(capture, eventId), capture.scan.id, true);
					return;
				} catch (error) {
					// Quick save falls back to the sheet when the card needs a human; continuous mode
					// never stops for a sheet, so it says so and moves on.
					if (prefs.continuous || !(error instanceof ContactValidationError)) {
						this.#remember({
							id: capture.scan.id,
							label: capture.card.name || 'Unnamed contact',
							status: 'not-saved'
						});
						toasts.show(`Couldn't save that person: ${message(error)} The scan is kept.`);
						return;
					}
				}
			}
			await this.#openReview(capture, eventId);
		} catch (error) {
			// Never left unhandled: the camera's queue of codes must keep going.
			toasts.show(`Something went wrong with that scan: ${message(error)}`);
		} finally {
			this.#busy = false;
		}
	}

	async #openReview(capture: ContactCapture, eventId: string | undefined): Promise<void> {
		let sessions: SessionRow[] = [];
		try {
			sessions = await sessionsForReview(eventId, capture.scan.scannedAt, capture.session);
		} catch {
			// Without the list the sheet still works; "Where you met" is just not offered.
		}
		this.form = reviewForm(capture);
		this.reviewError = undefined;
		this.review = {
			kind: 'scan',
			capture,
			eventId,
			sessions,
			metBefore: capture.metBefore ? metBeforeLine(capture.metBefore) : undefined
		};
		this.#remember({
			id: capture.scan.id,
			label: capture.card.name || 'Unnamed contact',
			status: 'reviewing'
		});
	}

	async #finish(
		action: (review: Review, form: ContactForm) => Promise<Saved>
	): Promise<string | undefined> {
		const review = this.review;
		if (!review || this.saving) return undefined;
		this.saving = true;
		this.reviewError = undefined;
		try {
			const saved = await action(review, plainForm(this.form));
			this.#close(review);
			const id = review.kind === 'scan' ? review.capture.scan.id : saved.contact.id;
			this.#announce(saved, id, false);
			return saved.contact.id;
		} catch (error) {
			this.reviewError = message(error);
			return undefined;
		} finally {
			this.saving = false;
		}
	}

	/** Lists the saved person and shows the toast with Undo. */
	#announce(saved: Saved, id: string, quick: boolean): void {
		const { name, id: contactId } = saved.contact;
		this.#remember({
			id,
			label: name,
			status: saved.merged ? 'merged' : 'saved',
			contactId
		});
		const text = saved.merged
			? `${quick ? 'Met before — merged' : 'Merged'} into ${name}`
			: `Saved ${name}`;
		toasts.show(text, {
			action: {
				label: 'Undo',
				run: async () => {
					await saved.undo();
					this.#update(id, { status: 'undone', contactId: undefined });
					toasts.show(saved.merged ? `${name} is back as before.` : `Removed ${name}.`);
				}
			}
		});
	}

	#remember(capture: RecentCapture): void {
		this.recent = [capture, ...this.recent.filter((c) => c.id !== capture.id)].slice(
			0,
			RECENT_LIMIT
		);
	}

	#update(id: string, change: Partial<RecentCapture>): void {
		this.recent = this.recent.map((c) => (c.id === id ? { ...c, ...change } : c));
	}
}

/** The Scan screen's state, shared by its components. */
export const scanSession = new ScanSession();
