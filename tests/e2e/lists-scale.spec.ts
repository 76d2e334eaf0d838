import type { Page } from '@playwright/test';
import type { ContactRow, FollowUpRow } from '../../src/lib/db/types';
import { test, expect, createEventThroughUi } from './fixtures';
import { activeEventId, putAll, seedSessions } from './helpers/idb';

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB', permissions: [] });

const SURNAMES = ['Okafor', 'Lindqvist', 'Tanaka', 'Moreau', 'Silva', 'Nowak', 'Haddad', 'Kim'];

/** `count` contacts, created one minute apart; the oldest is "Oona Quokka". */
function manyContacts(count: number): ContactRow[] {
	const start = Date.parse('2026-01-01T08:00:00Z');
	return Array.from({ length: count }, (_, i) => {
		const name = i === 0 ? 'Oona Quokka' : `Guest${i} ${SURNAMES[i % SURNAMES.length]}`;
		const at = new Date(start + i * 60_000).toISOString();
		return {
			id: `c-${String(i).padStart(5, '0')}`,
			name,
			emails: [],
			phones: [],
			urls: [],
			note: '',
			tags: [],
			metAt: at,
			createdAt: at,
			updatedAt: at,
			words: name.toLowerCase().split(' '),
			phoneKeys: []
		};
	});
}

/** Opens a screen once, so the app creates its database before rows are put in. */
async function seed(page: Page, table: 'contacts' | 'followups', rows: unknown[]) {
	await page.goto('/people');
	await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
	await putAll(page, table, rows);
}

const people = (page: Page) => page.getByRole('list', { name: 'People' });

test('People with 1,500 contacts: the count, search and scrolling reach the oldest', async ({
	page
}) => {
	await seed(page, 'contacts', manyContacts(1500));
	await page.goto('/people');
	const count = page.getByText(/people, newest first$/);
	await expect(count).toHaveText('1,500 people, newest first');
	await expect(people(page)).toHaveAttribute('aria-describedby', /./);
	await expect(people(page).getByRole('link').first()).toContainText('Guest1499 Moreau');
	// Only what is on screen is in the page, yet each row knows its place in the whole list.
	expect(await people(page).getByRole('listitem').count()).toBeLessThan(100);
	await expect(people(page).getByRole('listitem').first()).toHaveAttribute('aria-setsize', '1500');

	// By search: the oldest is found, and the new count is announced.
	const search = page.getByLabel('Search people');
	await search.fill('quokka');
	await expect(people(page).getByRole('link')).toHaveText([/Oona Quokka/]);
	await expect(page.getByText('1 match', { exact: true })).toBeVisible();
	await search.fill('nowak');
	await expect(page.getByText('187 matches', { exact: true })).toBeVisible();
	await search.fill('');
	await expect(count).toHaveText('1,500 people, newest first');

	// By scrolling: the end of the list is the oldest contact, item 1,500 of 1,500.
	await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
	const oldest = people(page).getByRole('listitem').filter({ hasText: 'Oona Quokka' });
	await expect(oldest).toBeInViewport();
	await expect(oldest).toHaveAttribute('aria-posinset', '1500');
	await oldest.getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1, name: 'Oona Quokka' })).toBeVisible();
});

test('People with 1,500 contacts: Tab walks the rows in order past the first screen', async ({
	page
}) => {
	await seed(page, 'contacts', manyContacts(1500));
	await page.goto('/people');
	const first = people(page).getByRole('link').first();
	await expect(first).toContainText('Guest1499');
	await first.focus();
	// Focus in the list reads everyone; the list says it is busy until then.
	await expect(people(page)).not.toHaveAttribute('aria-busy', 'true');
	for (let i = 0; i < 40; i += 1) await page.keyboard.press('Tab');
	// 40 rows on: Guest1459, focused, on screen and rendered in list order.
	const focused = page.locator(':focus');
	await expect(focused).toContainText('Guest1459');
	await expect(focused).toBeInViewport();
	await expect(focused.locator('xpath=..')).toHaveAttribute('aria-posinset', '41');
	await page.keyboard.press('Shift+Tab');
	await expect(page.locator(':focus')).toContainText('Guest1460');

	// Far down the list, a new search shows its matches from the top.
	await page.evaluate(() => window.scrollTo(0, 40_000));
	await page.getByLabel('Search people').fill('quokka');
	await expect(people(page).getByRole('link', { name: /Oona Quokka/ })).toBeInViewport();
});

test('Follow-ups with 120 due: first 20 shown, Show more, counts and Send all due cover everyone', async ({
	page
}) => {
	await page.clock.setFixedTime(new Date('2026-06-03T12:00:00+02:00'));
	const contacts = manyContacts(120).map((c) => ({ ...c, emails: [`${c.id}@example.com`] }));
	const rows: FollowUpRow[] = contacts.map((c, i) => ({
		id: `f-${c.id}`,
		contactId: c.id,
		step: 0,
		channel: 'email',
		subject: `Hello ${c.name}`,
		body: 'Great to meet you.',
		// The longest overdue first: Oona's is the oldest.
		dueAt: new Date(Date.parse('2026-06-02T07:00:00Z') + i * 60_000).toISOString(),
		status: 'queued',
		createdAt: '2026-06-01T10:00:00.000Z',
		updatedAt: '2026-06-01T10:00:00.000Z'
	}));
	await seed(page, 'contacts', contacts);
	await putAll(page, 'followups', rows);
	await page.goto('/follow-ups');
	await expect(page.getByRole('heading', { level: 2, name: 'Due now (120)' })).toBeVisible();
	const due = page.getByRole('region', { name: /^Due now/ });
	await expect(due.getByRole('article')).toHaveCount(20);
	await expect(due.getByRole('article').first()).toHaveAccessibleName('Oona Quokka');
	await due.getByRole('button', { name: 'Show 50 more of 100' }).click();
	await expect(due.getByRole('article')).toHaveCount(70);
	await due.getByRole('button', { name: 'Show 50 more', exact: true }).click();
	await expect(due.getByRole('article')).toHaveCount(120);
	await expect(due.getByRole('button', { name: /^Show/ })).toHaveCount(0);

	// Send all due walks everyone, including people further down than the first screen.
	await page.reload();
	await page.getByRole('button', { name: 'Send all due (120)' }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog).toContainText('1 of 120');
	await expect(dialog).toContainText('Oona Quokka');
});

test('Agenda with 300 sessions in a day: all of them listed in time order, stars work', async ({
	page
}) => {
	await page.clock.setFixedTime(new Date('2026-06-02T07:00:00+02:00'));
	await createEventThroughUi(page, { name: 'Big Conf', startDate: '2026-06-02' });
	const eventId = await activeEventId(page);
	const sessions: [string, string, string, string][] = Array.from({ length: 300 }, (_, i) => {
		const start = new Date(Date.parse('2026-06-02T07:00:00Z') + i * 120_000);
		const end = new Date(start.getTime() + 30 * 60_000);
		return [`s-${i}`, `Talk ${i + 1}`, start.toISOString(), end.toISOString()];
	});
	await seedSessions(page, eventId, sessions);
	await page.goto('/agenda');
	const items = page.getByRole('list', { name: /^Sessions on/ }).getByRole('listitem');
	await expect(items.first()).toContainText('Talk 1');
	await expect(items).toHaveCount(300);
	await expect(items.last()).toContainText('Talk 300');
	await items.last().getByRole('button', { name: 'Star Talk 300' }).click();
	await expect(items.last().getByRole('button', { name: 'Star Talk 300' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await page.getByLabel('My agenda only').check();
	await expect(items).toHaveText([/Talk 300/]);
});
