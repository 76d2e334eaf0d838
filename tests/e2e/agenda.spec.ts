import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, createEventThroughUi, goOfflineAfterFirstVisit } from './fixtures';

const FIXTURES = join(import.meta.dirname, '../fixtures/schedules');
// The device is in Berlin too, so the new event's zone (the device's) is Europe/Berlin.
test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });

async function importFile(page: Page, file: string) {
	await page.goto('/agenda/import');
	await page.getByLabel('Agenda file', { exact: true }).setInputFiles(join(FIXTURES, file));
	await expect(page.getByRole('heading', { name: 'Check before importing' })).toBeVisible();
}

/** The sessions listed for the chosen day, once the list is on screen. */
async function sessionTimes(page: Page) {
	await expect(page).toHaveURL(/\/agenda$/);
	const items = page.getByRole('list', { name: /^Sessions on/ }).getByRole('listitem');
	await expect(items.first()).toBeVisible();
	return items.allInnerTexts();
}

test.describe('agenda import', () => {
	test('pretalx JSON: preview, import, and times shown in the event zone', async ({ page }) => {
		await createEventThroughUi(page, {
			name: 'DemoCon',
			startDate: '2026-03-28',
			endDate: '2026-03-29'
		});
		await importFile(page, 'pretalx-schedule.json');
		await expect(page.getByTestId('preview-sessions')).toHaveText('8');
		await expect(page.getByText('pretalx / frab JSON')).toBeVisible();
		await page.getByRole('button', { name: /^Import 8 sessions$/ }).click();
		await expect(page).toHaveURL(/\/agenda$/);
		await page.getByRole('button', { name: /28 Mar/ }).click();
		const items = await sessionTimes(page);
		// 08:00Z is 09:00 in Berlin (CET); the late talk runs past midnight into the DST change.
		expect(items.find((t) => t.includes('Opening Keynote'))).toContain('09:00–09:45');
		expect(items.find((t) => t.includes('Late Night Lightning'))).toContain('23:30–01:00');
	});

	for (const [file, format, count] of [
		['pretalx-schedule.xml', 'pretalx / frab XML', 8],
		['democon.ics', 'iCalendar', 10],
		['agenda.csv', 'CSV', 5]
	] as const) {
		test(`${format} imports through the UI`, async ({ page }) => {
			await createEventThroughUi(page, { name: `Conf ${format}`, startDate: '2026-03-28' });
			await importFile(page, file);
			await expect(page.getByTestId('preview-sessions')).toHaveText(String(count));
			await page.getByRole('button', { name: `Import ${count} sessions` }).click();
			await expect(page).toHaveURL(/\/agenda$/);
			await expect(page.getByText('Opening Keynote', { exact: false }).first()).toBeVisible();
		});
	}

	test('Sessionize with floating times asks for the zone and reads them in it', async ({
		page
	}) => {
		await createEventThroughUi(page, { name: 'Autumn Dev', startDate: '2026-10-31' });
		await importFile(page, 'sessionize-all.json');
		const zone = page.getByLabel(/have no time zone/);
		await expect(zone).toHaveValue('Europe/Berlin');
		await page.getByRole('button', { name: /^Import \d+ sessions$/ }).click();
		const items = await sessionTimes(page);
		expect(items.find((t) => t.includes('Building Offline-First PWAs'))).toContain('09:00–09:45');
	});

	test('a bad file names the problem and changes nothing', async ({ page }) => {
		await createEventThroughUi(page, { name: 'Careful Conf', startDate: '2026-03-28' });
		await importFile(page, 'pretalx-schedule.json');
		await page.getByRole('button', { name: 'Import 8 sessions' }).click();
		await expect(page).toHaveURL(/\/agenda$/);

		await page.goto('/agenda/import');
		await page.getByLabel('Agenda file', { exact: true }).setInputFiles({
			name: 'schedule.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"schedule": {"conference": {"title": "x", "days": [')
		});
		await expect(page.getByRole('alert')).toBeVisible();
		await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
		await page.goto('/agenda');
		await page.getByRole('button', { name: /28 Mar/ }).click();
		expect((await sessionTimes(page)).length).toBeGreaterThan(0);
	});

	test('re-importing an updated agenda keeps the people met at a session linked to it', async ({
		page
	}) => {
		// 09:10 in Berlin, during the opening keynote.
		await page.clock.setFixedTime(new Date('2026-03-28T08:10:00Z'));
		await createEventThroughUi(page, { name: 'Relink Conf', startDate: '2026-03-28' });
		await importFile(page, 'pretalx-schedule.json');
		await page.getByRole('button', { name: 'Import 8 sessions' }).click();
		await expect(page).toHaveURL(/\/agenda$/);

		await page.goto('/scan');
		await page.getByRole('button', { name: 'Type it in' }).click();
		const sheet = page.getByRole('dialog', { name: 'New contact' });
		await expect(sheet.getByLabel('Where you met')).toHaveValue(/.+/);
		await sheet.getByLabel('Name').fill('Kim Park');
		await sheet.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(sheet).toBeHidden();

		// The organisers renamed the keynote and moved it; the file keeps its id.
		const updated = readFileSync(join(FIXTURES, 'pretalx-schedule.json'), 'utf8').replace(
			'Opening Keynote: Offline First',
			'Opening Keynote: Offline First, Revised'
		);
		await page.goto('/agenda/import');
		await page.getByLabel('Agenda file', { exact: true }).setInputFiles({
			name: 'schedule.json',
			mimeType: 'application/json',
			buffer: Buffer.from(updated)
		});
		await expect(page.getByTestId('preview-changes')).toContainText(
			'0 new, 1 updated, 7 unchanged'
		);
		await page.getByRole('button', { name: 'Import 8 sessions' }).click();
		await expect(page).toHaveURL(/\/agenda$/);

		await page
			.getByRole('list', { name: /^Sessions on/ })
			.getByRole('link', { name: 'Opening Keynote: Offline First, Revised' })
			.click();
		const met = page.getByRole('region', { name: 'People you met here' });
		await expect(met.getByRole('link', { name: 'Kim Park' })).toBeVisible();
		await met.getByRole('link', { name: 'Kim Park' }).click();
		await expect(page.getByRole('region', { name: 'Where and when you met' })).toContainText(
			'Opening Keynote: Offline First, Revised'
		);
	});

	test('starring builds My agenda', async ({ page }) => {
		await createEventThroughUi(page, { name: 'Star Conf', startDate: '2026-03-28' });
		await importFile(page, 'pretalx-schedule.json');
		await page.getByRole('button', { name: 'Import 8 sessions' }).click();
		await page.getByRole('button', { name: /28 Mar/ }).click();
		await page.getByRole('button', { name: 'Star Opening Keynote: Offline First' }).click();
		await expect(
			page.getByRole('button', { name: 'Star Opening Keynote: Offline First' })
		).toHaveAttribute('aria-pressed', 'true');
		await page.getByLabel('My agenda only').check();
		expect(await sessionTimes(page)).toHaveLength(1);
		await page.reload();
		await page.getByRole('button', { name: /28 Mar/ }).click();
		await expect(
			page.getByRole('button', { name: 'Star Opening Keynote: Offline First' })
		).toHaveAttribute('aria-pressed', 'true');
	});

	test('import works offline, and a session can be added and edited by hand', async ({ page }) => {
		await goOfflineAfterFirstVisit(page);
		await createEventThroughUi(page, { name: 'Offline Agenda', startDate: '2026-03-28' });
		await importFile(page, 'agenda.csv');
		await page.getByRole('button', { name: 'Import 5 sessions' }).click();
		await expect(page).toHaveURL(/\/agenda$/);

		await page.getByRole('link', { name: 'Add session' }).click();
		await page.getByLabel('Title').fill('Hallway track');
		await page.getByLabel('Day').fill('2026-03-28');
		await page.getByLabel('Starts').fill('16:00');
		await page.getByLabel('Ends').fill('16:30');
		await page.getByLabel('Room').fill('Foyer');
		await page.getByRole('button', { name: 'Add session' }).click();
		await page.getByRole('button', { name: /28 Mar/ }).click();
		expect((await sessionTimes(page)).find((t) => t.includes('Hallway track'))).toContain(
			'16:00–16:30'
		);

		await page.getByRole('link', { name: 'Hallway track' }).click();
		await page.getByRole('link', { name: 'Edit' }).click();
		await page.getByLabel('Ends').fill('17:00');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page.getByText(/16:00–17:00/)).toBeVisible();
	});
});

