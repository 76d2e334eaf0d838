/**
 * Seeded, realistic-looking data for the data-scale bench: people with non-ASCII names, notes and
 * tags, and a pretalx schedule.json with as many sessions as asked. Pure: the same seed gives the
 * same data, so runs compare.
 */
import type { ContactDraft } from '$lib/contacts/contacts.repo';

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const GIVEN = [
	'José',
	'Ana',
	'Zoë',
	'Łukasz',
	'Søren',
	'Ines',
	'Chloé',
	'Mehmet',
	'Aiko',
	'Nikolaj',
	'Ólafur',
	'Priya',
	'Chen',
	'Fatima',
	'Björn',
	'Maria',
	'Mateus',
	'Élodie',
	'Dmitri',
	'Renée',
	'Kofi',
	'Saoirse',
	'Yusuf',
	'Camille',
	'Hana',
	'Tomás',
	'Ingrid',
	'Raúl',
	'Amara',
	'Jürgen',
	'Leilani',
	'Noor',
	'Ştefan',
	'Oona',
	'Kenji',
	'Beatriz',
	'Håkon',
	'Zainab',
	'Luca',
	'Ewa'
];
const FAMILY = [
	'Núñez',
	'Lima',
	'Kowalski',
	'Østergaard',
	'Müller',
	'Dubois',
	'Yılmaz',
	'Tanaka',
	'Hansen',
	'Sigurðsson',
	'Patel',
	'Wang',
	'Haddad',
	'Lindqvist',
	'Silva',
	'Costa',
	'Lefèvre',
	'Ivanov',
	'Gagné',
	'Mensah',
	"O'Brien",
	'Demir',
	'Moreau',
	'Novák',
	'García',
	'Berg',
	'Fernández',
	'Okafor',
	'Schröder',
	'Kahale',
	'Rahman',
	'Popescu',
	'Virtanen',
	'Sato',
	'Pereira',
	'Solberg',
	'Bello',
	'Rossi',
	'Wiśniewska',
	'Jensen'
];
const ORGS = [
	'Acme Robotics',
	'Fábrica Digital',
	'Nordlys Energi',
	'Café Systems',
	'Blue Harbor Labs',
	'Zürich Analytics',
	'Kite & Co',
	'Pålitelig AS',
	'Quantum Peach',
	'Señal Networks',
	'Tidewater Bank',
	'Möbius Health',
	'Orchard Logistics',
	'Lumen Studio',
	'Granite Cloud'
];
const TITLES = ['CTO', 'Engineer', 'Product lead', 'Designer', 'Founder', 'Sales', 'Researcher'];
const TOPICS = [
	'warehouse drones',
	'offline sync',
	'hiring in Lisbon',
	'battery recycling',
	'design systems',
	'edge caching',
	'a podcast on CRDTs',
	'seed round',
	'accessibility audits',
	'open data'
];
const TAGS = ['investor', 'hiring', 'partner', 'customer', 'press', 'speaker', 'design', 'ml'];
const RATINGS = ['hot', 'warm', 'cold', undefined] as const;

const pick = <T>(random: () => number, list: readonly T[]): T =>
	list[Math.floor(random() * list.length)] as T;

/** The i-th person of a seeded crowd, as the review sheet would hand them over. */
export function personDraft(
	random: () => number,
	i: number,
	where: { eventId?: string; sessionId?: string; metAt?: string }
): ContactDraft {
	const given = pick(random, GIVEN);
	const family = pick(random, FAMILY);
	const org = pick(random, ORGS);
	const slug = `${given}.${family}`
		.normalize('NFD')
		.replace(/[^A-Za-z.]/g, '')
		.toLowerCase();
	const tags = random() < 0.4 ? [pick(random, TAGS)] : [];
	return {
		name: `${given} ${family}`,
		givenName: given,
		familyName: family,
		org,
		title: pick(random, TITLES),
		emails: [
			`${slug}${i}@${
				org
					.split(' ')[0]
					?.toLowerCase()
					.replace(/[^a-z]/g, '') || 'mail'
			}.example`
		],
		phones: random() < 0.6 ? [`+44 20 7946 ${String(i).padStart(4, '0')}`] : [],
		urls: [],
		note: random() < 0.7 ? `Talked about ${pick(random, TOPICS)}; send the deck.` : '',
		tags,
		rating: pick(random, RATINGS),
		eventId: where.eventId,
		sessionId: where.sessionId,
		metAt: where.metAt
	};
}

