import type { Download, Page } from '@playwright/test';
import { test, expect, createEventThroughUi, goOfflineAfterFirstVisit } from './fixtures';
import { contacts, scans } from './helpers/idb';

test.use({ locale: 'en-GB', permissions: [] });

interface Person {
	name: string;
	org?: string;
	email?: string;
	phone?: string;
	tags?: string;
}

/** Adds a person through Scan › Type it in, into the active event. */
async function typeIn(page: Page, person: Person) {
	await page.goto('/scan');
	await page.getByRole('button', { name: 'Type it in' }).click();
	const sheet = page.getByRole('dialog', { name: 'New contact' });
	await sheet.getByLabel('Name').fill(person.name);
	if (person.org) await sheet.getByLabel('Company').fill(person.org);
	if (person.email) await sheet.getByLabel('Email', { exact: true }).fill(person.email);
	if (person.phone) await sheet.getByLabel('Phone', { exact: true }).fill(person.phone);
	if (person.tags) await sheet.getByLabel('Tags').fill(person.tags);
	await sheet.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(sheet).toBeHidden();
}

async function text(download: Download): Promise<string> {
	const stream = await download.createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

const card = (lines: string[]) =>
	['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n') + '\r\n';

test('export by tag as CSV and everyone as .vcf, then import a .vcf with a known face, offline', async ({
	page
}) => {
	await goOfflineAfterFirstVisit(page);
	await createEventThroughUi(page, { name: 'Alpha Conf', startDate: '2026-06-02' });
	await typeIn(page, {
		name: 'Ana Lima',
		org: 'Fábrica, Ltda',
		email: 'ana@alpha.example',
		phone: '+44 20 7946 0958',
		tags: 'design'
	});
	await createEventThroughUi(page, { name: 'Beta Summit', startDate: '2026-07-01' });
	await typeIn(page, { name: 'Bo Chen', email: 'bo@beta.example', tags: '=investor' });
	await createEventThroughUi(page, { name: 'Gamma Days', startDate: '2026-08-01' });

	// From People's filters, the tag comes along to the export.
	await page.goto('/people');
	await page.getByText('Filters').click();
	await page.getByLabel('Tag').selectOption('design');
	await page.getByRole('button', { name: 'Export these contacts' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
	const who = page.getByLabel('Who to export');
	await expect(who).toHaveValue('tag:design');

	const csvDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export CSV' }).click();
	const csvFile = await csvDownload;
	expect(csvFile.suggestedFilename()).toMatch(
		/^Hallway contacts - tag design - \d{4}-\d\d-\d\d\.csv$/
	);
	const csv = await text(csvFile);
	expect(csv.startsWith('\uFEFF')).toBe(true);
	const lines = csv.slice(1).split('\r\n');
	expect(lines[0]).toBe(
		'First name,Last name,Email,Phone,Company,Title,LinkedIn,Event,Session,Met at,Tags,Rating,Note'
	);
	expect(lines[1]).toMatch(
		/^Ana,Lima,ana@alpha\.example,'\+44 20 7946 0958,"Fábrica, Ltda",,,Alpha Conf,,2026-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d),design,,$/
	);
	expect(lines.slice(2)).toEqual(['']);
	await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(
		'Exported 1 contact.'
	);

	// An event nobody was met at: said so, and no empty file.
	let downloads = 0;
	page.on('download', () => downloads++);
	await who.selectOption({ label: 'Gamma Days' });
	await page.getByRole('button', { name: 'Export CSV' }).click();
	await expect(page.getByText("No one here yet, so there's nothing to export.")).toBeVisible();
	expect(downloads).toBe(0);

	await who.selectOption('all');
	const vcfDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export .vcf' }).click();
	const vcfFile = await vcfDownload;
	expect(vcfFile.suggestedFilename()).toMatch(/^Hallway contacts - everyone - .*\.vcf$/);
	const vcf = await text(vcfFile);
	expect(vcf.match(/BEGIN:VCARD\r\nVERSION:3\.0\r\n/g)).toHaveLength(2);
	expect(vcf).toContain('FN:Ana Lima\r\n');
	expect(vcf).toContain('FN:Bo Chen\r\n');
	expect(vcf).toContain('CATEGORIES:=investor\r\n');
	expect(vcf).toContain('Met at Beta Summit');
	await expect(page.getByText('Exported 2 contacts.')).toBeVisible();

	// Import three cards, one of them Ana again (same email): 2 new, 1 already there.
	await page.getByLabel('Contacts file (.vcf)').setInputFiles({
		name: 'from-phone.vcf',
		mimeType: 'text/vcard',
		buffer: Buffer.from(
			card(['FN:Cy Diaz', 'ORG:Zeta', 'EMAIL:cy@zeta.example']) +
				card(['FN:Dee Evans', 'TEL:+1 415 555 0100']) +
				card(['FN:Ana L.', 'EMAIL:ANA@alpha.example', 'TITLE:Head of Design'])
		)
	});
	await expect(page.getByTestId('import-new')).toHaveText('2 new');
	await expect(page.getByTestId('import-existing')).toContainText('1 already in Hallway');
	// New people go to the active event unless another is picked.
	await expect(page.getByLabel('Add new people to').locator('option:checked')).toHaveText(
		'Gamma Days'
	);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(
		page.getByText(/Imported from-phone\.vcf: 2 new people, 1 already saved/)
	).toBeVisible();

	await page.getByRole('link', { name: 'See them in People' }).click();
	const list = page.getByRole('list', { name: 'People' });
	await expect(list.getByRole('link')).toHaveCount(4);
	await expect(list.getByRole('link', { name: /Cy Diaz/ })).toContainText('Gamma Days');
	await expect(list.getByRole('link', { name: /Dee Evans/ })).toBeVisible();
	// Ana kept her name and gained the title she was missing.
	await expect(list.getByRole('link', { name: /Ana Lima/ })).toContainText('Head of Design');

	const saved = await contacts(page);
	expect(saved).toHaveLength(4);
	const imported = (await scans(page)).filter((s) => s.source === 'import');
	expect(imported).toHaveLength(3);
	expect(imported.every((s) => s.contactId)).toBe(true);
});

test('a file that is not a contacts file is refused and changes nothing', async ({ page }) => {
	await page.goto('/data');
	await page.getByLabel('Contacts file (.vcf)').setInputFiles({
		name: 'notes.vcf',
		mimeType: 'text/vcard',
		buffer: Buffer.from('Name,Email\nAna,ana@example.com\n')
	});
	await expect(page.getByRole('alert')).toContainText(
		'notes.vcf: This file has no contact cards in it.'
	);
	await expect(page.getByRole('alert')).toContainText('Nothing was changed.');
	await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
	expect(await contacts(page)).toHaveLength(0);
});
