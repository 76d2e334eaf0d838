import { test, expect, createEventThroughUi } from './fixtures';

test('Settings shows storage use, persistence and the version', async ({ page }) => {
	await createEventThroughUi(page, { name: 'Storage Conf', startDate: '2026-03-03' });
	await page.getByRole('link', { name: 'Settings' }).click();
	await expect(page.getByText('Active event: Storage Conf')).toBeVisible();
	await expect(page.getByTestId('storage-used')).toHaveText(/\d+(\.\d)? (B|KB|MB) of .* available/);
	// The first write asked for persistence; whatever the browser answered is stated plainly.
	await expect(page.getByTestId('storage-persisted')).toHaveText(/^(Yes|Not yet)/);
	await expect(page.getByTestId('app-version')).toHaveText(/\S+/);
});

test('the follow-up rhythm is kept, and out-of-range gaps are brought back into range', async ({
	page
}) => {
	await page.goto('/settings');
	const first = page.getByLabel('First nudge after (days)');
	await expect(first).toHaveValue('5');
	await first.fill('3');
	await first.blur();
	await expect(page.getByText('Saved on this device. New nudges use these gaps.')).toBeVisible();
	const snooze = page.getByLabel('"Not now" brings them back after (days)');
	await snooze.fill('0');
	await snooze.blur();
	await expect(snooze).toHaveValue('1');
	await page.reload();
	await expect(page.getByLabel('First nudge after (days)')).toHaveValue('3');
	await expect(page.getByLabel('"Not now" brings them back after (days)')).toHaveValue('1');
	await expect(page.getByLabel('Second, last nudge after (days)')).toHaveValue('7');
});
