/**
 * Icebreaker prompt templates, as data.
 *
 * Four kinds, mirroring how a good hallway conversation grows: an **opener** about the talk just
 * heard or the one coming, a **deepen** question that finds common ground (their work, their
 * challenge), a **small ask** for their experience or advice (never for a job: asking for a job
 * on first contact is exactly the pressure Hallway exists to take away) and an **offer** of
 * something the user can share.
 *
 * Voice (see UX.md): short, warm, plain; questions a nervous person can say out loud; no
 * exclamation marks. Every template ends with "?" or ".".
 *
 * Placeholders, filled by generate.ts with cleaned values:
 * - `{title}`    the session title, shortened and already wrapped in curly quotes: “Rust at scale”
 * - `{speakers}` "Ana Lima", "Ana Lima and Bo Chen" or "Ana Lima and 3 others"
 * - `{track}`    a noun phrase: "the Frontend track", or "Track A" when the name says track itself
 * - `{keyword}`  a phrase from the title or abstract: "design systems"
 * - `{org}`      the person's organisation
 * - `{role}`     the person's job title (PersonInfo.title; named role to avoid two kinds of title)
 *
 * Keywords may be singular or plural ("WebAssembly", "design systems"), so templates never make a
 * verb agree with {keyword} ("Is {keyword} …" would read "Is design systems …").
 *
 * A template's `needs` is derived from the placeholders it uses, so it cannot drift from the text;
 * a template is only used when every field it needs has a value, which is what keeps "undefined",
 * "by" with nobody after it and empty quotes out of the output. Every kind has templates that
 * need nothing, so there is always a fallback. Placeholders never open a template (except the
 * already quoted title), so nothing needs re-capitalising.
 */

import type { IcebreakerKind, Situation } from './generate';

/** A value a template can ask for. */
export type Field = 'title' | 'speakers' | 'track' | 'keyword' | 'org' | 'role';

/** All fields, in a fixed order. */
export const FIELDS: readonly Field[] = ['title', 'speakers', 'track', 'keyword', 'org', 'role'];

/**
 * Matches one placeholder; group 1 is the field. Global, so callers use it with replace or
 * matchAll only (both reset lastIndex).
 */
export const PLACEHOLDER_RE = /\{(title|speakers|track|keyword|org|role)\}/g;

/** One prompt template. */
export interface Template {
	readonly kind: IcebreakerKind;
	/** Text with `{field}` placeholders; ends with "?" or ".". */
	readonly text: string;
	/** Fields that must all have a value for the template to be used (derived from the text). */
	readonly needs: readonly Field[];
}

/**
 * When a session template fits: 'live' for a talk in progress or just over ("the talk we just
 * heard"), 'next' for one coming up ("are you going to…?"), 'any' for both.
 */
export type SessionWhen = 'live' | 'next' | 'any';

/** A template about a session. */
export interface SessionTemplate extends Template {
	readonly when: SessionWhen;
}

/** A template for a moment without a session (coffee queue, dinner…). */
export interface SituationTemplate extends Template {
	readonly situation: Situation;
}

/**
 * The fields a template text uses, in {@link FIELDS} order, without repeats.
 *
 * @param text Template text; unknown `{words}` are not fields and are ignored.
 */
export function fieldsOf(text: string): Field[] {
	const used = new Set<string>();
	for (const match of text.matchAll(PLACEHOLDER_RE)) if (match[1]) used.add(match[1]);
	return FIELDS.filter((field) => used.has(field));
}

type ByKind = Readonly<Record<IcebreakerKind, readonly string[]>>;

const KIND_ORDER: readonly IcebreakerKind[] = ['opener', 'deepen', 'small-ask', 'offer'];

function expand<T>(texts: ByKind, extra: T): Array<Template & T> {
	return KIND_ORDER.flatMap((kind) =>
		texts[kind].map((text) => ({ kind, text, needs: fieldsOf(text), ...extra }))
	);
}

