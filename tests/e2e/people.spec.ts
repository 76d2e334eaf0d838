import type { Page } from '@playwright/test';
import { test, expect, createEventThroughUi } from './fixtures';

test.use({ locale: 'en-GB', permissions: [] });

interface Person {
	name: string;
	org?: string;
	title?: string;
	email?: string;
	note?: string;
	tags?: string;
	rating?: 'Hot' | 'Warm' | 'Cold';
}

/** Adds a person through Scan › Type it in, as someone without a camera would. */
async function typeIn(page: Page, person: Person) {
	await page.goto('/scan');
	await page.getByRole('button', { name: 'Type it in' }).click();
	const sheet = page.getByRole('dialog', { name: 'New contact' });
	await sheet.getByLabel('Name').fill(person.name);
	if (person.org) await sheet.getByLabel('Company').fill(person.org);
	if (person.title) await sheet.getByLabel('Job title').fill(person.title);
	if (person.email) await sheet.getByLabel('Email', { exact: true }).fill(person.email);
	if (person.note) await sheet.getByLabel('Note').fill(person.note);
	if (person.tags) await sheet.getByLabel('Tags').fill(person.tags);
	if (person.rating) await sheet.getByRole('radio', { name: person.rating }).check();
	await sheet.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(sheet).toBeHidden();
}

const list = (page: Page) => page.getByRole('list', { name: 'People' });

test('People: newest first, search as you type, filters, detail, edit, vCard, delete with undo', async ({
	page
}) => {
	await createEventThroughUi(page, { name: 'Search Conf', startDate: '2026-06-02' });
	await typeIn(page, {
		name: 'José Núñez',
		org: 'Acme Robotics',
		title: 'CTO',
		email: 'jose@acme.example',
		note: 'Talked about warehouse drones',
		tags: 'robotics, investor',
		rating: 'Hot'
	});
	await typeIn(page, { name: 'Ana Lima', org: 'Fábrica', tags: 'design', rating: 'Warm' });
	await typeIn(page, { name: 'Bo Chen', email: 'bo@chen.example', note: 'Knows José' });

	await page.getByRole('link', { name: 'People' }).click();
	await expect(list(page).getByRole('link')).toHaveText([/Bo Chen/, /Ana Lima/, /José Núñez/]);
	await expect(list(page).getByRole('link', { name: /Ana Lima/ })).toContainText('Search Conf');

	const search = page.getByLabel('Search people');
	await search.fill('jose');
	await expect(list(page).getByRole('link')).toHaveText([/Bo Chen/, /José Núñez/]);
	await search.fill('drones acme');
	await expect(list(page).getByRole('link')).toHaveText([/José Núñez/]);
	await search.fill('nobody here');
	await expect(page.getByRole('heading', { name: 'No one matches' })).toBeVisible();
	await page.getByRole('button', { name: 'Clear search and filters' }).click();
	await expect(list(page).getByRole('link')).toHaveCount(3);

	await page.getByText('Filters').click();
	await page.getByLabel('Tag').selectOption('design');
	await expect(list(page).getByRole('link')).toHaveText([/Ana Lima/]);
	await page.getByLabel('Tag').selectOption('');
	await page.getByLabel('Rating').selectOption('hot');
	await expect(list(page).getByRole('link')).toHaveText([/José Núñez/]);

	// The person page leads with the note; links only for mailto.
	await list(page)
		.getByRole('link', { name: /José Núñez/ })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'José Núñez' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Note' })).toContainText('warehouse drones');
	await expect(page.getByRole('link', { name: 'jose@acme.example' })).toHaveAttribute(
		'href',
		'mailto:jose@acme.example'
	);
	await expect(page.getByRole('region', { name: 'Where and when you met' })).toContainText(
		'Search Conf'
	);

	const starters = page.getByRole('region', { name: 'Next time you talk' }).getByRole('listitem');
	await expect(starters).toHaveCount(3);
	for (const text of await starters.allInnerTexts()) expect(text).not.toMatch(/undefined|\{|“”/);

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Add to phone contacts' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('José Núñez.vcf');
	const vcf = await file.createReadStream().then(
		(stream) =>
			new Promise<string>((done) => {
				const chunks: Buffer[] = [];
				stream.on('data', (c: Buffer) => chunks.push(c));
				stream.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
			})
	);
	expect(vcf).toContain('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:José Núñez\r\n');
	expect(vcf).toContain('EMAIL;TYPE=INTERNET:jose@acme.example');

	await page.getByRole('button', { name: 'Edit' }).click();
	await page.getByLabel('Job title').fill('Chief Technology Officer');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Chief Technology Officer · Acme Robotics')).toBeVisible();
	await page.reload();
	await expect(page.getByText('Chief Technology Officer · Acme Robotics')).toBeVisible();

	await page.getByRole('button', { name: 'Delete' }).click();
	await expect(page).toHaveURL(/\/people$/);
	await expect(list(page).getByRole('link')).toHaveCount(2);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(list(page).getByRole('link')).toHaveCount(3);
	await expect(list(page).getByRole('link', { name: /José Núñez/ })).toContainText(
		'Chief Technology Officer'
	);
});

test('People before anyone is saved says what goes there', async ({ page }) => {
	await page.goto('/people');
	await expect(page.getByRole('heading', { name: 'No one saved yet' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Scan a badge' })).toBeVisible();
});
