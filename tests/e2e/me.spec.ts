/**
 * My card end to end: filled in through the UI, its QR code photographed (a screenshot) and read
 * back through the app's own "Scan from a photo", full screen with the screen kept awake, the
 * .vcf fallback of Share, and all of it offline.
 */
import type { Download, Page } from '@playwright/test';
import { parsePayload } from '../../src/lib/capture/payload';
import { test, expect, goOfflineAfterFirstVisit } from './fixtures';
import { stubWakeLock } from './helpers/wake-lock';

const ZOE = {
	name: 'Zoë Ødegård',
	org: 'Fjordlys AS; Platform, Ops',
	title: 'Staff Engineer',
	email: 'zoe@fjordlys.example',
	phone: '+47 912 34 567',
	linkedin: 'linkedin.com/in/zoe-odegard',
	website: 'fjordlys.example/zoe',
	intro: 'I build offline sync for ferry ticketing. Curious how others test flaky networks.'
};

const qr = (page: Page) => page.getByRole('img', { name: /^QR code of your card/ });

/** Types the profile into My card the way a user would, and waits until it is saved. */
async function fillCard(page: Page): Promise<void> {
	await page.getByLabel('Name', { exact: true }).fill(ZOE.name);
	await page.getByLabel('Organisation').fill(ZOE.org);
	await page.getByLabel('Job title').fill(ZOE.title);
	await page.getByLabel('Email').fill(ZOE.email);
	await page.getByLabel('Phone').fill(ZOE.phone);
	await page.getByLabel('LinkedIn').fill(ZOE.linkedin);
	await page.getByLabel('Website').fill(ZOE.website);
	await page.getByRole('textbox', { name: 'Your intro' }).fill(ZOE.intro);
	await page.getByRole('textbox', { name: 'Your intro' }).blur();
	await expect(page.getByText('Saved on this device.')).toBeVisible();
}

async function text(download: Download): Promise<string> {
	const stream = await download.createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

test('a card filled in on My card scans back, through the app, as the same person', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'My card' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'My card' })).toBeVisible();

	// Empty: a friendly ask for a name, and no code yet.
	await expect(
		page.getByRole('heading', { name: 'Add your name to make your card' })
	).toBeVisible();
	await expect(qr(page)).toHaveCount(0);
	await page.getByRole('button', { name: 'Add your name' }).click();
	await expect(page.getByLabel('Name', { exact: true })).toBeFocused();

	// A slip in the email is said once the field is left, and kept off the card until fixed.
	await page.getByLabel('Email').fill('zoe@fjordlys');
	await page.getByLabel('Email').blur();
	await expect(
		page.getByText('That email doesn’t look complete: try name@example.com.')
	).toBeVisible();
	await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');

	await fillCard(page);
	await expect(page.getByLabel('Email')).not.toHaveAttribute('aria-invalid', 'true');
	// A bare LinkedIn and website become the https links the card carries.
	await expect(page.getByLabel('LinkedIn')).toHaveValue('https://www.linkedin.com/in/zoe-odegard');
	await expect(page.getByLabel('Website')).toHaveValue('https://fjordlys.example/zoe');

	// Kept on the device, and shared with the rest of the app (follow-up name, Today's intro).
	await page.reload();
	await expect(page.getByLabel('Organisation')).toHaveValue(ZOE.org);
	await expect(qr(page)).toBeVisible();
	await page.goto('/');
	await expect(page.getByRole('textbox', { name: 'Your intro' })).toHaveValue(ZOE.intro);
	await page.goto('/settings');
	await expect(page.getByLabel('Your name')).toHaveValue(ZOE.name);
	await page.getByRole('link', { name: 'My card' }).click();

	// Someone photographs the code; Hallway's own scanner reads it.
	await expect(qr(page)).toHaveAttribute('shape-rendering', 'crispEdges');
	const photo = await qr(page).screenshot();
	await page.goto('/scan');
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Scan from a photo' }).click();
	await (await chooser).setFiles({ name: 'card.png', mimeType: 'image/png', buffer: photo });
	const review = page.getByRole('dialog', { name: 'Review contact' });
	await expect(review).toBeVisible();
	await expect(review.getByLabel('Name')).toHaveValue(ZOE.name);
	await expect(review.getByLabel('Company')).toHaveValue(ZOE.org);
	await expect(review.getByLabel('Job title')).toHaveValue(ZOE.title);
	await expect(review.getByRole('textbox', { name: 'Email' })).toHaveValue(ZOE.email);
	await expect(review.getByRole('textbox', { name: 'Phone' })).toHaveValue(ZOE.phone);
	await expect(review.getByLabel('LinkedIn')).toHaveValue(
		'https://www.linkedin.com/in/zoe-odegard'
	);
	await expect(review.getByRole('textbox', { name: 'Website' })).toHaveValue(
		'https://fjordlys.example/zoe'
	);
	await expect(review.getByLabel('Note')).toHaveValue(ZOE.intro);
});