const LIVE: ByKind = {
	opener: [
		'What did you make of the talk we just heard?',
		'Which part of that talk will stay with you?',
		'What did you make of {title}?',
		'Was {title} what you expected?',
		'What did you think of {title} by {speakers}?',
		'Have you seen {speakers} speak before?',
		'The part about {keyword} caught my ear. Did it land for you?',
		'Have you been in {track} all day?',
		'Did {title} change how you think about {keyword}?'
	],
	deepen: [
		'Does any of that talk touch your day-to-day work?',
		'Which idea from that talk would be hardest to try where you work?',
		'Did {title} match what you see in your own work?',
		'Do you work with {keyword} yourself?',
		'What is the hardest part of {keyword} where you work?',
		'What brings you to {track}?',
		'Do you deal with {keyword} much at {org}?'
	],
	'small-ask': [
		'If you could ask the speaker one thing, what would it be?',
		'Which idea from that talk would you try first?',
		'What would you add to {title} from your own experience?',
		'If I wanted to get better at {keyword}, where would you start?',
		'What do you wish you had known sooner about {keyword}?',
		'Is there anything {speakers} said that you would push back on?',
		'Which other talks in {track} would you recommend?'
	],
	offer: [
		'I took a few notes during that talk. Happy to share them.',
		'I can send you my notes from that talk if they would help.',
		'I jotted down a few notes on {title}. Want me to send them over?',
		'I’ll keep an eye out for the slides by {speakers}. Shall I send them on?',
		'I read a good piece on {keyword} recently. Happy to send it your way.',
		'I’ve seen a few talks in {track} today. Happy to tell you which ones were worth it.'
	]
};

const NEXT: ByKind = {
	opener: [
		'Are you staying for the next talk?',
		'Do you know much about the next talk?',
		'Are you going to {title}?',
		'Is {title} on your list too?',
		'Are you going to {title} by {speakers}?',
		'Have you heard {speakers} speak before?',
		'Are you following {track} today?',
		'The next talk touches on {keyword}. Is that your area?'
	],
	deepen: [
		'What made the next talk catch your eye?',
		'Is the next talk close to what you work on?',
		'What made {title} catch your eye?',
		'Is {title} close to what you work on?',
		'Does your work touch on {keyword}, or is it more of a curiosity?',
		'Where do things get tricky for you with {keyword}?',
		'What draws you to {track}?'
	],
	'small-ask': [
		'Any tips on what to listen for in the next talk?',
		'Have you heard good things about the next talk?',
		'What are you hoping to get out of {title}?',
		'Have you read anything by {speakers}? Where should I start?',
		'Is there something I should read on {keyword} before it starts?',
		'Which talks in {track} have been worth it so far?'
	],
	offer: [
		'I can save you a seat for the next talk, if you like.',
		'If you can’t make the next talk, I can send you my notes.',
		'I’ll take notes at {title}. Want me to send them on?',
		'I’m heading to {title} by {speakers}. Happy to save you a seat.',
		'I have a couple of good links on {keyword}. Want me to send them?',
		'I’ve marked a few talks in {track} for later. Happy to share the list.'
	]
};

const ANY_TIME: ByKind = {
	opener: ['Have you come across {keyword} before?'],
	deepen: ['How long have you been working with {keyword}?'],
	'small-ask': ['What is a mistake people often make with {keyword}?'],
	offer: ['If you run into {keyword} at {org}, I’m happy to share what has worked for me.']
};

/** Templates about a session, each tagged with the timing it fits. */
export const SESSION_TEMPLATES: readonly SessionTemplate[] = [
	...expand(LIVE, { when: 'live' as const }),
	...expand(NEXT, { when: 'next' as const }),
	...expand(ANY_TIME, { when: 'any' as const })
];

