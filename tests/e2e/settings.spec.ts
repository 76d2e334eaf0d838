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