const ROOMS = ['Main Hall', 'Room A', 'Room B', 'Room C', 'Workshop 1', 'Workshop 2', 'Expo Stage'];
const TRACKS = ['Keynotes', 'Web', 'Data', 'Mobile', 'Security', 'Product', 'Community'];
const WORDS = [
	'Offline',
	'First',
	'Scaling',
	'Resilient',
	'Edge',
	'Streams',
	'Privacy',
	'Design',
	'Systems',
	'Lessons',
	'From',
	'Production',
	'Zero',
	'Downtime',
	'Mobile',
	'Sync',
	'Café',
	'Conflicts',
	'Caching',
	'Graphs',
	'Testing',
	'Accessibility',
	'Rust',
	'WebAssembly',
	'Batteries',
	'Maps'
];

function iso(date: string, minutes: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + minutes * 60_000).toISOString();
}

/**
 * A pretalx schedule.json (the shape of tests/fixtures/schedules/pretalx-schedule.json) with
 * `count` sessions spread over `days` days from `firstDay` (YYYY-MM-DD, times in UTC), in seven
 * rooms from 08:00 with 25- and 40-minute slots.
 */
export function pretalxSchedule(options: {
	count: number;
	firstDay: string;
	days: number;
	seed: number;
	acronym: string;
}): string {
	const random = rng(options.seed);
	const perDay = Math.ceil(options.count / options.days);
	const perRoom = Math.ceil(perDay / ROOMS.length);
	const days = [];
	let made = 0;
	for (let d = 0; d < options.days; d += 1) {
		const date = iso(options.firstDay, d * 24 * 60).slice(0, 10);
		const rooms: Record<string, unknown[]> = {};
		for (const room of ROOMS) {
			const talks: unknown[] = [];
			let minute = 8 * 60;
			for (let k = 0; k < perRoom && made < options.count; k += 1) {
				made += 1;
				const length = random() < 0.5 ? 25 : 40;
				const title = Array.from({ length: 3 + Math.floor(random() * 4) }, () =>
					pick(random, WORDS)
				).join(' ');
				const speaker = `${pick(random, GIVEN)} ${pick(random, FAMILY)}`;
				talks.push({
					guid: `bench-${options.acronym}-${made}`,
					id: made,
					date: iso(date, minute),
					start: `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
					duration: `00:${String(length).padStart(2, '0')}`,
					room,
					slug: `${options.acronym}-${made}`,
					url: `https://pretalx.example.test/${options.acronym}/talk/${made}/`,
					title,
					subtitle: '',
					track: pick(random, TRACKS),
					type: 'Talk',
					language: 'en',
					abstract: `<p>${title}: what we learned running it for a year, and what we would do again.</p>`,
					description: '',
					persons: [{ code: `P${made}`, name: speaker, public_name: speaker, biography: null }],
					links: [],
					attachments: []
				});
				minute += length + 5;
			}
			rooms[room] = talks;
		}
		days.push({
			index: d + 1,
			date,
			day_start: `${date}T04:00:00Z`,
			day_end: `${date}T23:59:00Z`,
			rooms
		});
	}
	return JSON.stringify({
		schedule: {
			version: '1.0',
			conference: {
				acronym: options.acronym,
				title: `Bench ${options.acronym}`,
				start: options.firstDay,
				end: days[days.length - 1]?.date ?? options.firstDay,
				daysCount: options.days,
				time_zone_name: 'UTC',
				rooms: ROOMS.map((name) => ({ name })),
				days
			}
		}
	});
}
