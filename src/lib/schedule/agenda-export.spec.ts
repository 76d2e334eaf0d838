import { describe, expect, it } from 'vitest';
import type { SessionRow } from '$lib/db/types';
import { sessionsToIcs } from './agenda-export';
import { parseSchedule } from './parse';

const session: SessionRow = {
	id: 's1',
	eventId: 'e1',
	title: 'Design systems, at scale; really',
	start: '2026-03-29T00:30:00.000Z',
	end: '2026-03-29T01:30:00.000Z',
	room: 'Room B',
	track: 'Design',
	speakers: ['Ana Lima', 'Bo Chen'],
	abstract: 'A long abstract. '.repeat(20).trim(),
	createdAt: '',
	updatedAt: ''
};

describe('sessionsToIcs', () => {
	it('writes sessions that our own importer reads back to the same times and fields', () => {
		const ics = sessionsToIcs([session], {
			calendarName: 'DemoCon — my agenda',
			now: '2026-03-01T00:00:00Z'
		});
		expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(
			true
		);
		const back = parseSchedule(ics, { fileName: 'my-agenda.ics' });
		expect(back.title).toBe('DemoCon — my agenda');
		expect(back.sessions).toHaveLength(1);
		expect(back.sessions[0]).toMatchObject({
			title: 'Design systems, at scale; really',
			start: session.start,
			end: session.end,
			room: 'Room B',
			externalId: 's1@agenda.hallway.invalid'
		});
	});
});
