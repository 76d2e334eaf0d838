/**
 * Sending follow-ups through every channel, "Send all due", long emails, user-edited templates,
 * the person page's follow-up state and the due notification. Due rows are seeded straight into
 * IndexedDB (the queueing flow itself is covered by followups.spec.ts); the clock is fixed at
 * Wednesday 3 June 2026, 09:30 in Berlin, half an hour after they fell due.
 */
import type { Page } from '@playwright/test';
import type { Channel, ContactRow, FollowUpRow } from '../../src/lib/db/types';
import { test, expect, createEventThroughUi, waitForServiceWorker } from './fixtures';
import { activeEventId, putAll, readAll } from './helpers/idb';

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB', permissions: [] });

const NOW = new Date('2026-06-03T09:30:00+02:00');
const DUE = '2026-06-03T07:00:00.000Z';

interface Person {
	id: string;
	name: string;
	emails?: string[];
	phones?: string[];
	linkedin?: string;
	channel: Channel;
	subject?: string;
	body?: string;
}

/** Creates the event, then seeds each person with one queued first message that is due now. */
async function seedDue(page: Page, people: Person[]): Promise<void> {
	await page.clock.setFixedTime(NOW);
	await createEventThroughUi(page, { name: 'Follow Conf', startDate: '2026-06-02' });
	const eventId = await activeEventId(page);
	const stamp = '2026-06-02T10:00:00.000Z';
	const contacts: ContactRow[] = people.map((p) => ({
		id: p.id,
		eventId,
		name: p.name,
		emails: p.emails ?? [],
		phones: p.phones ?? [],
		urls: [],
		linkedin: p.linkedin,
		note: '',
		tags: [],
		metAt: stamp,
		createdAt: stamp,
		updatedAt: stamp,
		words: p.name.toLowerCase().split(' '),
		phoneKeys: []
	}));
	const rows: FollowUpRow[] = people.map((p) => ({
		id: `fu-${p.id}`,
		contactId: p.id,
		step: 0,
		channel: p.channel,
		subject: p.subject ?? 'Great to meet you at Follow Conf',
		body: p.body ?? `Hi ${p.name.split(' ')[0]},\n\nCoffee & a call? #1 question: what's next?`,
		dueAt: DUE,
		status: 'queued',
		createdAt: stamp,
		updatedAt: stamp
	}));
	await putAll(page, 'contacts', contacts);
	await putAll(page, 'followups', rows);
}

/** Stops hand-off links (mailto:, sms:, LinkedIn) from leaving the page, and records them. */
async function captureHandoffs(page: Page): Promise<void> {
	await page.evaluate(() => {
		const w = window as unknown as { handedOff: string[] };
		w.handedOff = [];
		document.addEventListener('click', (e) => {
			const link = (e.target as Element).closest('a[href^="mailto:"], a[href^="sms:"], a[target]');
			if (link) {
				e.preventDefault();
				w.handedOff.push(link.getAttribute('href') ?? '');
			}
		});
	});
}

const handedOff = (page: Page) =>
	page.evaluate(() => (window as unknown as { handedOff: string[] }).handedOff);

const heading = (page: Page, name: string, count: number) =>
	page.getByRole('heading', { level: 2, name: `${name} (${count})` });

const BODY = "Hi Bo,\n\nCoffee & a call? #1 question: what's next?";

test('SMS opens the messages app with the text, then "Sent?" plans nudge 1', async ({ page }) => {
	await seedDue(page, [
		{ id: 'bo', name: 'Bo Chen', phones: ['+49 151 1234 5678'], channel: 'sms' }
	]);
	await page.goto('/follow-ups');
	await captureHandoffs(page);
	await page
		.getByRole('article', { name: 'Bo Chen' })
		.getByRole('button', { name: 'Send' })
		.click();
	const send = page.getByRole('dialog', { name: 'Send to Bo Chen' });
	await send.getByRole('link', { name: 'Open in messages' }).click();
	expect(await handedOff(page)).toEqual([`sms:+4915112345678?&body=${encodeURIComponent(BODY)}`]);
	await page.getByRole('button', { name: 'Yes, sent' }).click();
	await expect(heading(page, 'Waiting for reply', 1)).toBeVisible();
	await expect(page.getByRole('article', { name: 'Bo Chen' })).toContainText('Nudge 1 of 2');
});

test('LinkedIn opens the profile and puts the message on the clipboard', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await seedDue(page, [
		{
			id: 'bo',
			name: 'Bo Chen',
			linkedin: 'https://www.linkedin.com/in/bo-chen-example',
			channel: 'linkedin'
		}
	]);
	await page.goto('/follow-ups');
	await captureHandoffs(page);
	await page
		.getByRole('article', { name: 'Bo Chen' })
		.getByRole('button', { name: 'Send' })
		.click();
	await page.getByRole('link', { name: 'Open LinkedIn and copy' }).click();
	expect(await handedOff(page)).toEqual(['https://www.linkedin.com/in/bo-chen-example']);
	await expect(page.getByText('Message copied: paste it into a LinkedIn message.')).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(BODY);
	await expect(page.getByRole('dialog', { name: 'Sent?' })).toBeVisible();
});