test('full screen keeps the screen awake and closes with Escape', async ({ page }) => {
	const wake = await stubWakeLock(page);

	await page.goto('/me');
	await page.getByLabel('Name', { exact: true }).fill('Kai Tanaka');
	await page.getByLabel('Name', { exact: true }).blur();
	const open = page.getByRole('button', { name: 'Show full screen' });
	await open.click();

	const full = page.getByRole('dialog', { name: 'My card, full screen' });
	await expect(full).toBeVisible();
	await expect(full.getByRole('img', { name: 'QR code of your card, Kai Tanaka' })).toBeVisible();
	await expect(full.getByText('Kai Tanaka')).toBeVisible();
	await expect(full.getByRole('button', { name: 'Close' })).toBeFocused();
	await expect
		.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('aria-label')))
		.toBe('My card, full screen');
	// As big as the screen allows.
	const box = await full.getByRole('img').boundingBox();
	const viewport = page.viewportSize();
	expect(box && viewport).toBeTruthy();
	if (box && viewport)
		expect(box.width).toBeGreaterThan(0.6 * Math.min(viewport.width, viewport.height));
	await expect.poll(wake.calls).toEqual(['request screen']);

	// The browser drops the lock when the page is hidden; back in view, it is asked for again.
	await wake.dropAndShow();
	await expect.poll(wake.calls).toEqual(['request screen', 'request screen']);

	await page.keyboard.press('Escape');
	await expect(full).toHaveCount(0);
	await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
	await expect(open).toBeFocused();
	await expect.poll(wake.calls).toEqual(['request screen', 'request screen', 'release']);

	// And the Close button does the same.
	await open.click();
	await expect(full).toBeVisible();
	await full.getByRole('button', { name: 'Close' }).click();
	await expect(full).toHaveCount(0);
	await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
});

test('Share my card falls back to a .vcf that reads back as the profile', async ({ page }) => {
	await page.goto('/me');
	await fillCard(page);
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Share my card' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('Zoë Ødegård.vcf');
	await expect(page.getByText('Your card is downloading as Zoë Ødegård.vcf.')).toBeVisible();
	const vcf = await text(file);
	expect(vcf.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
	expect(parsePayload(vcf)).toEqual({
		kind: 'contact',
		format: 'vcard',
		card: {
			name: ZOE.name,
			givenName: 'Zoë',
			familyName: 'Ødegård',
			org: ZOE.org,
			title: ZOE.title,
			emails: [ZOE.email],
			phones: [ZOE.phone],
			urls: ['https://fjordlys.example/zoe'],
			linkedin: 'https://www.linkedin.com/in/zoe-odegard',
			note: ZOE.intro
		}
	});
});

test('My card works offline: the screen, the code and what was typed', async ({ page }) => {
	await goOfflineAfterFirstVisit(page);
	await page.goto('/me');
	await expect(page.getByRole('heading', { level: 1, name: 'My card' })).toBeVisible();
	await page.getByLabel('Name', { exact: true }).fill('Offline Olu');
	await page.getByLabel('Email').fill('olu@example.org');
	await page.getByLabel('Email').blur();
	await expect(qr(page)).toBeVisible();
	await expect(page.getByText('Saved on this device.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Offline Olu');
	await expect(page.getByLabel('Email')).toHaveValue('olu@example.org');
	await expect(qr(page)).toBeVisible();
});
