import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, createEventThroughUi, goOfflineAfterFirstVisit } from './fixtures';

const FIXTURES = join(import.meta.dirname, '../fixtures/schedules');
test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });

async function setUpDemoCon(page: Page) {
	await createEventThroughUi(page, {
		name: 'DemoCon',
		startDate: '2026-03-28',
		endDate: '2026-03-29'
	});
	await page.goto('/agenda/import');
	await page
		.getByLabel('Agenda file', { exact: true })
		.setInputFiles(join(FIXTURES, 'pretalx-schedule.json'));
	await page.getByRole('button', { name: 'Import 8 sessions' }).click();
	await expect(page).toHaveURL(/\/agenda$/);
}

test('inside a session, Today offers starters that name it; star, add own, survive reload', async ({
	page
}) => {
	// 09:10 in Berlin, ten minutes into the opening keynote.
	await page.clock.setFixedTime(new Date('2026-03-28T08:10:00Z'));
	await setUpDemoCon(page);
	await page.getByRole('link', { name: 'Today', exact: true }).click();

	const starters = page.getByRole('region', { name: 'Conversation starters' });
	await expect(starters.getByText('On now:')).toBeVisible();
	await expect(
		starters.getByRole('link', { name: 'Opening Keynote: Offline First' })
	).toBeVisible();
	const prompts = starters.getByRole('list', { name: 'Starters' }).getByRole('listitem');
	await expect(prompts).toHaveCount(4);
	const texts = await prompts.allInnerTexts();
	// The opener names the talk (its title, shortened at the colon when long).
	expect(texts[0]).toMatch(/“(Opening Keynote|Offline First)[^”]*”/);
	for (const text of texts) expect(text).not.toMatch(/undefined|\{|“”|""/);

	const first = (await prompts.first().locator('p.text').innerText()).trim();
	await prompts
		.first()
		.getByRole('button', { name: /^Star:/ })
		.click();
	await starters.getByText(/^Your starters/).click();
	const saved = starters.getByRole('list', { name: 'Your starters' });
	await expect(saved).toContainText(first);
	await starters.getByLabel('Add my own').fill('What are you hoping to take home from DemoCon?');
	await starters.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(saved).toContainText('What are you hoping to take home');

	// Shuffle gives another set, and the star is kept across it.
	await starters.getByRole('button', { name: 'Shuffle' }).click();
	await page.reload();
	await page.getByText(/^Your starters/).click();
	await expect(page.getByRole('list', { name: 'Your starters' })).toContainText(first);
	await expect(page.getByRole('list', { name: 'Your starters' })).toContainText(
		'What are you hoping to take home'
	);
});

test('between sessions Today offers the next talk; offline too; My intro is kept as typed', async ({
	page
}) => {
	await page.clock.setFixedTime(new Date('2026-03-28T10:40:00Z'));
	await goOfflineAfterFirstVisit(page);
	await setUpDemoCon(page);
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	const starters = page.getByRole('region', { name: 'Conversation starters' });
	await expect(starters.getByText(/^Next at/)).toBeVisible();
	await expect(starters.getByRole('list', { name: 'Starters' }).getByRole('listitem')).toHaveCount(
		4
	);

	await page
		.getByLabel('Your intro', { exact: true })
		.fill('I build offline tools for field nurses.');
	await expect(page.getByText('Saved on this device.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Your intro', { exact: true })).toHaveValue(
		'I build offline tools for field nurses.'
	);
	await page.getByRole('button', { name: 'Rehearse' }).click();
	await expect(page.getByRole('dialog', { name: 'Rehearse your intro' })).toContainText(
		'I build offline tools for field nurses.'
	);
	await page.getByRole('button', { name: 'Done' }).click();
});

test('with no agenda, Today offers starters for where you are', async ({ page }) => {
	await createEventThroughUi(page, { name: 'Meetup', startDate: '2026-05-05' });
	const starters = page.getByRole('region', { name: 'Conversation starters' });
	await starters.getByLabel('Where are you?').selectOption('dinner');
	await expect(
		starters.getByRole('list', { name: 'Starters' }).getByRole('listitem').first()
	).toBeVisible();
	await expect(starters.getByRole('link', { name: 'Import the agenda' })).toBeVisible();
});