test('Share uses the Web Share API when the browser has it', async ({ page }) => {
	// The only stub: it stands in for the operating system's share sheet, and records what it got.
	await page.addInitScript(() => {
		const w = window as unknown as { shared: ShareData[] };
		w.shared = [];
		Object.defineProperty(navigator, 'share', {
			configurable: true,
			value: (data: ShareData) => {
				w.shared.push(data);
				return Promise.resolve();
			}
		});
	});
	await seedDue(page, [{ id: 'bo', name: 'Bo Chen', channel: 'share' }]);
	await page.goto('/follow-ups');
	await page
		.getByRole('article', { name: 'Bo Chen' })
		.getByRole('button', { name: 'Send' })
		.click();
	await page.getByRole('button', { name: 'Share' }).click();
	expect(await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared)).toEqual([
		{ title: 'Great to meet you at Follow Conf', text: BODY }
	]);
	await page.getByRole('button', { name: 'Yes, sent' }).click();
	await expect(heading(page, 'Waiting for reply', 1)).toBeVisible();
});

test('Share falls back to the clipboard where there is no share sheet', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await seedDue(page, [{ id: 'bo', name: 'Bo Chen', channel: 'share' }]);
	await page.goto('/follow-ups');
	expect(await page.evaluate(() => typeof navigator.share)).toBe('undefined');
	await page
		.getByRole('article', { name: 'Bo Chen' })
		.getByRole('button', { name: 'Send' })
		.click();
	await page.getByRole('button', { name: 'Share' }).click();
	await expect(
		page.getByText('Sharing isn\u2019t available here, so the message is on your clipboard.')
	).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(BODY);
	await expect(page.getByRole('dialog', { name: 'Sent?' })).toBeVisible();
});

test('"Send all due" walks through them one by one, and each gets nudge 1', async ({ page }) => {
	await seedDue(page, [
		{ id: 'ana', name: 'Ana Lima', emails: ['ana@fabrica.example'], channel: 'email' },
		{ id: 'bo', name: 'Bo Chen', phones: ['+49 151 1234 5678'], channel: 'sms' }
	]);
	await page.goto('/follow-ups');
	await captureHandoffs(page);
	await expect(heading(page, 'Due now', 2)).toBeVisible();
	await page.getByRole('button', { name: 'Send all due (2)' }).click();

	const first = page.getByRole('dialog', { name: /^Send to .* \(1 of 2\)$/ });
	await expect(first).toBeVisible();
	await first.getByRole('link', { name: /^Open in/ }).click();
	await page.getByRole('button', { name: 'Yes, sent' }).click();

	const second = page.getByRole('dialog', { name: /^Send to .* \(2 of 2\)$/ });
	await expect(second).toBeVisible();
	await second.getByRole('link', { name: /^Open in/ }).click();
	await page.getByRole('button', { name: 'Yes, sent' }).click();

	const links = await handedOff(page);
	expect(links).toHaveLength(2);
	expect(links.some((l) => l.startsWith('mailto:ana@fabrica.example?'))).toBe(true);
	expect(links.some((l) => l.startsWith('sms:+4915112345678?&body='))).toBe(true);
	await expect(heading(page, 'Due now', 0)).toBeVisible();
	await expect(heading(page, 'Waiting for reply', 2)).toBeVisible();
	for (const name of ['Ana Lima', 'Bo Chen']) {
		await expect(page.getByRole('article', { name })).toContainText(
			'Nudge 1 of 2 · Sent Wed 3 Jun, 09:30; nudge planned Mon 8 Jun, 09:00'
		);
	}
	const rows = await readAll<FollowUpRow>(page, 'followups');
	expect(rows.filter((r) => r.status === 'sent')).toHaveLength(2);
	expect(rows.filter((r) => r.step === 1 && r.status === 'queued')).toHaveLength(2);
});

test('a long email goes to the clipboard, and the mailto link has no body', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	// 700 × "Grüße " is 4,200 characters once percent-encoded.
	const long = `Hi Ana,\n\n${'Grüße '.repeat(700).trim()}`;
	await seedDue(page, [
		{ id: 'ana', name: 'Ana Lima', emails: ['ana@fabrica.example'], channel: 'email', body: long }
	]);
	await page.goto('/follow-ups');
	await captureHandoffs(page);
	await page
		.getByRole('article', { name: 'Ana Lima' })
		.getByRole('button', { name: 'Send' })
		.click();
	await page.getByRole('link', { name: 'Open in email' }).click();
	const [href] = await handedOff(page);
	expect(href).toBe(
		`mailto:ana@fabrica.example?subject=${encodeURIComponent('Great to meet you at Follow Conf')}`
	);
	await expect(
		page.getByText('The message is long, so it is on your clipboard: paste it into the email.')
	).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
		`Great to meet you at Follow Conf\n\n${long}`
	);
});

