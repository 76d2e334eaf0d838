import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, appReady } from './fixtures';

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });

/** Adds a person through Scan › Type it in. */
async function typeIn(page: Page, name: string) {
	await page.goto('/scan');
	await page.getByRole('button', { name: 'Type it in' }).click();
	const sheet = page.getByRole('dialog', { name: 'New contact' });
	await sheet.getByLabel('Name').fill(name);
	await sheet.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(sheet).toBeHidden();
}

/** Axe over Today as it is, in light and dark (the a11y suite only sees an empty Today). */
async function expectAccessible(page: Page) {
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		expect(results.violations.map((v) => `${colorScheme}: ${v.id} ${v.help}`)).toEqual([]);
	}
	await page.emulateMedia({ colorScheme: null });
}

async function openToday(page: Page) {
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
}

test('a reached goal shows on Today once, with the meter, the streak and the chart', async ({
	page
}) => {
	// 11:00 in Berlin on the first day of a two-day event.
	await page.clock.setFixedTime(new Date('2026-06-02T11:00:00+02:00'));
	await page.goto('/events/new');
	await appReady(page);
	await page.getByLabel('Event name').fill('Wins Conf');
	await page.getByLabel('First day').fill('2026-06-02');
	await page.getByLabel('Last day').fill('2026-06-03');
	await page.getByLabel('Time zone').selectOption('Europe/Berlin');
	await expect(page.getByLabel('People to meet')).toHaveValue('10');
	await expect(page.getByLabel('Follow up within (hours)')).toHaveValue('72');
	await page.getByLabel('People to meet').fill('2');
	await page.getByRole('button', { name: 'Save event' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();

	// A talk on now, by hand: people typed in during it are met there.
	await page.goto('/agenda/new');
	await page.getByLabel('Title').fill('Offline first, for real');
	await page.getByLabel('Day').fill('2026-06-02');
	await page.getByLabel('Starts').fill('10:30');
	await page.getByLabel('Ends').fill('11:30');
	await page.getByRole('button', { name: 'Add session' }).click();
	await expect(page).toHaveURL(/\/agenda$/);
	await openToday(page);

	// Before anyone: a kind word, no "0 of 2".
	const wins = page.getByRole('region', { name: 'Small wins' });
	await expect(wins).toContainText('No one yet. The coffee queue is a good start.');
	await expect(wins).not.toContainText('0 of');
	await expect(wins.getByRole('progressbar')).toHaveCount(0);

	await typeIn(page, 'Ana Lima');
	await openToday(page);
	await expect(wins).toContainText('You met 1 person today.');
	const meter = wins.getByRole('progressbar', { name: 'People met at this event' });
	await expect(meter).toHaveAttribute('value', '1');
	await expect(wins.getByTestId('celebration')).toHaveCount(0);

	await typeIn(page, 'Bo Chen');
	await openToday(page);
	await expect(wins).toContainText('You met 2 people today.');
	await expect(meter).toHaveAttribute('value', '2');
	await expect(meter).toHaveAttribute('max', '2');
	await expect(wins.getByTestId('people-progress')).toHaveText('2 of 2');
	await expect(
		wins.getByRole('list', { name: 'Where you met them today' }).getByRole('listitem')
	).toHaveText(['Offline first, for real 2 people']);
	// The goal is celebrated once, in a polite live region.
	const cheer = wins.getByRole('status').getByTestId('celebration');
	await expect(cheer).toHaveCount(1);
	await expect(cheer).toHaveText(/You met your 2 people — nice work\./);
	await expect(wins).toContainText(
		'Nothing sent yet. A short note within 72 hours of meeting someone counts towards your goal.'
	);
	const chart = wins.getByRole('img', {
		name: 'People met per day: 2 on Tue 2 Jun (today), 0 on Wed 3 Jun.'
	});
	await expect(chart).toBeVisible();
	await expect(wins.getByRole('table', { name: 'People met per day' })).toContainText('Tue 2 Jun');
	await expectAccessible(page);

	await cheer.getByRole('button', { name: /^Dismiss/ }).click();
	await expect(cheer).toHaveCount(0);
	await expect(wins.getByRole('heading', { name: 'Small wins' })).toBeFocused();
	await page.reload();
	await expect(wins.getByTestId('people-progress')).toHaveText('2 of 2');
	await expect(wins.getByTestId('celebration')).toHaveCount(0);

	// The next morning: nobody new yet, and a quiet morning does not scold.
	await page.clock.setFixedTime(new Date('2026-06-03T09:00:00+02:00'));
	await page.reload();
	await expect(wins).toContainText('No one new yet today. The coffee queue is a good start.');
	await expect(wins.getByTestId('streak')).toHaveCount(0);
	await typeIn(page, 'Cy Dodd');
	await openToday(page);
	await expect(wins.getByTestId('streak')).toHaveText(
		'2 days in a row with someone new or a follow-up sent.'
	);
	await expect(wins.getByTestId('people-progress')).toHaveText('3 — past your goal of 2');
	await expect(
		wins.getByRole('img', {
			name: 'People met per day: 2 on Tue 2 Jun, 1 on Wed 3 Jun (today).'
		})
	).toBeVisible();
	// Still only once: passing the goal again does not repeat the celebration.
	await expect(wins.getByTestId('celebration')).toHaveCount(0);
});