test.describe('agenda from a web address', () => {
	let server: Server;
	const PORT = Number(process.env.E2E_AGENDA_PORT ?? 4394);
	test.beforeAll(async () => {
		const body = readFileSync(join(FIXTURES, 'pretalx-schedule.json'));
		server = createServer((req, res) => {
			// One path allows cross-origin reads, the other doesn't (like many conference sites).
			if (req.url === '/open/schedule.json') res.setHeader('Access-Control-Allow-Origin', '*');
			res.setHeader('Content-Type', 'application/json');
			res.end(body);
		});
		await new Promise<void>((done) => server.listen(PORT, 'localhost', done));
	});
	test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

	test('fetches when allowed, and explains when the server refuses', async ({ page, guard }) => {
		guard.origins.add(`http://localhost:${PORT}`);
		await createEventThroughUi(page, { name: 'Remote Conf', startDate: '2026-03-28' });
		await page.goto('/agenda/import');
		await page
			.getByLabel('Address of the agenda file')
			.fill(`http://localhost:${PORT}/closed/schedule.json`);
		await page.getByRole('button', { name: 'Fetch' }).click();
		await expect(page.getByRole('alert')).toContainText('download the file and pick it here');

		await page
			.getByLabel('Address of the agenda file')
			.fill(`http://localhost:${PORT}/open/schedule.json`);
		await page.getByRole('button', { name: 'Fetch' }).click();
		await expect(page.getByTestId('preview-sessions')).toHaveText('8');
		await page.getByRole('button', { name: 'Import 8 sessions' }).click();
		await expect(page).toHaveURL(/\/agenda$/);
	});
});
