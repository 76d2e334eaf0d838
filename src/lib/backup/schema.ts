/**
 * The backup file's schema, in valibot: every row of every table, with its required fields, types,
 * enums and date formats. A file is checked against all of it before anything is written. Pure.
 *
 * Contacts' derived keys (`words`, `phoneKeys`) are not part of the file: they are rebuilt on
 * restore by the contacts repo's own function, so a file cannot plant search keys.
 */
import * as v from 'valibot';
import { validateMessageTemplate } from '$lib/followups/templates';
import type { SettingKey, SettingValues } from '$lib/settings/settings.repo';

const text = () => v.string('expected text');
const flag = () => v.boolean('expected true or false');
const id = () => v.pipe(text(), v.minLength(1, 'expected a non-empty id'));
const list = <T extends v.GenericSchema>(item: T) => v.array(item, 'expected an array');
const object = <T extends v.ObjectEntries>(entries: T) => v.object(entries, 'expected an object');
const oneOf = <const T extends readonly string[]>(options: T) =>
	v.picklist(options, `expected one of ${options.join(', ')}`);
const instant = () =>
	v.pipe(
		text(),
		v.isoTimestamp('expected a date and time like 2026-06-02T09:00:00.000Z'),
		v.check((s) => !Number.isNaN(Date.parse(s)), 'expected a real date and time')
	);