const PERSON: ByKind = {
	opener: [
		'Are you here with others from {org}?',
		'Do people from {org} come to this event often?'
	],
	deepen: [
		'How did you end up at {org}?',
		'How did you end up working on {keyword} at {org}?',
		'What does a normal week look like in your work as {role}?',
		'What is the hardest part of your work as {role} right now?',
		'What is keeping the team at {org} busy at the moment?',
		'What do you enjoy most about your work as {role} at {org}?'
	],
	'small-ask': [
		'If someone wanted to grow into a role like {role}, what would you tell them?',
		'What has working at {org} taught you that surprised you?',
		'What habit helps you most in your work as {role}?',
		'How does {org} approach {keyword}? I’d like to learn from it.'
	],
	offer: [
		'If anything from today would help at {org}, I’m happy to pass on my notes.',
		'I know a few people who work as {role}. Happy to introduce you.',
		'If {org} is looking into {keyword}, I can share a few links that helped me.'
	]
};

/**
 * Templates about the person (their org or role), usable with or without a session. They only
 * appear when the person's fields are known, so every one of them needs {org} or {role}.
 */
export const PERSON_TEMPLATES: readonly Template[] = expand(PERSON, {});

const SITUATIONS: Readonly<Record<Situation, ByKind>> = {
	coffee: {
		opener: [
			'This queue is a good excuse to say hello. How is your day going?',
			'Have you found a talk worth the coffee yet?'
		],
		deepen: [
			'What are you working on when you are not queueing for coffee?',
			'Which problem at work brought you here this week?'
		],
		'small-ask': [
			'Is there a talk this afternoon you wouldn’t miss?',
			'Any tips for getting the most out of this event?'
		],
		offer: [
			'If you need a quiet corner after this, I know a good one.',
			'If you are new here, I can point you to the good talks I’ve found.'
		]
	},
	'after-keynote': {
		opener: ['What did you make of the keynote?', 'Which part of the keynote stayed with you?'],
		deepen: [
			'Did the keynote touch anything you are dealing with at work?',
			'Does what the keynote described match what you see day to day?'
		],
		'small-ask': [
			'Which talk are you going to next? I’m still deciding.',
			'What should I not miss today, in your view?'
		],
		offer: [
			'I took a few notes during the keynote. Happy to share them.',
			'I can send you the keynote slides when they’re up.'
		]
	},
	booth: {
		opener: ['What brings you to this stand?', 'Have you tried the demo yet?'],
		deepen: [
			'Is this something you are looking at for your own team?',
			'What problem would this solve for you?'
		],
		'small-ask': [
			'Have you used anything like this before? How did it go?',
			'Which stands have been worth a visit so far?'
		],
		offer: [
			'I looked at something similar last year. Happy to share what I learned.',
			'I can send you the stands I found useful today.'
		]
	},
	dinner: {
		opener: ['How has the day been for you?', 'What was the best thing you heard today?'],
		deepen: [
			'What are you working on when you are not at conferences?',
			'What brought you to this event this year?'
		],
		'small-ask': [
			'Which talk would you go back to if you could?',
			'Any talks tomorrow you would recommend?'
		],
		offer: [
			'I’m putting together my notes from today. Happy to send them your way.',
			'If you like, I can introduce you to a couple of people I met today.'
		]
	},
	generic: {
		opener: [
			'How is the event going for you so far?',
			'Is this your first time at this event?',
			'Which talk has been your favourite so far?'
		],
		deepen: [
			'What are you working on at the moment?',
			'What is the biggest challenge on your plate right now?',
			'What brought you here this year?'
		],
		'small-ask': [
			'Which talks would you recommend for the rest of the day?',
			'What is one thing you have picked up here that you would pass on?',
			'Is there anyone here you think I should talk to?'
		],
		offer: [
			'If it helps, I can introduce you to someone I met earlier.',
			'I can send you my list of talks worth catching.',
			'If you’re looking for someone in particular, I’m happy to help you find them.'
		]
	}
};

/**
 * Templates for moments without an agenda or between sessions. None needs a field: they are the
 * fallback of last resort. 'generic' ones also fill in when a specific situation runs short.
 */
export const SITUATION_TEMPLATES: readonly SituationTemplate[] = (
	Object.keys(SITUATIONS) as Situation[]
).flatMap((situation) => expand(SITUATIONS[situation], { situation }));
