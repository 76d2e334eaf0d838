import { test, expect, createEventThroughUi, appReady } from './fixtures';

test.describe('events', () => {
	test('a first visit shows the first step, not an empty flash', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { name: 'Start with your event' })).toBeVisible();
		await page.getByRole('link', { name: 'Add your event' }).click();
		await expect(page).toHaveURL(/\/events\/new$/);
	});

	test('create an event: validation speaks, then it is saved, active, and survives a reload', async ({
		page
	}) => {
		await page.goto('/events/new');
		await appReady(page);
		await page.getByRole('button', { name: 'Save event' }).click();
		await expect(page.getByText('Give the event a name.')).toBeVisible();
		await expect(page.getByLabel('Event name')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('Event name')).toBeFocused();

		await page.getByLabel('Event name').fill('Hallway Summit');
		await page.getByLabel('First day').fill('2026-06-03');
		await page.getByLabel('Last day').fill('2026-06-01');
		await page.getByRole('button', { name: 'Save event' }).click();
		await expect(page.getByText('The last day is before the first day.')).toBeVisible();

		await page.getByLabel('Last day').fill('2026-06-04');
		await page.getByLabel(/^Venue/).fill('Congress Hall');
		// The time zone defaults to the device's.
		const deviceZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
		await expect(page.getByLabel('Time zone')).toHaveValue(deviceZone);
		await page.getByRole('button', { name: 'Save event' }).click();

		await expect(page).toHaveURL(/\/$/);
		const active = page.getByRole('region', { name: 'Hallway Summit' });
		await expect(active).toContainText('Active event');
		await expect(active).toContainText('Congress Hall');

		await page.reload();
		await expect(page.getByRole('region', { name: 'Hallway Summit' })).toContainText(
			'Active event'
		);
	});

	test('edit an event and switch the active one', async ({ page }) => {
		await createEventThroughUi(page, { name: 'Day One Conf', startDate: '2026-05-10' });
		await createEventThroughUi(page, { name: 'Second Meetup', startDate: '2026-07-01' });
		await expect(page.getByRole('region', { name: 'Second Meetup' })).toBeVisible();

		await page.getByRole('link', { name: 'Switch event' }).click();
		await page.getByRole('button', { name: 'Make Day One Conf active' }).click();
		await expect(page.getByText('Day One Conf is now your active event.')).toBeVisible();

		await page.getByRole('link', { name: 'Edit Day One Conf' }).click();
		await expect(page.getByLabel('Event name')).toHaveValue('Day One Conf');
		await page.getByLabel('Event name').fill('Day One Conference');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page).toHaveURL(/\/events$/);

		await page.getByRole('link', { name: 'Today', exact: true }).click();
		await expect(page.getByRole('region', { name: 'Day One Conference' })).toContainText(
			'Active event'
		);
		await page.reload();
		await expect(page.getByRole('region', { name: 'Day One Conference' })).toBeVisible();
	});
});