const day = () =>
	v.pipe(
		text(),
		v.isoDate('expected a date like 2026-06-02'),
		v.check(
			(s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
			'expected a real calendar date'
		)
	);
const count = () =>
	v.pipe(
		v.number('expected a number'),
		v.integer('expected a whole number'),
		v.minValue(0, 'expected zero or more')
	);
const timeZone = () =>
	v.pipe(
		text(),
		v.check((zone) => {
			try {
				new Intl.DateTimeFormat('en', { timeZone: zone });
				return zone.length > 0;
			} catch {
				return false;
			}
		}, 'expected a time zone like Europe/Berlin')
	);

export const eventSchema = v.pipe(
	object({
		id: id(),
		name: text(),
		startDate: day(),
		endDate: day(),
		timeZone: timeZone(),
		venue: v.optional(text()),
		goals: object({ peopleToMeet: count(), followUpWithinHours: count() }),
		createdAt: instant(),
		updatedAt: instant()
	}),
	v.forward(
		v.partialCheck(
			[['startDate'], ['endDate']],
			(e) => e.endDate >= e.startDate,
			'expected a last day on or after the first day'
		),
		['endDate']
	)
);

export const sessionSchema = object({
	id: id(),
	eventId: id(),
	title: text(),
	start: instant(),
	end: instant(),
	room: v.optional(text()),
	track: v.optional(text()),
	speakers: list(text()),
	abstract: v.optional(text()),
	isBreak: v.optional(flag()),
	url: v.optional(text()),
	source: v.optional(object({ format: text(), externalId: v.optional(text()) })),
	externalId: v.optional(text()),
	starred: v.optional(flag()),
	createdAt: instant(),
	updatedAt: instant()
});

export const RATINGS = ['hot', 'warm', 'cold'] as const;

export const contactSchema = object({
	id: id(),
	eventId: v.optional(id()),
	sessionId: v.optional(id()),
	name: text(),
	givenName: v.optional(text()),
	familyName: v.optional(text()),
	org: v.optional(text()),
	title: v.optional(text()),
	emails: list(text()),
	phones: list(text()),
	urls: list(text()),
	linkedin: v.optional(text()),
	address: v.optional(text()),
	note: text(),
	tags: list(text()),
	rating: v.optional(oneOf(RATINGS)),
	metAt: instant(),
	createdAt: instant(),
	updatedAt: instant()
});

export const SCAN_SOURCES = ['camera', 'photo', 'manual', 'import'] as const;

export const scanSchema = object({
	id: id(),
	raw: text(),
	format: text(),
	reason: v.optional(text()),
	source: oneOf(SCAN_SOURCES),
	scannedAt: instant(),
	eventId: v.optional(id()),
	contactId: v.optional(id()),
	note: v.optional(text())
});

export const FOLLOW_UP_STATUSES = [
	'draft',
	'queued',
	'sent',
	'replied',
	'snoozed',
	'cancelled'
] as const;
export const CHANNELS = ['email', 'sms', 'linkedin', 'share'] as const;

export const followUpSchema = object({
	id: id(),
	contactId: id(),
	step: v.picklist([0, 1, 2], 'expected 0, 1 or 2'),
	kind: v.optional(oneOf(['check-in'])),
	channel: oneOf(CHANNELS),
	subject: text(),
	body: text(),
	dueAt: instant(),
	status: oneOf(FOLLOW_UP_STATUSES),
	sentAt: v.optional(instant()),
	createdAt: instant(),
	updatedAt: instant()
});

export const PROMPT_KINDS = ['opener', 'deepen', 'small-ask', 'offer', 'own'] as const;

export const promptSchema = object({
	id: id(),
	kind: oneOf(PROMPT_KINDS),
	text: text(),
	sessionId: v.optional(id()),
	favourite: v.optional(flag()),
	createdAt: instant()
});

/**
 * One schema per setting the app declares. Typed against SettingValues, so a new setting that is
 * not given a schema here is a type error rather than a value restored unchecked.
 */
/** A template's subject and body, checked by the same rules as the template editor. */
const TEMPLATE_ERROR = 'expected a template with known merge fields and balanced brackets';
const templateText = () =>
	v.pipe(
		object({ subject: text(), body: text() }),
		v.check((template) => validateMessageTemplate(template).ok, TEMPLATE_ERROR)
	);

export const settingSchemas: { [K in SettingKey]: v.GenericSchema<unknown, SettingValues[K]> } = {
	activeEventId: id(),
	quickSave: flag(),
	continuousScan: flag(),
	scanSound: flag(),
	myIntro: text(),
	myName: text(),
	followUpCadence: object({
		nudge1AfterDays: count(),
		nudge2AfterDays: count(),
		snoozeDays: count()
	}),
	myCard: object({
		org: v.optional(text()),
		title: v.optional(text()),
		email: v.optional(text()),
		phone: v.optional(text()),
		linkedin: v.optional(text()),
		website: v.optional(text())
	}),
	followUpTemplates: object({
		edited: v.record(text(), templateText(), 'expected an object of templates'),
		own: list(
			v.pipe(
				object({ id: id(), label: text(), subject: text(), body: text() }),
				v.check((template) => validateMessageTemplate(template).ok, TEMPLATE_ERROR)
			)
		)
	}),
	followUpNotifications: flag(),
	followUpNotified: list(text()),
	celebratedGoals: list(text()),
	lastBackupAt: instant()
};

/** A settings row as stored in the file; its value is checked against settingSchemas. */
export const settingRowSchema = object({
	key: v.pipe(text(), v.minLength(1, 'expected a setting name')),
	value: v.unknown()
});

export const tablesSchema = object({
	events: list(eventSchema),
	sessions: list(sessionSchema),
	contacts: list(contactSchema),
	scans: list(scanSchema),
	followups: list(followUpSchema),
	prompts: list(promptSchema),
	settings: list(settingRowSchema)
});

export const backupSchema = object({
	format: v.literal('hallway-backup', 'expected "hallway-backup"'),
	version: v.literal(1, 'expected 1'),
	exportedAt: instant(),
	appVersion: text(),
	tables: tablesSchema
});

/** A path from a valibot issue, as people read it: `contacts[3].emails`. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
	let out = '';
	for (const item of issue.path ?? []) {
		const key = item.key;
		if (typeof key === 'number') out += `[${key}]`;
		else out += out ? `.${String(key)}` : String(key);
	}
	return out;
}
