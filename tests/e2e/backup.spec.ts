import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, createEventThroughUi, appReady } from './fixtures';
import { contacts, putAll, readAll } from './helpers/idb';

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB', permissions: [] });

/** Types a person in from Scan and queues the drafted follow-up. */
async function addPersonWithFollowUp(page: Page, name: string, email: string) {
	await page.goto('/scan');
	await page.getByRole('button', { name: 'Type it in' }).click();
	const sheet = page.getByRole('dialog', { name: 'New contact' });
	await sheet.getByLabel('Name').fill(name);
	await sheet.getByLabel('Email', { exact: true }).fill(email);
	await sheet.getByLabel('Note').fill('offline sync for field teams');
	await sheet.getByRole('button', { name: 'Queue follow-up' }).click();
	await expect(sheet).toBeHidden();
	const composer = page.getByRole('dialog', { name: `Follow-up to ${name}` });
	await composer.getByRole('button', { name: 'Queue' }).click();
	await expect(composer).toBeHidden();
}

async function addSession(page: Page, title: string) {
	await page.goto('/agenda/new');
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Day').fill('2026-06-02');
	await page.getByLabel('Starts').fill('14:00');
	await page.getByLabel('Ends').fill('14:45');
	await page.getByRole('button', { name: 'Add session' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible();
}

/** Downloads a backup from the data screen; returns the saved file's path and its JSON. */
async function downloadBackup(page: Page, path: string, navigate = true) {
	if (navigate) await page.goto('/data');
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download a backup' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('hallway-backup-2026-06-02.json');
	await download.saveAs(path);
	const json = JSON.parse(await readFile(path, 'utf8')) as {
		version: number;
		tables: Record<string, Record<string, unknown>[]>;
	};
	return json;
}

/** Everything stored, for "nothing changed" checks. */
async function everything(page: Page) {
	return Promise.all(
		(['events', 'sessions', 'contacts', 'scans', 'settings'] as const).map((t) => readAll(page, t))
	);
}

test.beforeEach(async ({ page }) => {
	await page.clock.setFixedTime(new Date('2026-06-02T11:00:00+02:00'));
});

test('back up, delete everything, restore: every person, session and follow-up is back', async ({
	page
}, testInfo) => {
	await createEventThroughUi(page, { name: 'Backup Conf', startDate: '2026-06-02' });
	await addSession(page, 'Offline sync in practice');
	await addPersonWithFollowUp(page, 'Ana Lima', 'ana@fabrica.example');
	await addPersonWithFollowUp(page, 'Zoë Ñúñez', 'zoe@example.com');

	const path = testInfo.outputPath('backup.json');
	const file = await downloadBackup(page, path);
	expect(file.version).toBe(1);
	expect(file.tables.contacts?.map((c) => c.name).sort()).toEqual(['Ana Lima', 'Zoë Ñúñez']);
	expect(file.tables.followups).toHaveLength(2);
	expect(file.tables.sessions).toHaveLength(1);
	await expect(page.getByTestId('backup-status')).toHaveText(
		'Backed up just now. Nothing has changed since.'
	);

	// A wrong phrase deletes nothing.
	const confirm = page.getByLabel('Type “delete everything” to confirm');
	await confirm.fill('delete all');
	await page.getByRole('button', { name: 'Delete everything' }).click();
	await expect(page.getByText('Type “delete everything” exactly to confirm.')).toBeVisible();
	expect(await contacts(page)).toHaveLength(2);

	await confirm.fill('delete everything');
	await page.getByRole('button', { name: 'Delete everything' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Start with your event' })).toBeVisible();
	await expect(page.getByText('Everything is deleted from this device.')).toBeVisible();
	expect(await everything(page)).toEqual([[], [], [], [], []]);
	await page.goto('/people');
	await expect(page.getByText('Ana Lima')).toHaveCount(0);

	await page.goto('/data');
	await page.getByLabel('Backup file (.json)').setInputFiles(path);
	const preview = page.getByRole('region', { name: 'What this backup will change' });
	await expect(preview.getByTestId('restore-events')).toHaveText(/Events\s*1\s*0/);
	await expect(preview.getByTestId('restore-sessions')).toHaveText(/Sessions\s*1\s*0/);
	await expect(preview.getByTestId('restore-contacts')).toHaveText(/People\s*2\s*0/);
	await expect(preview.getByTestId('restore-followups')).toHaveText(/Follow-ups\s*2\s*0/);
	await preview.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByText(/^Restored your backup from/)).toBeVisible();
	await expect(preview).toBeHidden();

	await page.getByRole('link', { name: 'People' }).click();
	await expect(page.getByText('Ana Lima')).toBeVisible();
	await expect(page.getByText('Zoë Ñúñez')).toBeVisible();
	await page.getByRole('link', { name: 'Agenda' }).click();
	await expect(
		page
			.getByRole('list', { name: /^Sessions on/ })
			.getByRole('link', { name: 'Offline sync in practice' })
	).toBeVisible();
	await page.getByRole('link', { name: /^Follow-ups/ }).click();
	await expect(page.getByRole('article', { name: 'Ana Lima' })).toBeVisible();
	await expect(page.getByRole('article', { name: 'Zoë Ñúñez' })).toBeVisible();
	await page.getByRole('link', { name: /^Today/ }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Backup Conf' })).toBeVisible();
	// Restoring set the baseline: nothing to back up.
	await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
});

test('a tampered backup and one from a newer Hallway are refused, and nothing changes', async ({
	page
}, testInfo) => {
	await createEventThroughUi(page, { name: 'Tamper Conf', startDate: '2026-06-02' });
	await addPersonWithFollowUp(page, 'Ana Lima', 'ana@fabrica.example');
	const file = await downloadBackup(page, testInfo.outputPath('backup.json'));
	const before = await everything(page);
	const input = page.getByLabel('Backup file (.json)');

	const tampered = structuredClone(file);
	tampered.tables.contacts![0]!.name = 'Someone Else';
	tampered.tables.contacts![0]!.emails = 42;
	await input.setInputFiles({
		name: 'tampered.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(tampered))
	});
	const alert = page.getByRole('alert');
	await expect(alert).toContainText("This backup can't be restored: one problem was found.");
	await expect(alert).toContainText('contacts[0].emails: expected an array');
	await expect(page.getByRole('button', { name: 'Restore' })).toHaveCount(0);

	const newer = { ...structuredClone(file), version: 99 };
	newer.tables.contacts![0]!.name = 'Someone Else';
	await input.setInputFiles({
		name: 'newer.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(newer))
	});
	await expect(alert).toContainText('made by a newer Hallway');
	await expect(alert).toContainText('update Hallway first');
	await expect(page.getByRole('button', { name: 'Restore' })).toHaveCount(0);

	// Cancel after a good preview changes nothing either.
	await input.setInputFiles({
		name: 'edited.json',
		mimeType: 'application/json',
		buffer: Buffer.from(
			JSON.stringify({
				...file,
				tables: { ...file.tables, contacts: [{ ...file.tables.contacts![0], name: 'Renamed' }] }
			})
		)
	});
	const preview = page.getByRole('region', { name: 'What this backup will change' });
	await expect(preview.getByTestId('restore-contacts')).toHaveText(/People\s*0\s*1/);
	await preview.getByRole('button', { name: 'Cancel' }).click();
	await expect(preview).toBeHidden();

	expect(await everything(page)).toEqual(before);
	await page.goto('/people');
	await expect(page.getByText('Ana Lima')).toBeVisible();
});

test('Today counts changes since the last backup until "Back up now"', async ({ page }) => {
	await createEventThroughUi(page, { name: 'Count Conf', startDate: '2026-06-02' });
	const reminder = page.getByTestId('backup-reminder');
	// The event and it becoming the active one.
	await expect(reminder).toHaveText('2 changes not backed up yet.');
	let downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Back up now' }).click();
	await downloading;
	await expect(reminder).toHaveCount(0);

	await addPersonWithFollowUp(page, 'Ana Lima', 'ana@fabrica.example');
	await page.getByRole('link', { name: 'Settings' }).click();
	await page.getByLabel('Your name').fill('Rosa Díaz');
	await expect(page.getByText('Saved on this device.')).toBeVisible();
	// Ana, her follow-up and the name: three rows.
	await expect(reminder).toHaveText('3 changes since your last backup.');
	await page.getByRole('link', { name: /^Today/ }).click();
	await expect(reminder).toHaveText('3 changes since your last backup.');

	downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Back up now' }).click();
	expect((await downloading).suggestedFilename()).toBe('hallway-backup-2026-06-02.json');
	await expect(reminder).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('heading', { level: 2, name: 'Count Conf' })).toBeVisible();
	await expect(reminder).toHaveCount(0);
});

test("deleting one event's data from its page keeps the other events", async ({ page }) => {
	await createEventThroughUi(page, { name: 'Stay Conf', startDate: '2026-05-01' });
	await addPersonWithFollowUp(page, 'Bo Chen', 'bo@chen.example');
	await page.goto('/events/new');
	await appReady(page);
	await page.getByLabel('Event name').fill('Go Conf');
	await page.getByLabel('First day').fill('2026-06-02');
	await page.getByRole('button', { name: 'Save event' }).click();
	const events = await readAll<{ id: string; name: string }>(page, 'events');
	const go = events.find((e) => e.name === 'Go Conf')!;

	await page.goto(`/events/${go.id}`);
	const field = page.getByLabel("Type the event's name to confirm");
	await field.fill('Stay Conf');
	await page.getByRole('button', { name: "Delete this event's data" }).click();
	await expect(
		page.getByText("That isn't the event's name. Type “Go Conf” exactly.")
	).toBeVisible();
	expect(await readAll(page, 'events')).toHaveLength(2);

	await field.fill('Go Conf');
	await page.getByRole('button', { name: "Delete this event's data" }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
	await expect(page.getByText('Deleted Go Conf, with 0 people and 0 sessions.')).toBeVisible();
	expect((await readAll<{ name: string }>(page, 'events')).map((e) => e.name)).toEqual([
		'Stay Conf'
	]);
	expect((await contacts(page)).map((c) => c.name)).toEqual(['Bo Chen']);
});

test('a large backup shows its progress and holds every row', async ({ page }, testInfo) => {
	await createEventThroughUi(page, { name: 'Big Conf', startDate: '2026-06-02' });
	const at = '2026-06-02T09:00:00.000Z';
	const people = Array.from({ length: 3000 }, (_, i) => ({
		id: `p${String(i).padStart(5, '0')}`,
		name: `Person ${i}`,
		emails: [`p${i}@example.com`],
		phones: [],
		urls: [],
		note: 'Met at the coffee queue; wants the slides.',
		tags: ['big'],
		metAt: at,
		createdAt: at,
		updatedAt: at,
		words: ['person', String(i)],
		phoneKeys: []
	}));
	await putAll(page, 'contacts', people);
	await page.goto('/data');
	// Record every progress label shown, however briefly.
	await page.evaluate(() => {
		const seen: string[] = [];
		(window as unknown as { progressSeen: string[] }).progressSeen = seen;
		new MutationObserver(() => {
			const label = document.querySelector('label[for="backup-progress"]')?.textContent;
			if (label && document.querySelector('progress#backup-progress') && !seen.includes(label))
				seen.push(label);
		}).observe(document.body, { subtree: true, childList: true, characterData: true });
	});
	const path = testInfo.outputPath('big.json');
	const file = await downloadBackup(page, path, false);
	expect(file.tables.contacts).toHaveLength(3000);
	const seen = await page.evaluate(
		() => (window as unknown as { progressSeen: string[] }).progressSeen
	);
	expect(seen.some((l) => /^Reading your data: [\d,]+ of 3,002$/.test(l))).toBe(true);
	await expect(page.locator('progress')).toHaveCount(0);
	await expect(page.getByTestId('backup-status')).toHaveText(/^Backed up just now\./);
});
