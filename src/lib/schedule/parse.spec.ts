import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	parseSchedule,
	ScheduleError,
	type ImportedSession,
	type ParseScheduleOptions,
	type ScheduleImport
} from './parse';

const FIXTURES = new URL('../../../tests/fixtures/schedules/', import.meta.url);

function fixture(name: string): string {
	return readFileSync(new URL(name, FIXTURES), 'utf8');
}

function byTitle(result: ScheduleImport, title: string): ImportedSession {
	const found = result.sessions.find((session) => session.title === title);
	if (!found) throw new Error(`no session titled ${title}`);
	return found;
}

/** Start and end of every session, for compact exact-instant assertions. */
function times(result: ScheduleImport): [string, string, string][] {
	return result.sessions.map((s) => [s.title, s.start, s.end]);
}

function errorOf(text: string, options?: ParseScheduleOptions): ScheduleError {
	try {
		parseSchedule(text, options);
	} catch (error) {
		if (error instanceof ScheduleError) return error;
		throw error;
	}
	throw new Error('expected parseSchedule to throw');
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Invariants every successful import must satisfy, whatever the input. */
function expectWellFormed(result: ScheduleImport): void {
	expect(result.sessions.length).toBeGreaterThan(0);
	let previous = '';
	for (const session of result.sessions) {
		expect(session.start).toMatch(ISO_INSTANT);
		expect(session.end).toMatch(ISO_INSTANT);
		expect(new Date(session.start).toISOString()).toBe(session.start);
		expect(session.end >= session.start).toBe(true);
		expect(session.start >= previous).toBe(true);
		expect(session.title).toBe(session.title.trim());
		expect(session.title).not.toBe('');
		expect(Array.isArray(session.speakers)).toBe(true);
		if (session.url !== undefined) expect(session.url).toMatch(/^https?:\/\//);
		previous = session.start;
	}
}

describe('frab / pretalx XML', () => {
	const result = parseSchedule(fixture('pretalx-schedule.xml'), {
		fileName: 'schedule.xml',
		timeZone: 'America/New_York'
	});

	it('reads the conference metadata', () => {
		expect(result.format).toBe('frab-xml');
		expect(result.title).toBe('Hallway DemoCon 2026');
		expect(result.timeZone).toBe('Europe/Berlin');
		// Every time came with an offset or the conference zone: no guessing happened.
		expect(result.floating).toBe(false);
		expectWellFormed(result);
	});

	it('uses each event date as the start instant, across midnight and the DST change', () => {
		expect(times(result)).toEqual([
			['Opening Keynote: Offline First', '2026-03-28T08:00:00.000Z', '2026-03-28T08:45:00.000Z'],
			['Lunch', '2026-03-28T11:30:00.000Z', '2026-03-28T12:30:00.000Z'],
			[
				'Q&A: Late Night Lightning Talks at the Café',
				'2026-03-28T22:30:00.000Z',
				'2026-03-29T00:00:00.000Z'
			],
			// No <date>: 00:30 on day 1 is before the 04:00 day change, so it is 29 March.
			['Midnight Snack Workshop', '2026-03-28T23:30:00.000Z', '2026-03-29T00:00:00.000Z'],
			['After-Midnight Hack Session', '2026-03-29T00:00:00.000Z', '2026-03-29T00:45:00.000Z'],
			// 01:30 CET + 90 minutes = 04:00 CEST.
			['Spanning the Clock Change', '2026-03-29T00:30:00.000Z', '2026-03-29T02:00:00.000Z'],
			['☕ Coffee Break', '2026-03-29T08:00:00.000Z', '2026-03-29T08:30:00.000Z'],
			['Sync Engines Deep Dive', '2026-03-29T08:30:00.000Z', '2026-03-29T09:10:00.000Z']
		]);
	});

	it('maps the descriptive fields', () => {
		expect(byTitle(result, 'Opening Keynote: Offline First')).toEqual({
			externalId: '0d8b7c4e-2f3a-4a6b-9c1d-000000000101',
			title: 'Opening Keynote: Offline First',
			start: '2026-03-28T08:00:00.000Z',
			end: '2026-03-28T08:45:00.000Z',
			room: 'Main Hall',
			track: 'Keynotes',
			speakers: ['Ada Lovelace', 'Grace Hopper'],
			abstract: 'Why offline matters & how to get there.\n\nSecond paragraph here.',
			url: 'https://pretalx.example.test/democon-2026/talk/ADA111/'
		});
		expect(byTitle(result, 'Sync Engines Deep Dive').speakers).toEqual([
			'Barbara Liskov',
			'Leslie Lamport',
			'Donald Knuth'
		]);
		expect(byTitle(result, 'Sync Engines Deep Dive').abstract).toBe(
			'Conflict-free replicated data types in practice.\n\n• CRDTs\n• IndexedDB & Dexie'
		);
		expect(byTitle(result, 'Q&A: Late Night Lightning Talks at the Café').abstract).toBe(
			'Five minutes each, no slides required\n\nBring a topic.'
		);
	});

	it('handles single rooms, single persons and the room given only by the parent element', () => {
		const snack = byTitle(result, 'Midnight Snack Workshop');
		expect(snack.room).toBe('Workshop Room');
		expect(snack.speakers).toEqual(['Alan Turing']);
	});

	it('detects breaks by type or title, and nothing else', () => {
		expect(result.sessions.filter((s) => s.isBreak).map((s) => s.title)).toEqual([
			'Lunch',
			'☕ Coffee Break'
		]);
	});

	it('drops non-http links', () => {
		expect(byTitle(result, 'After-Midnight Hack Session').url).toBeUndefined();
	});

	it('skips unusable events with warnings that name them', () => {
		expect(result.warnings).toEqual([
			'Event 203 has no title; it was skipped.',
			'Event 204 ("Time To Be Announced") has no start time; it was skipped.'
		]);
	});

	it('reads times without date in the conference zone, or the given zone when none is stated', () => {
		const xml = (zone: string) => `<?xml version="1.0"?>
<schedule><conference><title>Tiny</title>${zone}</conference>
<day index="1" date="2026-11-01"><room name="A">
<event id="1"><title>Only one</title><start>01:30</start><duration>45</duration></event>
</room></day></schedule>`;
		const stated = parseSchedule(xml('<time_zone_name>America/New_York</time_zone_name>'));
		// 01:30 is before the 04:00 day change, so it is on 2 November (no ambiguity that night).
		expect(times(stated)).toEqual([
			['Only one', '2026-11-02T06:30:00.000Z', '2026-11-02T07:15:00.000Z']
		]);
		expect(stated.floating).toBe(false);
		const guessed = parseSchedule(xml(''), { timeZone: 'Europe/Berlin' });
		expect(times(guessed)).toEqual([
			['Only one', '2026-11-02T00:30:00.000Z', '2026-11-02T01:15:00.000Z']
		]);
		expect(guessed.floating).toBe(true);
		expect(guessed.timeZone).toBeUndefined();
	});

	it('warns about a missing duration and an unknown conference zone', () => {
		const result =
			parseSchedule(`<schedule><conference><time_zone_name>Moon/Base</time_zone_name></conference>
<day date="2026-03-28"><room name="A"><event guid="g1"><title>No length</title>
<date>2026-03-28T10:00:00+01:00</date></event></room></day></schedule>`);
		expect(times(result)).toEqual([
			['No length', '2026-03-28T09:00:00.000Z', '2026-03-28T09:00:00.000Z']
		]);
		expect(result.warnings).toEqual([
			`The schedule's time zone "Moon/Base" isn't recognised, so it was ignored.`,
			'Event g1 ("No length") has no end time; it is shown as ending when it starts.'
		]);
	});
});

describe('frab / pretalx JSON', () => {
	const xml = parseSchedule(fixture('pretalx-schedule.xml'));
	const result = parseSchedule(fixture('pretalx-schedule.json'), { fileName: 'schedule.json' });

	it('reads the same sessions as the XML export of the same schedule', () => {
		expect(result.format).toBe('frab-json');
		expect(result.title).toBe('Hallway DemoCon 2026');
		expect(result.timeZone).toBe('Europe/Berlin');
		expect(result.floating).toBe(false);
		expect(result.sessions).toEqual(xml.sessions);
		expect(result.warnings).toEqual(xml.warnings);
		expectWellFormed(result);
	});

	it('takes speaker names from public_name, then name', () => {
		expect(byTitle(result, 'Opening Keynote: Offline First').speakers).toEqual([
			'Ada Lovelace',
			'Grace Hopper'
		]);
		expect(byTitle(result, 'Sync Engines Deep Dive').speakers).toEqual([
			'Barbara Liskov',
			'Leslie Lamport',
			'Donald Knuth'
		]);
	});

	it('accepts a top-level conference without the schedule wrapper, and rooms as a list', () => {
		const bare = JSON.stringify({
			conference: {
				title: 'Bare',
				time_zone_name: 'Europe/Berlin',
				days: [
					{
						index: 1,
						date: '2026-03-29',
						rooms: [
							{
								name: 'Hall',
								events: [
									{
										id: 7,
										date: '2026-03-29T03:00:00+02:00',
										start: '03:00',
										duration: '0:30',
										title: 'Early bird',
										persons: ['Ada Lovelace'],
										track: { name: 'Morning' }
									}
								]
							}
						]
					}
				]
			}
		});
		const parsed = parseSchedule(bare);
		expect(parsed.format).toBe('frab-json');
		expect(parsed.sessions).toEqual([
			{
				externalId: '7',
				title: 'Early bird',
				start: '2026-03-29T01:00:00.000Z',
				end: '2026-03-29T01:30:00.000Z',
				room: 'Hall',
				track: 'Morning',
				speakers: ['Ada Lovelace']
			}
		]);
	});
});

describe('Sessionize', () => {
	const result = parseSchedule(fixture('sessionize-all.json'), {
		fileName: 'sessionize.json',
		timeZone: 'America/New_York'
	});

	it('reads local times in the given zone and says so', () => {
		expect(result.format).toBe('sessionize');
		expect(result.floating).toBe(true);
		expect(result.title).toBeUndefined();
		expect(result.timeZone).toBeUndefined();
		expectWellFormed(result);
	});

	it('converts exactly across the New York fall-back change', () => {
		expect(times(result)).toEqual([
			['Welcome & Registration', '2026-10-31T12:00:00.000Z', '2026-10-31T13:00:00.000Z'],
			['Building Offline-First PWAs', '2026-10-31T13:00:00.000Z', '2026-10-31T13:45:00.000Z'],
			['Lunch', '2026-10-31T16:00:00.000Z', '2026-10-31T17:00:00.000Z'],
			// 01:00 EDT to 02:00 EST is two hours of elapsed time.
			['Night Owls: Debugging at 1 AM', '2026-11-01T05:00:00.000Z', '2026-11-01T07:00:00.000Z'],
			// 01:30 happens twice; the first (EDT) one is meant. No end: ends when it starts.
			['Ambiguous Hour Retro', '2026-11-01T05:30:00.000Z', '2026-11-01T05:30:00.000Z'],
			// Stated offsets and Z win over the zone.
			['Remote Keynote from Berlin', '2026-11-01T15:00:00.000Z', '2026-11-01T16:00:00.000Z'],
			['Offset Stated Workshop', '2026-11-01T15:00:00.000Z', '2026-11-01T16:30:00.000Z']
		]);
	});

	it('resolves speakers, rooms and the Track category by id', () => {
		expect(byTitle(result, 'Building Offline-First PWAs')).toEqual({
			externalId: '812346',
			title: 'Building Offline-First PWAs',
			start: '2026-10-31T13:00:00.000Z',
			end: '2026-10-31T13:45:00.000Z',
			room: 'Hall A',
			track: 'Web Platform',
			speakers: ['Ada Lovelace', 'Grace Hopper'],
			abstract: 'Service workers, IndexedDB and sync.\n\nBring a laptop.'
		});
		expect(byTitle(result, 'Night Owls: Debugging at 1 AM').track).toBe('Tooling');
		expect(byTitle(result, 'Remote Keynote from Berlin').abstract).toBe('Streamed live.');
		// An unknown speaker id and an unknown room id are ignored.
		expect(byTitle(result, 'Ambiguous Hour Retro').speakers).toEqual(['Ada Lovelace']);
		expect(byTitle(result, 'Ambiguous Hour Retro').room).toBeUndefined();
	});

	it('marks service sessions as breaks, with or without a room', () => {
		expect(byTitle(result, 'Welcome & Registration')).toEqual({
			externalId: '812345',
			title: 'Welcome & Registration',
			start: '2026-10-31T12:00:00.000Z',
			end: '2026-10-31T13:00:00.000Z',
			speakers: [],
			isBreak: true
		});
		expect(byTitle(result, 'Lunch').isBreak).toBe(true);
		expect(byTitle(result, 'Lunch').room).toBe('Foyer');
	});

	it('warns about unscheduled sessions and missing ends', () => {
		expect(result.warnings).toEqual([
			'Session 812349 ("Ambiguous Hour Retro") has no end time; it is shown as ending when it starts.',
			`Session 812351 ("Unscheduled Talk") isn't scheduled yet (no start time); it was skipped.`
		]);
	});

	it('follows the zone it is given', () => {
		const berlin = parseSchedule(fixture('sessionize-all.json'), { timeZone: 'Europe/Berlin' });
		expect(byTitle(berlin, 'Building Offline-First PWAs').start).toBe('2026-10-31T08:00:00.000Z');
		// The Z and offset times do not move.
		expect(byTitle(berlin, 'Remote Keynote from Berlin').start).toBe('2026-11-01T15:00:00.000Z');
	});

	it('replaces an unknown zone option by the device zone, with a warning', () => {
		const odd = parseSchedule(fixture('sessionize-all.json'), { timeZone: 'Atlantis/Capital' });
		expect(odd.warnings[0]).toMatch(/"Atlantis\/Capital" isn't recognised/);
		expect(odd.floating).toBe(true);
	});

	it('accepts the grouped "Sessions" export', () => {
		const grouped = JSON.stringify([
			{
				groupId: null,
				groupName: 'All',
				sessions: [
					{
						id: '1',
						title: 'Grouped talk',
						description: null,
						startsAt: '2026-03-29T01:30:00',
						endsAt: '2026-03-29T03:30:00',
						isServiceSession: false,
						isPlenumSession: false,
						speakers: [
							{ id: 'a', name: 'Ada Lovelace' },
							{ id: 'b', name: 'Grace Hopper' }
						],
						categories: [
							{
								id: 1,
								name: 'Track',
								categoryItems: [{ id: 11, name: 'Sync' }],
								sort: 0
							}
						],
						roomId: 5,
						room: 'Hall B'
					},
					{
						id: '2',
						title: 'Coffee Break',
						startsAt: '2026-03-29T10:00:00',
						endsAt: '2026-03-29T10:30:00',
						isServiceSession: true,
						speakers: [],
						categories: [],
						roomId: null,
						room: null
					}
				]
			}
		]);
		const parsed = parseSchedule(grouped, { timeZone: 'Europe/Berlin' });
		expect(parsed.format).toBe('sessionize');
		expect(parsed.sessions).toEqual([
			{
				externalId: '1',
				title: 'Grouped talk',
				// 01:30 CET to 03:30 CEST: one hour of elapsed time.
				start: '2026-03-29T00:30:00.000Z',
				end: '2026-03-29T01:30:00.000Z',
				room: 'Hall B',
				track: 'Sync',
				speakers: ['Ada Lovelace', 'Grace Hopper']
			},
			{
				externalId: '2',
				title: 'Coffee Break',
				start: '2026-03-29T08:00:00.000Z',
				end: '2026-03-29T08:30:00.000Z',
				speakers: [],
				isBreak: true
			}
		]);
	});

	it('accepts the "Schedule grid" export and lists plenum sessions once', () => {
		const plenum = {
			id: 'p',
			title: 'Plenum',
			startsAt: '2026-03-28T09:00:00',
			endsAt: '2026-03-28T10:00:00',
			speakers: [],
			isPlenumSession: true
		};
		const grid = JSON.stringify([
			{
				date: '2026-03-28T00:00:00',
				isDefault: true,
				rooms: [
					{ id: 1, name: 'Hall A', sessions: [plenum] },
					{ id: 2, name: 'Hall B', sessions: [plenum] }
				],
				timeSlots: []
			}
		]);
		const parsed = parseSchedule(grid, { timeZone: 'UTC' });
		expect(times(parsed)).toEqual([
			['Plenum', '2026-03-28T09:00:00.000Z', '2026-03-28T10:00:00.000Z']
		]);
		expect(parsed.sessions[0]?.room).toBe('Hall A');
	});
});

describe('iCalendar', () => {
	const result = parseSchedule(fixture('democon.ics'), {
		fileName: 'democon.ics',
		timeZone: 'Europe/Berlin'
	});

	it('reads the calendar metadata', () => {
		expect(result.format).toBe('ics');
		expect(result.title).toBe('DemoCon 2026 Agenda');
		// Several zones are used and none is declared for the calendar.
		expect(result.timeZone).toBeUndefined();
		// The floating workshop was read in options.timeZone.
		expect(result.floating).toBe(true);
		expectWellFormed(result);
	});

	it('converts VTIMEZONE, UTC, floating, Intl and Windows zones exactly', () => {
		expect(times(result)).toEqual([
			['Doors Open', '2026-03-28T07:00:00.000Z', '2026-03-28T07:00:00.000Z'],
			['Morning Coffee', '2026-03-28T07:30:00.000Z', '2026-03-28T08:00:00.000Z'],
			['Opening Keynote, Offline First', '2026-03-28T08:00:00.000Z', '2026-03-28T08:45:00.000Z'],
			// TZID "W. Europe Standard Time" without a VTIMEZONE: Europe/Berlin.
			['Outlook-Scheduled Talk', '2026-03-28T13:00:00.000Z', '2026-03-28T13:45:00.000Z'],
			// 01:30 CET to 03:30 CEST.
			[
				'Night Shift Across the Clock Change',
				'2026-03-29T00:30:00.000Z',
				'2026-03-29T01:30:00.000Z'
			],
			// 02:30 does not exist that night: moved forward to 03:30 CEST.
			['Gap Session', '2026-03-29T01:30:00.000Z', '2026-03-29T02:00:00.000Z'],
			// The daily repeat keeps 08:30 local, now in summer time.
			['Morning Coffee', '2026-03-29T06:30:00.000Z', '2026-03-29T07:00:00.000Z'],
			['Remote Panel', '2026-03-29T08:00:00.000Z', '2026-03-29T09:00:00.000Z'],
			['Floating Workshop', '2026-03-29T08:00:00.000Z', '2026-03-29T09:30:00.000Z'],
			// America/New_York has no VTIMEZONE in the file: Intl; 01:30 is the first (EDT) one.
			['NYC Satellite Meetup', '2026-11-01T05:30:00.000Z', '2026-11-01T07:30:00.000Z']
		]);
	});

	it('unfolds lines, unescapes text and extracts speakers and categories', () => {
		expect(byTitle(result, 'Opening Keynote, Offline First')).toEqual({
			externalId: 'keynote-2026@democon.test',
			title: 'Opening Keynote, Offline First',
			start: '2026-03-28T08:00:00.000Z',
			end: '2026-03-28T08:45:00.000Z',
			room: 'Main Hall',
			track: 'Keynotes',
			speakers: ['Ada Lovelace', 'Grace Hopper'],
			abstract:
				'Why offline matters; a long description that is folded onto a second line.\n\nSecond paragraph with a backslash \\ in it.',
			url: 'https://democon.test/talks/keynote'
		});
		expect(byTitle(result, 'Night Shift Across the Clock Change').speakers).toEqual([
			'Margaret Hamilton'
		]);
		expect(byTitle(result, 'Night Shift Across the Clock Change').abstract).toBeUndefined();
		// Only the chair of the ATTENDEE list is a speaker.
		expect(byTitle(result, 'Remote Panel').speakers).toEqual(['Alan Turing']);
		expect(byTitle(result, 'Floating Workshop').track).toBe('Workshops');
	});

	it('expands repeats with one id per occurrence', () => {
		const coffee = result.sessions.filter((s) => s.title === 'Morning Coffee');
		expect(coffee.map((s) => s.externalId)).toEqual([
			'coffee-2026@democon.test#2026-03-28T07:30:00.000Z',
			'coffee-2026@democon.test#2026-03-29T06:30:00.000Z'
		]);
		expect(coffee.every((s) => s.isBreak)).toBe(true);
	});

	it('skips all-day and cancelled entries with warnings', () => {
		expect(result.warnings).toEqual([
			'Entry 8 of the calendar ("Conference Day 1") is an all-day entry, not a timed session; it was skipped.',
			'Entry 9 of the calendar ("Cancelled Talk") was cancelled; it was skipped.'
		]);
	});

	const calendar = (body: string, head = ''): string =>
		['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', head, body, 'END:VCALENDAR']
			.filter(Boolean)
			.join('\r\n');

	it('reads floating times in X-WR-TIMEZONE and reports that zone', () => {
		const text = calendar(
			'BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261101T013000\r\nDURATION:PT1H\r\nSUMMARY:Floating\r\nEND:VEVENT',
			'X-WR-TIMEZONE:America/New_York'
		);
		const parsed = parseSchedule(text, { timeZone: 'Europe/Berlin' });
		expect(parsed.floating).toBe(false);
		expect(parsed.timeZone).toBe('America/New_York');
		// First 01:30 (EDT) plus one hour of elapsed time is 01:30 EST.
		expect(times(parsed)).toEqual([
			['Floating', '2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']
		]);
	});

	it('reports the single zone all events use when the calendar names none', () => {
		const text = calendar(
			'BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=/mozilla.org/20050126_1/Europe/Berlin:20260328T100000\r\nSUMMARY:One\r\nEND:VEVENT'
		);
		const parsed = parseSchedule(text);
		expect(parsed.timeZone).toBe('Europe/Berlin');
		expect(parsed.floating).toBe(false);
		expect(times(parsed)).toEqual([
			['One', '2026-03-28T09:00:00.000Z', '2026-03-28T09:00:00.000Z']
		]);
	});

	it('reads an unknown TZID in the given zone, with a warning', () => {
		const text = calendar(
			'BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Custom Zone 7:20260328T100000\r\nDTEND;TZID=Custom Zone 7:20260328T110000\r\nSUMMARY:Mystery\r\nEND:VEVENT'
		);
		const parsed = parseSchedule(text, { timeZone: 'Asia/Tokyo' });
		expect(times(parsed)).toEqual([
			['Mystery', '2026-03-28T01:00:00.000Z', '2026-03-28T02:00:00.000Z']
		]);
		expect(parsed.floating).toBe(true);
		expect(parsed.warnings).toEqual([
			`The time zone "Custom Zone 7" isn't recognised and the file doesn't define it; times in it were read in Asia/Tokyo.`
		]);
	});

	it("prefers the file's own VTIMEZONE over the engine's rules, and resolves overlaps early", () => {
		const vtimezone = [
			'BEGIN:VTIMEZONE',
			'TZID:Eastern Standard Time',
			'BEGIN:STANDARD',
			'DTSTART:16010101T020000',
			'TZOFFSETFROM:-0400',
			'TZOFFSETTO:-0500',
			'RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11',
			'END:STANDARD',
			'BEGIN:DAYLIGHT',
			'DTSTART:16010101T020000',
			'TZOFFSETFROM:-0500',
			'TZOFFSETTO:-0400',
			'RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3',
			'END:DAYLIGHT',
			'END:VTIMEZONE'
		].join('\r\n');
		const text = calendar(
			[
				'BEGIN:VEVENT',
				'UID:a',
				'DTSTART;TZID=Eastern Standard Time:20261101T013000',
				'DTEND;TZID=Eastern Standard Time:20261101T023000',
				'SUMMARY:Outlook overlap',
				'END:VEVENT',
				'BEGIN:VEVENT',
				'UID:b',
				'DTSTART;TZID=Eastern Standard Time:20260308T023000',
				'DURATION:PT30M',
				'SUMMARY:Outlook gap',
				'END:VEVENT'
			].join('\r\n'),
			vtimezone
		);
		const parsed = parseSchedule(text);
		expect(times(parsed)).toEqual([
			['Outlook gap', '2026-03-08T07:30:00.000Z', '2026-03-08T08:00:00.000Z'],
			['Outlook overlap', '2026-11-01T05:30:00.000Z', '2026-11-01T07:30:00.000Z']
		]);
		expect(parsed.timeZone).toBe('America/New_York');

		// A deliberately odd definition proves the file's rules are the ones applied.
		const odd = calendar(
			'BEGIN:VEVENT\r\nUID:c\r\nDTSTART;TZID=Europe/Berlin:20260701T120000\r\nSUMMARY:Odd\r\nEND:VEVENT',
			'BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nEND:STANDARD\r\nEND:VTIMEZONE'
		);
		expect(parseSchedule(odd).sessions[0]?.start).toBe('2026-07-01T09:00:00.000Z');
	});

	it('applies RECURRENCE-ID overrides and EXDATE to a series', () => {
		const text = calendar(
			[
				'BEGIN:VEVENT',
				'UID:standup',
				'DTSTART;TZID=Europe/Berlin:20260327T090000',
				'DTEND;TZID=Europe/Berlin:20260327T091500',
				'RRULE:FREQ=DAILY;COUNT=4',
				'EXDATE;TZID=Europe/Berlin:20260328T090000',
				'SUMMARY:Stand-up',
				'LOCATION:Room 1',
				'END:VEVENT',
				'BEGIN:VEVENT',
				'UID:standup',
				'RECURRENCE-ID;TZID=Europe/Berlin:20260329T090000',
				'DTSTART;TZID=Europe/Berlin:20260329T100000',
				'DTEND;TZID=Europe/Berlin:20260329T103000',
				'SUMMARY:Stand-up (moved)',
				'LOCATION:Room 2',
				'END:VEVENT',
				'BEGIN:VEVENT',
				'UID:standup',
				'RECURRENCE-ID;TZID=Europe/Berlin:20260330T090000',
				'DTSTART;TZID=Europe/Berlin:20260330T090000',
				'DTEND;TZID=Europe/Berlin:20260330T091500',
				'SUMMARY:Stand-up',
				'STATUS:CANCELLED',
				'END:VEVENT'
			].join('\r\n')
		);
		const parsed = parseSchedule(text);
		expect(parsed.sessions).toEqual([
			{
				externalId: 'standup#2026-03-27T08:00:00.000Z',
				title: 'Stand-up',
				start: '2026-03-27T08:00:00.000Z',
				end: '2026-03-27T08:15:00.000Z',
				room: 'Room 1',
				speakers: []
			},
			{
				externalId: 'standup#2026-03-29T07:00:00.000Z',
				title: 'Stand-up (moved)',
				start: '2026-03-29T08:00:00.000Z',
				end: '2026-03-29T08:30:00.000Z',
				room: 'Room 2',
				speakers: []
			}
		]);
		expect(parsed.warnings).toEqual([
			'Entry 1 of the calendar ("Stand-up") on 2026-03-30 09:00 was cancelled; it was skipped.'
		]);
	});

	it('caps open-ended repeats', () => {
		const text = calendar(
			'BEGIN:VEVENT\r\nUID:r\r\nDTSTART:20260101T090000Z\r\nDURATION:PT15M\r\nRRULE:FREQ=HOURLY\r\nSUMMARY:Forever\r\nEND:VEVENT'
		);
		const parsed = parseSchedule(text);
		expect(parsed.sessions).toHaveLength(200);
		expect(parsed.warnings).toEqual([
			'Entry 1 of the calendar ("Forever") repeats too often; only its first 200 occurrences were imported.'
		]);
	});

	it('repairs unfolded line breaks and files cut off mid-entry', () => {
		const unfolded = calendar(
			'BEGIN:VEVENT\r\nUID:u\r\nDTSTART:20260328T090000Z\r\nSUMMARY:Broken description\r\nDESCRIPTION:First line\r\nsecond line without folding\r\nEND:VEVENT'
		);
		const repaired = parseSchedule(unfolded);
		expect(repaired.sessions[0]?.abstract).toBe('First line\nsecond line without folding');
		expect(repaired.warnings[0]).toMatch(/split over several lines/);

		const cut = [
			'BEGIN:VCALENDAR',
			'BEGIN:VEVENT',
			'UID:1',
			'DTSTART:20260328T090000Z',
			'SUMMARY:Complete',
			'END:VEVENT',
			'BEGIN:VEVENT',
			'UID:2',
			'DTSTART:2026032'
		].join('\r\n');
		const truncated = parseSchedule(cut);
		expect(times(truncated)).toEqual([
			['Complete', '2026-03-28T09:00:00.000Z', '2026-03-28T09:00:00.000Z']
		]);
		expect(truncated.warnings).toEqual([
			'The file ends in the middle of an entry (was the download cut off?); the incomplete part was ignored.'
		]);
	});

	it('skips an event with an unreadable value but keeps the rest', () => {
		const text = calendar(
			[
				'BEGIN:VEVENT',
				'UID:bad',
				'DTSTART:2026-03-28',
				'SUMMARY:Bad date',
				'END:VEVENT',
				'BEGIN:VEVENT',
				'UID:good',
				'DTSTART:20260328T090000Z',
				'DTEND:20260328T100000Z',
				'SUMMARY:Good',
				'END:VEVENT'
			].join('\r\n')
		);
		const parsed = parseSchedule(text);
		expect(times(parsed)).toEqual([
			['Good', '2026-03-28T09:00:00.000Z', '2026-03-28T10:00:00.000Z']
		]);
		expect(parsed.warnings).toEqual([
			`Entry 1 of the calendar ("Bad date") has a value that can't be read; it was skipped.`
		]);
	});

	it('accepts a bare VEVENT without the VCALENDAR wrapper', () => {
		const parsed = parseSchedule(
			'BEGIN:VEVENT\nUID:x\nDTSTART:20260328T090000Z\nSUMMARY:Bare\nEND:VEVENT\n'
		);
		expect(times(parsed)).toEqual([
			['Bare', '2026-03-28T09:00:00.000Z', '2026-03-28T09:00:00.000Z']
		]);
	});
});

describe('CSV', () => {
	const result = parseSchedule(fixture('agenda.csv'), {
		fileName: 'agenda.csv',
		timeZone: 'Europe/Berlin'
	});

	it('reads quoted fields, doubled quotes, line breaks in quotes and CRLF', () => {
		expect(result.format).toBe('csv');
		expect(result.floating).toBe(true);
		expectWellFormed(result);
		expect(byTitle(result, 'Opening Keynote')).toEqual({
			externalId: 's1',
			title: 'Opening Keynote',
			start: '2026-03-28T08:00:00.000Z',
			end: '2026-03-28T08:45:00.000Z',
			room: 'Main Hall',
			track: 'Keynotes',
			speakers: ['Ada Lovelace', 'Grace Hopper'],
			abstract: 'Why offline matters.\nSecond line with "quotes", commas, and no HTML surprises.'
		});
	});

	it('converts local and offset times exactly around the DST change', () => {
		expect(times(result)).toEqual([
			['Opening Keynote', '2026-03-28T08:00:00.000Z', '2026-03-28T08:45:00.000Z'],
			['Lunch', '2026-03-28T11:30:00.000Z', '2026-03-28T12:30:00.000Z'],
			['Across the change', '2026-03-29T00:30:00.000Z', '2026-03-29T01:30:00.000Z'],
			// 02:15 is in the gap: 03:15 CEST.
			['Gap time', '2026-03-29T01:15:00.000Z', '2026-03-29T02:00:00.000Z'],
			['Offset given', '2026-03-29T08:00:00.000Z', '2026-03-29T08:30:00.000Z']
		]);
	});

	it('splits speaker lists only where that is unambiguous', () => {
		expect(byTitle(result, 'Across the change').speakers).toEqual([
			'Alan Turing',
			'Barbara Liskov'
		]);
		expect(byTitle(result, 'Gap time').speakers).toEqual(['Grace Hopper', 'Leslie Lamport']);
		expect(byTitle(result, 'Offset given').speakers).toEqual(['Lovelace, Ada']);
		expect(byTitle(result, 'Lunch').isBreak).toBe(true);
	});

	it('skips a row without a start, naming its line', () => {
		expect(result.warnings).toEqual([
			'Line 6 of the CSV ("No start here") has no start time; it was skipped.'
		]);
	});

	it('reads ; separated files with separate date and time columns and 12-hour times', () => {
		const parsed = parseSchedule(fixture('agenda-semicolon.csv'), { timeZone: 'America/New_York' });
		expect(parsed.format).toBe('csv');
		expect(parsed.warnings).toEqual([]);
		expect(parsed.sessions).toEqual([
			{
				title: 'Registration',
				start: '2026-10-31T13:00:00.000Z',
				end: '2026-10-31T13:30:00.000Z',
				room: 'Lobby',
				speakers: [],
				isBreak: true
			},
			{
				title: 'Keynote; with a semicolon',
				start: '2026-10-31T13:30:00.000Z',
				end: '2026-10-31T14:15:00.000Z',
				room: 'Hall A',
				speakers: ['Ada Lovelace', 'Grace Hopper']
			},
			{
				title: 'Twice at Half Past One',
				// The first 01:30 (EDT), then one hour of elapsed time.
				start: '2026-11-01T05:30:00.000Z',
				end: '2026-11-01T06:30:00.000Z',
				room: 'Hall A',
				speakers: ['Margaret Hamilton']
			},
			{
				title: 'Closing Remarks',
				start: '2026-11-01T19:00:00.000Z',
				end: '2026-11-01T20:15:00.000Z',
				room: 'Hall A',
				speakers: []
			}
		]);
	});

	it('reads ambiguous numeric dates day-first with a warning, month-first when the file shows it', () => {
		const ambiguous = parseSchedule('title,start\nA,03/04/2026 10:00\nB,05/04/2026 10:00\n', {
			timeZone: 'UTC'
		});
		expect(times(ambiguous)).toEqual([
			['A', '2026-04-03T10:00:00.000Z', '2026-04-03T10:00:00.000Z'],
			['B', '2026-04-05T10:00:00.000Z', '2026-04-05T10:00:00.000Z']
		]);
		expect(ambiguous.warnings).toContain(
			'Dates such as 03/04/2026 could be day/month or month/day; they were read as day/month/year.'
		);
		const american = parseSchedule('title,start\nA,03/04/2026 10:00\nB,03/29/2026 10:00\n', {
			timeZone: 'UTC'
		});
		expect(american.sessions.map((s) => s.start)).toEqual([
			'2026-03-04T10:00:00.000Z',
			'2026-03-29T10:00:00.000Z'
		]);
		const dotted = parseSchedule('title,start,end\nA,29.03.2026 09:30,29.03.2026 10:00\n', {
			timeZone: 'Europe/Berlin'
		});
		expect(times(dotted)).toEqual([['A', '2026-03-29T07:30:00.000Z', '2026-03-29T08:00:00.000Z']]);
	});

	it('reads time ranges, midnight crossings, zone columns and zones named in headers', () => {
		const ranges = parseSchedule(
			'Title,Date,Time,Timezone\nParty,2026-03-28,22:00-01:00,Europe/Berlin\nEarly,28 March 2026,07:00 - 08:00,Asia/Tokyo\n'
		);
		expect(times(ranges)).toEqual([
			['Early', '2026-03-27T22:00:00.000Z', '2026-03-27T23:00:00.000Z'],
			['Party', '2026-03-28T21:00:00.000Z', '2026-03-29T00:00:00.000Z']
		]);
		expect(ranges.floating).toBe(false);
		const header = parseSchedule('Session,Start (UTC),Duration\nTalk,2026-03-29 09:00,1:30\n', {
			timeZone: 'Europe/Berlin'
		});
		expect(times(header)).toEqual([
			['Talk', '2026-03-29T09:00:00.000Z', '2026-03-29T10:30:00.000Z']
		]);
		expect(header.floating).toBe(false);
	});

	it('warns once when there is no end or duration column', () => {
		const parsed = parseSchedule('title;start\nA;2026-03-29T09:00:00Z\nB;2026-03-29T10:00:00Z\n');
		expect(parsed.warnings).toEqual([
			'The CSV has no end or duration column, so every session is shown as ending when it starts.'
		]);
	});

	it('reports an unreadable start and an unclosed quote', () => {
		const parsed = parseSchedule(
			'title,start\nGood,2026-03-29T09:00:00Z\nBad,next Tuesday\n"Open,x\n'
		);
		expect(parsed.warnings).toContain(
			`Line 3 of the CSV ("Bad") has a start time that can't be read ("next Tuesday"); it was skipped.`
		);
		expect(parsed.warnings).toContain(
			'Line 4 of the CSV opens a quote that is never closed; the rest of the file was read as part of that cell.'
		);
	});
});

describe('unusable input', () => {
	const notAnAgenda =
		/doesn't look like an agenda: expected iCalendar, pretalx\/frab XML or JSON, Sessionize JSON or CSV/;

	it('rejects an empty file', () => {
		expect(errorOf('').message).toBe('This file is empty.');
		expect(errorOf(' \r\n\t ').message).toBe('This file is empty.');
		expect(errorOf('\uFEFF').message).toBe('This file is empty.');
	});

	it('rejects binary junk', () => {
		const junk = String.fromCharCode(...Array.from({ length: 600 }, (_, i) => (i * 7919) % 256));
		expect(errorOf(junk).message).toMatch(/doesn't look like an agenda: it is a binary file/);
		expect(errorOf('PK\u0003\u0004\u0014\u0000\u0006\u0000').message).toMatch(/spreadsheet/);
		expect(errorOf('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\u0000').message).toMatch(/PDF document/);
	});

	it('rejects JSON that is not a schedule, and JSON that is broken', () => {
		expect(errorOf('{"name": "hallway", "version": 1}').message).toMatch(
			/JSON file isn't an agenda: expected a pretalx\/frab schedule\.json or a Sessionize export/
		);
		expect(errorOf('[1, 2, 3]').message).toMatch(/JSON file isn't an agenda/);
		expect(errorOf('{"sessions": [').message).toMatch(/looks like JSON but can't be read/);
	});

	it('rejects XML that is not frab, XML that is broken, and web pages', () => {
		expect(
			errorOf(
				'<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title></channel></rss>'
			).message
		).toBe(
			"This XML file isn't a pretalx/frab schedule: its main element is <rss>, expected <schedule>."
		);
		expect(errorOf('<schedule><version>1</version></schedule>').message).toMatch(
			/no <conference> or <day> elements/
		);
		expect(errorOf('<schedule><day><room></day></schedule>').message).toMatch(
			/XML file can't be read: .*line 1/
		);
		expect(errorOf('<!DOCTYPE html><html><body>Agenda</body></html>').message).toMatch(
			/web page, not an agenda export/
		);
	});

	it('rejects a frab schedule without events', () => {
		expect(
			errorOf(
				'<schedule><conference><title>X</title></conference><day date="2026-03-28"/></schedule>'
			).message
		).toBe('This file has no sessions: the schedule contains no events.');
	});

	it('rejects CSV without a start or title column, or without rows', () => {
		expect(errorOf('Title,Room,Speakers\nKeynote,Hall,Ada\n').message).toBe(
			'This CSV file has no start column: expected one named start, start time, starts at or begin (or separate date and time columns).'
		);
		expect(errorOf('Start,Room\n2026-03-29 09:00,Hall\n').message).toMatch(
			/CSV file has no title column/
		);
		expect(errorOf('Title,Start\n').message).toMatch(/header row but no data rows/);
		expect(errorOf('foo,bar\n1,2\n', { fileName: 'agenda.csv' }).message).toMatch(
			/no title or start column/
		);
	});

	it('rejects a CSV whose only rows are unusable, quoting the first problem', () => {
		expect(errorOf('Title,Start\nKeynote,\n', { timeZone: 'UTC' }).message).toBe(
			'This file has no usable sessions. Line 2 of the CSV ("Keynote") has no start time; it was skipped.'
		);
		expect(errorOf('Title,Start\n,2026-03-29 09:00\nB,\n', { timeZone: 'UTC' }).message).toBe(
			'This file has no usable sessions. Line 2 of the CSV has no title; it was skipped. 1 other entry has problems too.'
		);
	});

	it('rejects iCalendar without events, or that is unreadable', () => {
		expect(errorOf('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n').message).toBe(
			'This file has no sessions: the iCalendar file contains no VEVENT entries.'
		);
		expect(
			errorOf(
				'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260328\r\nSUMMARY:Day\r\nEND:VEVENT\r\nEND:VCALENDAR'
			).message
		).toMatch(/no usable sessions\. .*"Day"\) is an all-day entry/);
		expect(errorOf('Hello', { fileName: 'agenda.ics' }).message).toMatch(
			/doesn't start with BEGIN:VCALENDAR/
		);
	});

	it('rejects anything else as not an agenda', () => {
		expect(errorOf('Dear attendee, see you soon!').message).toMatch(notAnAgenda);
		expect(errorOf('just some words').message).toMatch(notAnAgenda);
		expect(errorOf('hello', { fileName: 'notes.json' }).message).toMatch(/isn't JSON/);
	});

	it('ignores a leading byte-order mark in every format', () => {
		for (const name of [
			'pretalx-schedule.xml',
			'pretalx-schedule.json',
			'sessionize-all.json',
			'democon.ics',
			'agenda.csv'
		]) {
			const plain = parseSchedule(fixture(name), { timeZone: 'Europe/Berlin' });
			const bom = parseSchedule(`\uFEFF${fixture(name)}`, { timeZone: 'Europe/Berlin' });
			expect(bom).toEqual(plain);
		}
	});
});

describe('robustness', () => {
	const fixtureTexts = [
		fixture('pretalx-schedule.xml'),
		fixture('pretalx-schedule.json'),
		fixture('sessionize-all.json'),
		fixture('democon.ics'),
		fixture('agenda.csv'),
		fixture('agenda-semicolon.csv')
	];

	/** Strings that reach every reader: random text, format prefixes, and damaged fixtures. */
	const inputs = fc.oneof(
		fc.string({ unit: 'binary', maxLength: 200 }),
		fc.string({ maxLength: 400 }),
		fc
			.tuple(
				fc.constantFrom(
					'BEGIN:VCALENDAR\r\n',
					'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:',
					'<schedule><day date="2026-03-28"><room name="A"><event><',
					'{"schedule":{"conference":{"days":[',
					'{"sessions":[{"startsAt":"',
					'[{"groupName":"x","sessions":[',
					'title,start,end\n',
					'Date;Time;Title\n'
				),
				fc.string({ maxLength: 200 })
			)
			.map(([prefix, rest]) => prefix + rest),
		fc
			.tuple(
				fc.constantFrom(...fixtureTexts),
				fc.nat(),
				fc.nat({ max: 300 }),
				fc.string({ maxLength: 20 })
			)
			.map(([text, at, cut, insert]) => {
				const start = at % text.length;
				return text.slice(0, start) + insert + text.slice(start + cut);
			})
	);

	it('either returns a well-formed import or throws ScheduleError, for any text', () => {
		fc.assert(
			fc.property(inputs, (text) => {
				let result: ScheduleImport;
				try {
					result = parseSchedule(text, { timeZone: 'Europe/Berlin' });
				} catch (error) {
					expect(error).toBeInstanceOf(ScheduleError);
					const { message } = error as ScheduleError;
					// The catch-all message means a reader failed in a way nobody anticipated.
					expect(message).not.toMatch(/layout Hallway doesn't know/);
					expect(message.length).toBeGreaterThan(10);
					return;
				}
				expectWellFormed(result);
			}),
			{ numRuns: 1500 }
		);
	});

	/** Valid outer shapes of every format with arbitrary values inside, to exercise the readers. */
	const json = fc.jsonValue({ maxDepth: 3 });
	const when = fc.oneof(
		fc.constantFrom(
			'2026-03-29T02:30:00',
			'2026-03-29T01:00:00+01:00',
			'2026-11-01T01:30:00Z',
			'2026-02-30T10:00:00',
			'9999-12-31T23:59:59',
			'0001-01-01T00:00:00',
			'',
			null
		),
		fc.string({ maxLength: 30 })
	);
	const sessionizeSession = fc.record(
		{
			id: json,
			title: fc.oneof(fc.string(), json),
			startsAt: when,
			endsAt: when,
			speakers: json,
			roomId: json,
			categoryItems: json,
			isServiceSession: json,
			description: fc.oneof(fc.string(), json),
			room: json,
			categories: json
		},
		{ requiredKeys: [] }
	);
	const frabEvent = fc.record(
		{
			id: json,
			guid: json,
			date: when,
			start: fc.oneof(fc.constantFrom('01:00', '25:00', '00:00'), json),
			duration: fc.oneof(fc.constantFrom('00:30', '45', '1:30:00', 'PT1H', '99999999'), json),
			title: fc.oneof(fc.string(), json),
			persons: fc.oneof(fc.array(fc.oneof(fc.string(), fc.record({ public_name: json }))), json),
			abstract: fc.oneof(fc.string(), json),
			url: json,
			track: json
		},
		{ requiredKeys: [] }
	);
	const icsLines = fc.array(
		fc.constantFrom(
			'DTSTART:20260329T023000',
			'DTSTART;TZID=Europe/Berlin:20260329T023000',
			'DTSTART;VALUE=DATE:20260329',
			'DTEND:20260329T013000Z',
			'DURATION:P1DT1H',
			'DURATION:-PT1H',
			'RRULE:FREQ=DAILY;COUNT=3',
			'RRULE:FREQ=MINUTELY',
			'EXDATE:20260330T023000',
			'RECURRENCE-ID:20260330T023000',
			'RDATE:20260401T100000',
			'UID:x',
			'SUMMARY:Talk',
			'SUMMARY:',
			'STATUS:CANCELLED',
			'CATEGORIES:a,b',
			'ATTENDEE;ROLE=CHAIR;CN=Ada:mailto:a@example.test',
			'DESCRIPTION:Speakers: A\\, B'
		),
		{ maxLength: 10 }
	);
	const structured = fc.oneof(
		fc
			.record({
				sessions: fc.array(sessionizeSession, { maxLength: 4 }),
				speakers: fc.oneof(json, fc.array(fc.record({ id: json, fullName: json }))),
				rooms: json,
				categories: fc.oneof(
					json,
					fc.array(fc.record({ title: fc.constantFrom('Track', 'Level'), items: json }))
				)
			})
			.map((value) => JSON.stringify(value)),
		fc
			.array(
				fc.record({ groupName: json, sessions: fc.array(sessionizeSession, { maxLength: 3 }) }),
				{
					minLength: 1,
					maxLength: 2
				}
			)
			.map((value) => JSON.stringify(value)),
		fc
			.record({
				schedule: fc.record({
					conference: fc.record({
						time_zone_name: fc.oneof(fc.constantFrom('Europe/Berlin', 'Bad/Zone'), json),
						days: fc.array(
							fc.record({
								date: when,
								rooms: fc.oneof(
									fc.dictionary(fc.string(), fc.array(frabEvent, { maxLength: 3 })),
									json
								)
							}),
							{ maxLength: 2 }
						)
					})
				})
			})
			.map((value) => JSON.stringify(value)),
		fc
			.tuple(
				fc.constantFrom('title,start,end,duration,speakers,date,time,timezone\n', 'title;start\n'),
				fc.array(
					fc.array(
						fc.oneof(
							fc.string(),
							fc.constantFrom(
								'29/03/2026',
								'03/29/2026 9:30 pm',
								'22:00-01:00',
								'Europe/Berlin',
								'"a""b"'
							)
						),
						{ maxLength: 8 }
					),
					{ maxLength: 5 }
				)
			)
			.map(
				([header, rows]) =>
					header + rows.map((row) => row.join(header.includes(';') ? ';' : ',')).join('\n')
			),
		fc
			.tuple(icsLines, fc.nat({ max: 2 }))
			.map(
				([lines, extra]) =>
					`BEGIN:VCALENDAR\r\n${Array.from({ length: extra + 1 }, () => `BEGIN:VEVENT\r\n${lines.join('\r\n')}\r\nEND:VEVENT`).join('\r\n')}\r\nEND:VCALENDAR`
			)
	);

	it("copes with arbitrary values inside each format's structure", () => {
		fc.assert(
			fc.property(structured, (text) => {
				try {
					expectWellFormed(parseSchedule(text, { timeZone: 'America/New_York' }));
				} catch (error) {
					expect(error).toBeInstanceOf(ScheduleError);
					expect((error as ScheduleError).message).not.toMatch(/layout Hallway doesn't know/);
				}
			}),
			{ numRuns: 1000 }
		);
	});

	function largeSchedules(count: number): Record<string, string> {
		const pad = (n: number) => String(n).padStart(2, '0');
		const slot = (i: number) => {
			const day = 28 + Math.floor(i / 500);
			const minutes = i % 500;
			return { day, hour: pad(8 + Math.floor(minutes / 60)), minute: pad(minutes % 60) };
		};
		const abstract = 'A long &lt;b&gt;abstract&lt;/b&gt; about offline-first sync. '.repeat(12);
		const xmlEvents = Array.from({ length: count }, (_, i) => {
			const { day, hour, minute } = slot(i);
			return `<event guid="g-${i}" id="${i}"><room>Room ${i % 7}</room><title>Session ${i}</title><type>Talk</type><date>2026-03-${day}T${hour}:${minute}:00+01:00</date><start>${hour}:${minute}</start><duration>00:30</duration><abstract>${abstract}</abstract><track>Track ${i % 5}</track><persons><person id="${i}">Speaker ${i}</person><person id="x${i}">Co Speaker ${i}</person></persons></event>`;
		}).join('\n');
		const xml = `<schedule><conference><title>Big</title><time_zone_name>Europe/Berlin</time_zone_name></conference><day index="1" date="2026-03-28"><room name="Room">${xmlEvents}</room></day></schedule>`;

		const sessionize = JSON.stringify({
			sessions: Array.from({ length: count }, (_, i) => {
				const { day, hour, minute } = slot(i);
				return {
					id: String(i),
					title: `Session ${i}`,
					description: abstract,
					startsAt: `2026-03-${day}T${hour}:${minute}:00`,
					endsAt: `2026-03-${day}T${hour}:${minute}:30`,
					isServiceSession: false,
					speakers: [`s${i}`, `s${(i + 1) % count}`],
					categoryItems: [i % 5],
					roomId: i % 7
				};
			}),
			speakers: Array.from({ length: count }, (_, i) => ({
				id: `s${i}`,
				fullName: `Speaker ${i}`
			})),
			rooms: Array.from({ length: 7 }, (_, i) => ({ id: i, name: `Room ${i}` })),
			categories: [
				{ title: 'Track', items: Array.from({ length: 5 }, (_, i) => ({ id: i, name: `T${i}` })) }
			]
		});

		const ics = [
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'PRODID:big',
			...Array.from({ length: count }, (_, i) => {
				const { day, hour, minute } = slot(i);
				return [
					'BEGIN:VEVENT',
					`UID:${i}@big`,
					`DTSTART;TZID=Europe/Berlin:202603${day}T${hour}${minute}00`,
					'DURATION:PT30M',
					`SUMMARY:Session ${i}`,
					`DESCRIPTION:Speakers: Speaker ${i}, Co Speaker ${i}\\n${abstract}`,
					`LOCATION:Room ${i % 7}`,
					'END:VEVENT'
				].join('\r\n');
			}),
			'END:VCALENDAR'
		].join('\r\n');

		const csv = [
			'id,title,start,end,room,speakers,abstract',
			...Array.from({ length: count }, (_, i) => {
				const { day, hour, minute } = slot(i);
				return `${i},"Session ${i}",2026-03-${day} ${hour}:${minute},2026-03-${day} ${hour}:${minute},Room ${i % 7},"Speaker ${i}; Co Speaker ${i}","${abstract}"`;
			})
		].join('\r\n');
		return { xml, sessionize, ics, csv };
	}

	it('refuses a 20 MB file with a clear message instead of trying to read it', () => {
		const huge = `BEGIN:VCALENDAR\r\n${'X-FILLER:'.padEnd(74, 'x').concat('\r\n').repeat(270_000)}END:VCALENDAR`;
		expect(huge.length).toBeGreaterThan(20_000_000);
		expect(() => parseSchedule(huge, { fileName: 'big.ics' })).toThrow(
			/20 MB, too large for an agenda/
		);
	});

	// Speed is measured by `npm run bench`; here, large files must come back whole (a quadratic
	// path would run into the test's timeout).
	it('parses 1,500-session files (1.2–1.6 MB) completely', () => {
		for (const [kind, text] of Object.entries(largeSchedules(1500))) {
			expect(text.length, kind).toBeGreaterThan(1_000_000);
			const result = parseSchedule(text, { timeZone: 'Europe/Berlin' });
			expect(result.sessions, kind).toHaveLength(1500);
		}
	}, 30_000);
});
