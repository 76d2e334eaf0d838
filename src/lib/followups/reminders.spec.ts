import ICAL from 'ical.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine, followupsToIcs, type ReminderItem } from './reminders';

const NOW = '2026-03-28T19:00:00.000Z';

const ana: ReminderItem = {
	id: '7c0e0d1e-4a52-4f0e-9d0b-2f6f3c1d9a10',
	title: 'Follow up with Ana Lima (Fábrica; Digital, Ltda)',
	description: 'Great to meet you at JSConf EU\nNudge 1 of 2 — send by email \\ or SMS',
	dueAt: '2026-03-29T09:00:00+02:00'
};

function physicalLines(ics: string): string[] {
	expect(ics.endsWith('\r\n')).toBe(true);
	return ics.slice(0, -2).split('\r\n');
}

function unfold(ics: string): string[] {
	return ics.replace(/\r\n /g, '').slice(0, -2).split('\r\n');
}

/** Checks BEGIN/END nesting and returns the components seen, in order. */
function components(ics: string): string[] {
	const stack: string[] = [];
	const seen: string[] = [];
	for (const line of unfold(ics)) {
		const begin = /^BEGIN:(.+)$/.exec(line);
		const end = /^END:(.+)$/.exec(line);
		if (begin) {
			stack.push(begin[1]!);
			seen.push(begin[1]!);
		} else if (end) {
			expect(stack.pop()).toBe(end[1]);
		} else {
			expect(stack.length).toBeGreaterThan(0);
		}
	}
	expect(stack).toEqual([]);
	return seen;
}

describe('followupsToIcs', () => {
	it('writes a balanced VCALENDAR with one VEVENT and VALARM per item', () => {
		const ics = followupsToIcs([ana, { ...ana, id: 'second', title: 'Bo' }], NOW);
		expect(components(ics)).toEqual(['VCALENDAR', 'VEVENT', 'VALARM', 'VEVENT', 'VALARM']);
		expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		// CRLF everywhere: no bare LF or CR.
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});

	it('writes the event fields: stable UID, DTSTAMP, UTC start, 15 minutes, alarm at the start', () => {
		const lines = unfold(followupsToIcs([ana], NOW));
		const event = lines.slice(lines.indexOf('BEGIN:VEVENT'), lines.indexOf('END:VEVENT') + 1);
		expect(event).toEqual([
			'BEGIN:VEVENT',
			'UID:7c0e0d1e-4a52-4f0e-9d0b-2f6f3c1d9a10@followups.hallway.invalid',
			'DTSTAMP:20260328T190000Z',
			'DTSTART:20260329T070000Z',
			'DURATION:PT15M',
			'SUMMARY:Follow up with Ana Lima (Fábrica\\; Digital\\, Ltda)',
			'DESCRIPTION:Great to meet you at JSConf EU\\nNudge 1 of 2 — send by email \\\\ or SMS',
			'TRANSP:TRANSPARENT',
			'BEGIN:VALARM',
			'ACTION:DISPLAY',
			'DESCRIPTION:Follow up with Ana Lima (Fábrica\\; Digital\\, Ltda)',
			'TRIGGER;RELATED=START:PT0S',
			'END:VALARM',
			'END:VEVENT'
		]);
	});

	it('keeps UIDs stable across exports, so a re-import updates instead of duplicating', () => {
		const uid = (ics: string): string[] => unfold(ics).filter((line) => line.startsWith('UID:'));
		const first = followupsToIcs([ana], NOW);
		const later = followupsToIcs(
			[{ ...ana, title: 'Changed', dueAt: '2026-04-02T07:00:00Z' }],
			'2026-04-01T00:00:00Z'
		);
		expect(uid(later)).toEqual(uid(first));
		const noId = { ...ana, id: '' };
		expect(uid(followupsToIcs([noId], NOW))).toEqual(
			uid(followupsToIcs([noId], '2027-01-01T00:00:00Z'))
		);
		expect(uid(followupsToIcs([noId], NOW))[0]).toMatch(
			/^UID:item-[0-9a-f]{8}@followups\.hallway\.invalid$/
		);
	});

	it('folds long lines at 75 octets without splitting a character', () => {
		const title = `Follow up with Zoë Ångström-Müller 北京 🎉 ${'é'.repeat(60)} ${'🎉'.repeat(30)}`;
		const ics = followupsToIcs([{ ...ana, title, description: 'x'.repeat(300) }], NOW);
		for (const line of physicalLines(ics)) {
			expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
			// A split surrogate pair would show up as a lone surrogate here.
			expect(line).not.toMatch(
				/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
			);
		}
		expect(unfold(ics)).toContain(`SUMMARY:${title}`);
		expect(physicalLines(ics).some((line) => line.startsWith(' '))).toBe(true);
	});

	it('never separates a backslash from the character it escapes', () => {
		const folded = foldIcsLine(`DESCRIPTION:${'a'.repeat(62)}\\n${'b'.repeat(20)}`);
		const [first, second] = folded.split('\r\n');
		expect(first).toBe(`DESCRIPTION:${'a'.repeat(62)}`);
		expect(second).toBe(` \\n${'b'.repeat(20)}`);
		expect(foldIcsLine('SHORT:line')).toBe('SHORT:line');
	});

	it('folds any text so that every line fits and unfolding restores it', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
				const line = `SUMMARY:${escapeIcsText(text)}`;
				const folded = foldIcsLine(line);
				for (const physical of folded.split('\r\n')) {
					expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
				}
				expect(folded.replace(/\r\n /g, '')).toBe(line);
			}),
			{ numRuns: 300 }
		);
	});

	it('escapes text and drops control characters', () => {
		expect(escapeIcsText('a;b,c\\d\ne\r\nf\rg\u0007h\ti')).toBe(
			'a\\;b\\,c\\\\d\\ne\\nf\\ng' + 'h\ti'
		);
	});

	it('is read back by ical.js with the same text and times', () => {
		const items: ReminderItem[] = [
			ana,
			{
				id: 'b',
				title: 'Bo; "Li", \\o/',
				description: 'Line 1\nLine 2',
				dueAt: '2026-10-25T08:00:00Z'
			}
		];
		const calendar = ICAL.Component.fromString(followupsToIcs(items, NOW));
		const events = calendar.getAllSubcomponents('vevent');
		expect(events).toHaveLength(2);
		events.forEach((component, index) => {
			const event = new ICAL.Event(component);
			const item = items[index]!;
			expect(event.summary).toBe(item.title);
			expect(event.description).toBe(item.description);
			expect(event.startDate.toJSDate().toISOString()).toBe(new Date(item.dueAt).toISOString());
			expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(
				15 * 60_000
			);
			const alarm = component.getFirstSubcomponent('valarm');
			expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
		});
	});

	it('skips items without a usable due time and fills a blank title', () => {
		const ics = followupsToIcs(
			[
				{ ...ana, id: 'bad', dueAt: 'tomorrow' },
				{ id: 'ok', title: '  ', description: '', dueAt: '2026-06-10T07:00:00Z' }
			],
			NOW
		);
		const lines = unfold(ics);
		expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
		expect(lines).toContain('SUMMARY:Follow up');
		expect(lines.filter((line) => line.startsWith('DESCRIPTION:'))).toEqual([
			'DESCRIPTION:Follow up'
		]);
	});

	it('gives an empty calendar for no items, and rejects a bad clock', () => {
		expect(components(followupsToIcs([], NOW))).toEqual(['VCALENDAR']);
		expect(() => followupsToIcs([ana], 'now')).toThrow(RangeError);
	});
});
