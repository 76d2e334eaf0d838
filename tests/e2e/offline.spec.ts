import {
	test,
	expect,
	createEventThroughUi,
	waitForServiceWorker,
	goOfflineAfterFirstVisit
} from './fixtures';

const screens = [
	{ path: '/', heading: 'Today' },
	{ path: '/scan', heading: 'Scan' },
	{ path: '/people', heading: 'People' },
	{ path: '/agenda', heading: 'Agenda' },
	{ path: '/follow-ups', heading: 'Follow-ups' },
	{ path: '/settings', heading: 'Settings' },
	{ path: '/events', heading: 'Events' },
	{ path: '/events/new', heading: 'New event' },
	{ path: '/people/unread', heading: 'Unread scans' },
	{ path: '/agenda/import', heading: 'Import agenda' },
	{ path: '/agenda/new', heading: 'Add a session' }
];

test('after one visit online, every screen opens offline by URL and by reload', async ({
	page,
	context
}) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	await createEventThroughUi(page, { name: 'Offline Fest', startDate: '2026-09-01' });
	const editLink = page.getByRole('link', { name: 'Edit event' });
	const editPath = new URL((await editLink.getAttribute('href')) ?? '', page.url()).pathname;

	await context.setOffline(true);
	for (const screen of [...screens, { path: editPath, heading: 'Edit event' }]) {
		await page.goto(screen.path);
		await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
		await page.reload();
		await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
	}
	// The deep link rendered from the SPA fallback has its data, not just a shell.
	await expect(page.getByLabel('Event name')).toHaveValue('Offline Fest');
	// A calm indicator, no alarm.
	await expect(page.getByText('Offline', { exact: true })).toBeVisible();
	// A route that does not exist still gets the app (and its 404), not the browser's error page.
	await page.goto('/no-such-screen');
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('creating an event works offline and is still there after an offline reload', async ({
	page
}) => {
	await goOfflineAfterFirstVisit(page);

	await createEventThroughUi(page, {
		name: 'No-Wi-Fi Conf',
		startDate: '2026-10-05',
		endDate: '2026-10-06',
		venue: 'Basement Hall B'
	});
	await expect(page.getByRole('region', { name: 'No-Wi-Fi Conf' })).toContainText(
		'Basement Hall B'
	);
	await page.reload();
	await expect(page.getByRole('region', { name: 'No-Wi-Fi Conf' })).toContainText('Active event');
});
