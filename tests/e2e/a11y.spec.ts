import AxeBuilder from '@axe-core/playwright';
import { test, expect, createEventThroughUi } from './fixtures';

const screens = [
	'/people/unread',
	'/agenda/import',
	'/agenda/new',
	'/',
	'/scan',
	'/people',
	'/agenda',
	'/follow-ups',
	'/settings',
	'/events',
	'/events/new',
	'/data'
];

for (const scheme of ['light', 'dark'] as const) {
	test(`every screen passes axe (WCAG 2 AA, incl. contrast) in ${scheme} mode`, async ({
		page
	}) => {
		await page.emulateMedia({ colorScheme: scheme });
		await createEventThroughUi(page, { name: 'Accessible Conf', startDate: '2026-05-01' });
		for (const path of screens) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
			const results = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
				.analyze();
			const found = results.violations.map(
				(v) => `${path}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
			);
			expect(found).toEqual([]);
		}
	});
}

test('the tab bar works from the keyboard', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
	const people = page.getByRole('link', { name: 'People' });
	await people.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/people$/);
	await expect(people).toHaveAttribute('aria-current', 'page');
});