test('editing a template in Settings changes the next drafted message', async ({ page }) => {
	await page.clock.setFixedTime(NOW);
	await createEventThroughUi(page, { name: 'Follow Conf', startDate: '2026-06-02' });
	await page.goto('/settings');
	await page.getByRole('link', { name: 'Edit templates' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Message templates' })).toBeVisible();
	const great = page.getByRole('article', { name: 'Great to meet you' });
	await great.getByRole('button', { name: 'Edit' }).click();

	const subject = page.getByLabel('Subject');
	const body = page.getByRole('textbox', { name: 'Message' });
	// A typo is explained inline, and cannot be saved.
	await body.fill('Hi {firstname},');
	await expect(page.getByRole('alert')).toHaveText(
		'Body: {firstname} is not a field. Did you mean {firstName}?'
	);
	await expect(page.getByRole('button', { name: 'Save template' })).toBeDisabled();

	await subject.fill('Lovely to meet you[ at {event}]');
	await body.fill(
		'Hi[ {firstName}],\n\n[You mentioned {note}. ]Coffee next week?\n\n[In case: {myIntro}.]\n\n{myName}'
	);
	await expect(page.getByTestId('preview-full-subject')).toHaveText(
		'Lovely to meet you at Hallway Conf'
	);
	await expect(page.getByTestId('preview-full-body')).toContainText(
		'You mentioned offline sync for field teams. Coffee next week?'
	);
	// With only a name, the sentences that need the rest drop out cleanly.
	await expect(page.getByTestId('preview-sparse-subject')).toHaveText('Lovely to meet you');
	expect(await page.getByTestId('preview-sparse-body').textContent()).toBe(
		'Hi Ana,\n\nCoffee next week?'
	);
	await page.getByRole('button', { name: 'Save template' }).click();
	await expect(page.getByText('Template saved. New messages use it.')).toBeVisible();
	await expect(great.getByText('Edited')).toBeVisible();

	// The next follow-up drafted from a scan starts from it.
	await page.goto('/scan');
	await page.getByRole('button', { name: 'Type it in' }).click();
	const sheet = page.getByRole('dialog', { name: 'New contact' });
	await sheet.getByLabel('Name').fill('Ana Lima');
	await sheet.getByLabel('Email', { exact: true }).fill('ana@fabrica.example');
	await sheet.getByLabel('Note').fill('drones');
	await sheet.getByRole('button', { name: 'Queue follow-up' }).click();
	const composer = page.getByRole('dialog', { name: 'Follow-up to Ana Lima' });
	await expect(composer.getByLabel('Subject')).toHaveValue('Lovely to meet you at Follow Conf');
	await expect(composer.getByRole('textbox', { name: 'Message' })).toHaveValue(
		'Hi Ana,\n\nYou mentioned drones. Coffee next week?'
	);
	await composer.getByRole('button', { name: 'Keep as draft' }).click();

	// Restore default brings the built-in back.
	await page.goto('/settings/templates');
	await great.getByRole('button', { name: 'Restore default' }).click();
	await expect(great.getByText('Edited')).toBeHidden();
	await expect(great).toContainText('Great to meet you[ at {event}]');
});

test('your own first-message variant can be added, picked, and deleted', async ({ page }) => {
	await seedDue(page, [
		{ id: 'ana', name: 'Ana Lima', emails: ['ana@fabrica.example'], channel: 'email' }
	]);
	await page.goto('/settings/templates');
	await page.getByRole('button', { name: 'Add your own first message' }).click();
	await page.getByLabel('Template name').fill('Coffee');
	await page.getByLabel('Subject').fill('Coffee[ after {event}]?');
	await page.getByRole('textbox', { name: 'Message' }).fill('Hi[ {firstName}], coffee soon?');
	await page.getByRole('button', { name: 'Save template' }).click();
	const mine = page.getByRole('article', { name: 'Coffee' });
	await expect(mine.getByText('Yours')).toBeVisible();

	await page.goto('/people/ana');
	await page.getByRole('button', { name: 'Edit draft' }).click();
	const composer = page.getByRole('dialog', { name: 'Follow-up to Ana Lima' });
	await composer.getByLabel('Template').selectOption({ label: 'Coffee' });
	await expect(composer.getByLabel('Subject')).toHaveValue('Coffee after Follow Conf?');
	await expect(composer.getByRole('textbox', { name: 'Message' })).toHaveValue(
		'Hi Ana, coffee soon?'
	);
	await composer.getByRole('button', { name: 'Close' }).click();

	await page.goto('/settings/templates');
	await mine.getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByText('Deleted "Coffee".')).toBeVisible();
	await expect(mine).toBeHidden();
});

test('the person page shows the follow-up state and acts on it', async ({ page }) => {
	await seedDue(page, [
		{ id: 'ana', name: 'Ana Lima', emails: ['ana@fabrica.example'], channel: 'email' }
	]);
	await page.goto('/people/ana');
	const state = page.getByTestId('followup-state');
	await expect(state).toHaveText('Queued — due now');
	await captureHandoffs(page);
	await page.getByRole('button', { name: 'Send now' }).click();
	await page.getByRole('link', { name: 'Open in email' }).click();
	await page.getByRole('button', { name: 'Yes, sent' }).click();
	await expect(state).toHaveText('Sent today — nudge 1 due Mon');
	await page.getByRole('button', { name: 'Not now' }).click();
	await expect(state).toHaveText('Not now until 1 September');
	await page.getByRole('button', { name: 'Replied' }).click();
	await expect(state).toHaveText('Replied');
	await page.reload();
	await expect(state).toHaveText('Replied');
	await expect(page.getByRole('button', { name: 'Draft follow-up' })).toBeVisible();
});

test('the notification opt-in shows one notification per due set', async ({ page, context }) => {
	await context.grantPermissions(['notifications']);
	// Record notifications while still showing them: wrap both ways of showing one.
	await page.addInitScript(() => {
		const w = window as unknown as { notified: { title: string; body?: string; via: string }[] };
		w.notified = [];
		const proto = ServiceWorkerRegistration.prototype;
		const original = Object.getOwnPropertyDescriptor(proto, 'showNotification')!
			.value as ServiceWorkerRegistration['showNotification'];
		proto.showNotification = function (title, options) {
			w.notified.push({ title, body: options?.body, via: 'service worker' });
			return original.call(this, title, options);
		};
		const Original = window.Notification;
		window.Notification = class extends Original {
			constructor(title: string, options?: NotificationOptions) {
				super(title, options);
				w.notified.push({ title, body: options?.body, via: 'page' });
			}
		};
	});
	const notified = () =>
		page.evaluate(
			() => (window as unknown as { notified: { title: string; body?: string }[] }).notified
		);
	await seedDue(page, [
		{ id: 'ana', name: 'Ana Lima', emails: ['ana@fabrica.example'], channel: 'email' }
	]);
	await waitForServiceWorker(page);
	await page.goto('/follow-ups');
	// Nothing is shown before the user asks for it.
	expect(await notified()).toEqual([]);
	await page.getByRole('button', { name: 'Remind me with a notification' }).click();
	await expect(page.getByRole('button', { name: 'Stop notifications' })).toBeVisible();
	await expect.poll(notified).toEqual([
		{
			title: '1 follow-up is due',
			body: 'Ana Lima: open Hallway to send.',
			via: 'service worker'
		}
	]);

	// Coming back to the app, or opening it again, with the same due set: no second one. (Absence
	// can only be shown by waiting a moment; the check is two small IndexedDB transactions.)
	await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
	await page.waitForTimeout(1000);
	expect(await notified()).toHaveLength(1);
	await page.reload();
	await expect(page.getByRole('button', { name: 'Stop notifications' })).toBeVisible();
	await expect(heading(page, 'Due now', 1)).toBeVisible();
	await page.waitForTimeout(1000);
	expect(await notified()).toEqual([]);

	// Something new falls due: one notification for the whole set.
	const eventId = await activeEventId(page);
	const stamp = '2026-06-02T10:00:00.000Z';
	await putAll(page, 'contacts', [
		{
			id: 'bo',
			eventId,
			name: 'Bo Chen',
			emails: ['bo@chen.example'],
			phones: [],
			urls: [],
			note: '',
			tags: [],
			metAt: stamp,
			createdAt: stamp,
			updatedAt: stamp,
			words: ['bo', 'chen'],
			phoneKeys: []
		}
	]);
	await putAll(page, 'followups', [
		{
			id: 'fu-bo',
			contactId: 'bo',
			step: 0,
			channel: 'email',
			subject: 'Hi',
			body: 'Hi Bo',
			dueAt: DUE,
			status: 'queued',
			createdAt: stamp,
			updatedAt: stamp
		}
	]);
	await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
	await expect.poll(notified).toEqual([
		{
			title: '2 follow-ups are due',
			body: 'Ana Lima and Bo Chen: open Hallway to send.',
			via: 'service worker'
		}
	]);
});
