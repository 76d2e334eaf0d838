/**
 * "Remind me with a notification": the opt-in, the browser's permission, and the check that runs
 * when the app opens or becomes visible (no Background Sync, which Safari lacks). Permission is
 * asked only when the user taps the opt-in. The notification goes through the service worker
 * (its click handler opens /follow-ups) and falls back to `new Notification` without one.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { getSetting, setSetting } from '$lib/settings/settings.repo';
import { toasts } from '$lib/ui/toast.svelte';
import type { NotifyDecision } from './notify';
import { claimDueNotification } from './notify.repo';

export type NotifyPermission = NotificationPermission | 'unsupported';

/** The tag every due notification shares, so a newer one replaces an older one. */
const TAG = 'hallway-follow-ups';

function supported(): boolean {
	return typeof window !== 'undefined' && 'Notification' in window;
}

function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

class DueNotifications {
	permission = $state<NotifyPermission>('default');
	optedIn = $state(false);
	loaded = $state(false);
	error = $state<string | undefined>(undefined);

	/** Reads the permission and the stored opt-in (browser only). */
	async load(): Promise<void> {
		this.permission = supported() ? Notification.permission : 'unsupported';
		try {
			this.optedIn = (await getSetting('followUpNotifications')) === true;
			this.error = undefined;
		} catch (error) {
			this.error = `Couldn't read your notification choice: ${message(error)}.`;
		} finally {
			this.loaded = true;
		}
	}

	/** The opt-in tap: asks the browser, remembers a yes, and checks for due items at once. */
	async enable(): Promise<void> {
		if (!supported()) {
			this.permission = 'unsupported';
			return;
		}
		this.permission = await Notification.requestPermission();
		if (this.permission !== 'granted') return;
		try {
			await setSetting('followUpNotifications', true);
			this.optedIn = true;
			this.error = undefined;
		} catch (error) {
			this.error = `Couldn't save your choice: ${message(error)}.`;
			return;
		}
		await this.check();
	}

	/** Turns the reminders off (the browser permission stays as it is). */
	async disable(): Promise<void> {
		try {
			await setSetting('followUpNotifications', false);
			this.optedIn = false;
			this.error = undefined;
		} catch (error) {
			this.error = `Couldn't save your choice: ${message(error)}.`;
		}
	}

	/**
	 * Shows one notification when follow-ups are due that no notification was about yet. Does
	 * nothing unless the user opted in and the browser allows it. Never rejects: failures are
	 * shown as a toast.
	 */
	async check(now = new Date().toISOString()): Promise<void> {
		if (!supported() || Notification.permission !== 'granted') return;
		try {
			if ((await getSetting('followUpNotifications')) !== true) return;
			const decision = await claimDueNotification(now);
			if (decision.show) await show(decision);
		} catch (error) {
			toasts.show(`Couldn't check for due follow-ups: ${message(error)}.`);
		}
	}
}

async function show(decision: NotifyDecision): Promise<void> {
	const url = resolve('/follow-ups');
	const options: NotificationOptions = {
		body: decision.body,
		tag: TAG,
		icon: '/icons/icon-192.png',
		data: { url }
	};
	const registration =
		'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : undefined;
	if (registration?.active) {
		await registration.showNotification(decision.title, options);
		return;
	}
	const notification = new Notification(decision.title, options);
	notification.onclick = () => {
		window.focus();
		notification.close();
		void goto(url);
	};
}

/** The app's due-follow-up notifications. */
export const dueNotifications = new DueNotifications();
