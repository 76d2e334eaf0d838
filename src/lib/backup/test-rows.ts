/**
 * Random databases for the backup tests (fast-check): rows in every table with non-ASCII text
 * and optional fields both absent and present, shaped as the repos store them.
 */
import fc from 'fast-check';
import type {
	ContactRow,
	EventRow,
	FollowUpRow,
	PromptRow,
	ScanRow,
	SessionRow,
	SettingRow
} from '$lib/db/types';
import { withKeys } from '$lib/contacts/contacts.repo';
import { CHANNELS, FOLLOW_UP_STATUSES, PROMPT_KINDS, RATINGS, SCAN_SOURCES } from './schema';

const text = fc.oneof(
	fc.string({ maxLength: 12 }),
	fc.string({ unit: 'grapheme', maxLength: 12 }),
	fc.string({ unit: 'binary', maxLength: 12 })
);
const someText = fc.oneof(
	fc.constantFrom('Ana Lima', 'José Ñúñez', '李小龙', 'Zoë 🎤', 'Åsa Øberg'),
	text
);
const id = fc.oneof(fc.uuid(), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }));
const instant = fc
	.date({
		min: new Date('2000-01-01T00:00:00Z'),
		max: new Date('2099-12-31T23:59:59Z'),
		noInvalidDate: true
	})
	.map((d) => d.toISOString());
const day = instant.map((s) => s.slice(0, 10));
const list = fc.array(someText, { maxLength: 4 });
const unique = <T extends { id: string }>(row: fc.Arbitrary<T>) =>
	fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 6 });

const event: fc.Arbitrary<EventRow> = fc
	.record(
		{
			id,
			name: someText,
			startDate: day,
			endDate: day,
			timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Tokyo', 'America/Sao_Paulo'),
			venue: someText,
			goals: fc.record({
				peopleToMeet: fc.nat({ max: 500 }),
				followUpWithinHours: fc.nat({ max: 500 })
			}),
			createdAt: instant,
			updatedAt: instant
		},
		{
			requiredKeys: [
				'id',
				'name',
				'startDate',
				'endDate',
				'timeZone',
				'goals',
				'createdAt',
				'updatedAt'
			]
		}
	)
	// An event never ends before it starts (the event form and the backup schema both say so).
	.map((e) => (e.endDate < e.startDate ? { ...e, startDate: e.endDate, endDate: e.startDate } : e));

const session: fc.Arbitrary<SessionRow> = fc.record(
	{
		id,
		eventId: id,
		title: someText,
		start: instant,
		end: instant,
		room: someText,
		track: someText,
		speakers: list,
		abstract: someText,
		isBreak: fc.boolean(),
		url: someText,
		source: fc.record({ format: someText, externalId: someText }, { requiredKeys: ['format'] }),
		externalId: someText,
		starred: fc.boolean(),
		createdAt: instant,
		updatedAt: instant
	},
	{ requiredKeys: ['id', 'eventId', 'title', 'start', 'end', 'speakers', 'createdAt', 'updatedAt'] }
);

const contact: fc.Arbitrary<ContactRow> = fc
	.record(
		{
			id,
			eventId: id,
			sessionId: id,
			name: someText,
			givenName: someText,
			familyName: someText,
			org: someText,
			title: someText,
			emails: list,
			phones: fc.array(fc.oneof(someText, fc.constantFrom('+49 30 1234567', '(555) 010-9999')), {
				maxLength: 3
			}),
			urls: list,
			linkedin: someText,
			address: someText,
			note: someText,
			tags: list,
			rating: fc.constantFrom(...RATINGS),
			metAt: instant,
			createdAt: instant,
			updatedAt: instant
		},
		{
			requiredKeys: [
				'id',
				'name',
				'emails',
				'phones',
				'urls',
				'note',
				'tags',
				'metAt',
				'createdAt',
				'updatedAt'
			]
		}
	)
	.map((c) => withKeys({ ...c, words: [], phoneKeys: [] }));

const scan: fc.Arbitrary<ScanRow> = fc.record(
	{
		id,
		raw: someText,
		format: someText,
		reason: someText,
		source: fc.constantFrom(...SCAN_SOURCES),
		scannedAt: instant,
		eventId: id,
		contactId: id,
		note: someText
	},
	{ requiredKeys: ['id', 'raw', 'format', 'source', 'scannedAt'] }
);

const followup: fc.Arbitrary<FollowUpRow> = fc.record(
	{
		id,
		contactId: id,
		step: fc.constantFrom(0 as const, 1 as const, 2 as const),
		kind: fc.constant('check-in' as const),
		channel: fc.constantFrom(...CHANNELS),
		subject: someText,
		body: someText,
		dueAt: instant,
		status: fc.constantFrom(...FOLLOW_UP_STATUSES),
		sentAt: instant,
		createdAt: instant,
		updatedAt: instant
	},
	{
		requiredKeys: [
			'id',
			'contactId',
			'step',
			'channel',
			'subject',
			'body',
			'dueAt',
			'status',
			'createdAt',
			'updatedAt'
		]
	}
);

const prompt: fc.Arbitrary<PromptRow> = fc.record(
	{
		id,
		kind: fc.constantFrom(...PROMPT_KINDS),
		text: someText,
		sessionId: id,
		favourite: fc.boolean(),
		createdAt: instant
	},
	{ requiredKeys: ['id', 'kind', 'text', 'createdAt'] }
);

/** Template text the editor accepts: plain words, sometimes with a merge field or an optional part. */
const templatePart = fc.constantFrom(
	'Great to meet you',
	'Hi {firstName},',
	'[We met at {event}.]',
	'Déjà vu — café ☕',
	''
);
const templateFields = {
	subject: templatePart,
	body: fc.array(templatePart, { maxLength: 4 }).map((parts) => parts.join('\n'))
};
const templateText = fc.record(templateFields);

const settings: fc.Arbitrary<SettingRow[]> = fc
	.record(
		{
			activeEventId: id,
			quickSave: fc.boolean(),
			continuousScan: fc.boolean(),
			scanSound: fc.boolean(),
			myIntro: someText,
			myName: someText,
			followUpCadence: fc.record({
				nudge1AfterDays: fc.nat({ max: 60 }),
				nudge2AfterDays: fc.nat({ max: 60 }),
				snoozeDays: fc.nat({ max: 365 })
			}),
			myCard: fc.record(
				{
					org: someText,
					title: someText,
					email: someText,
					phone: someText,
					linkedin: someText,
					website: someText
				},
				{ requiredKeys: [] }
			),
			followUpTemplates: fc.record({
				edited: fc.dictionary(fc.constantFrom('first-great-to-meet', 'nudge-1'), templateText),
				own: fc.array(
					fc.record({ id: id.map((x) => `own-${x}`), label: someText, ...templateFields }),
					{ maxLength: 3 }
				)
			}),
			followUpNotifications: fc.boolean(),
			followUpNotified: fc.array(someText, { maxLength: 3 }),
			celebratedGoals: fc.array(someText, { maxLength: 3 })
		},
		{ requiredKeys: [] }
	)
	.map((values) => Object.entries(values).map(([key, value]) => ({ key, value })));

/** A whole random database, every table. */
export const randomDatabase = fc.record({
	events: unique(event),
	sessions: unique(session),
	contacts: unique(contact),
	scans: unique(scan),
	followups: unique(followup),
	prompts: unique(prompt),
	settings
});

export type RandomDatabase = {
	events: EventRow[];
	sessions: SessionRow[];
	contacts: ContactRow[];
	scans: ScanRow[];
	followups: FollowUpRow[];
	prompts: PromptRow[];
	settings: SettingRow[];
};
