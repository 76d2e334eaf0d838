import type { Page } from '@playwright/test';
import { test, expect, createEventThroughUi, waitForServiceWorker } from './fixtures';

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB', permissions: [] });

/** Types a person in from Scan and takes the review sheet's "Queue follow-up". */
async function typeInAndQueue(page: Page, person: { name: string; email: string; note: string }) {
	await page.goto('/scan');
	await page.getByRole('button', { name: 'Type it in' }).click();
	const sheet = page.getByRole('dialog', { name: 'New contact' });
	await sheet.getByLabel('Name').fill(person.name);
	await sheet.getByLabel('Email', { exact: true }).fill(person.email);
	await sheet.getByLabel('Note').fill(person.note);
	await sheet.getByRole('button', { name: 'Queue follow-up' }).click();
	await expect(sheet).toBeHidden();
	const composer = page.getByRole('dialog', { name: `Follow-up to ${person.name}` });
	await expect(composer.getByLabel('Subject')).toHaveValue('Great to meet you at Follow Conf');
	await expect(composer.getByRole('textbox', { name: 'Message' })).toHaveValue(
		new RegExp(`You mentioned ${person.note}`)
	);
	await expect(composer.getByRole('textbox', { name: 'Message' })).not.toHaveValue(
		/undefined|\{|\}| {2}/
	);
	await composer.getByRole('button', { name: 'Queue' }).click();
	await expect(composer).toBeHidden();
}

const heading = (page: Page, name: string, count: number) =>
	page.getByRole('heading', { level: 2, name: `${name} (${count})` });

test('Follow-ups: queue after a scan offline, fall due, send by email, nudge, replied, not now', async ({
	page,
	context
}) => {
	await page.clock.setFixedTime(new Date('2026-06-02T11:00:00+02:00'));
	await createEventThroughUi(page, { name: 'Follow Conf', startDate: '2026-06-02' });
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await page.getByRole('link', { name: 'Settings' }).click();
	await page.getByLabel('Your name').fill('Rosa Díaz');
	await expect(page.getByText('Saved on this device.')).toBeVisible();

	await typeInAndQueue(page, {
		name: 'Ana Lima',
		email: 'ana@fabrica.example',
		note: 'offline sync for field teams'
	});
	await typeInAndQueue(page, { name: 'Bo Chen', email: 'bo@chen.example', note: 'drones' });

	await page.getByRole('link', { name: 'Follow-ups', exact: true }).click();
	await expect(heading(page, 'Scheduled', 2)).toBeVisible();
	await expect(heading(page, 'Due now', 0)).toBeVisible();

	// The next morning at 9:00 in Berlin they fall due.
	await page.clock.setFixedTime(new Date('2026-06-03T09:30:00+02:00'));
	await page.reload();
	await expect(heading(page, 'Due now', 2)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Follow-ups, 2 due' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Send all due (2)' })).toBeVisible();

	const ana = page.getByRole('article', { name: 'Ana Lima' });
	await ana.getByRole('button', { name: 'Send' }).click();
	const send = page.getByRole('dialog', { name: 'Send to Ana Lima' });
	const handoff = send.getByRole('link', { name: 'Open in email' });
	const href = await handoff.getAttribute('href');
	expect(href).toMatch(
		/^mailto:ana@fabrica\.example\?subject=Great%20to%20meet%20you%20at%20Follow%20Conf&body=Hi%20Ana%2C%0D%0A%0D%0A/
	);
	expect(href!.length).toBeLessThanOrEqual(2000);
	// Signed with the name from Settings.
	expect(decodeURIComponent(href!)).toContain('Best,\r\nRosa Díaz');
	// Capture the hand-off instead of letting the browser look for a mail app.
	await page.evaluate(() => {
		document.addEventListener('click', (e) => {
			const link = (e.target as Element).closest('a[href^="mailto:"]');
			if (link) {
				e.preventDefault();
				(window as unknown as { handedOff: string }).handedOff = link.getAttribute('href') ?? '';
			}
		});
	});
	await handoff.click();
	expect(await page.evaluate(() => (window as unknown as { handedOff: string }).handedOff)).toBe(
		href
	);
	await expect(page.getByRole('dialog', { name: 'Sent?' })).toBeVisible();
	await page.getByRole('button', { name: 'Yes, sent' }).click();
	await expect(heading(page, 'Waiting for reply', 1)).toBeVisible();
	await expect(ana).toContainText('Nudge 1 of 2');
	await expect(ana).toContainText('nudge planned Mon 8 Jun, 09:00');
	await expect(page.getByRole('link', { name: 'Follow-ups, 1 due' })).toBeVisible();
	// One of the two people met got a first follow-up within 72 hours.
	await page.getByRole('link', { name: /^Today/ }).click();
	await expect(page.getByTestId('followup-goal')).toHaveText(
		'1 of 2 people you met here got a first follow-up within 72 hours.'
	);
	await page.getByRole('link', { name: /^Follow-ups/ }).click();

	await ana.getByRole('button', { name: 'Replied' }).click();
	await expect(heading(page, 'Done', 1)).toBeVisible();
	await expect(ana).toContainText('They replied');

	await page
		.getByRole('article', { name: 'Bo Chen' })
		.getByRole('button', { name: 'Not now' })
		.click();
	await expect(heading(page, 'Not now', 1)).toBeVisible();
	await expect(page.getByRole('article', { name: 'Bo Chen' })).toContainText('Back on Tue 1 Sept');
	await expect(page.getByRole('link', { name: 'Follow-ups', exact: true })).toBeVisible();

	await page.reload();
	await expect(heading(page, 'Due now', 0)).toBeVisible();
	await expect(heading(page, 'Waiting for reply', 0)).toBeVisible();
	await expect(heading(page, 'Not now', 1)).toBeVisible();
	await expect(heading(page, 'Done', 1)).toBeVisible();
});
