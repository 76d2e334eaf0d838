/**
 * Icebreakers: pure prompt generation for the Today screen and a person's page. Import from here;
 * the modules behind it are split by concern (seeded randomness, keywords, templates, values).
 */

export {
	ICEBREAKER_KINDS,
	SITUATIONS,
	generateIcebreakers,
	icebreakerId,
	type GenerateInput,
	type Icebreaker,
	type IcebreakerKind,
	type PersonInfo,
	type SessionInfo,
	type Situation
} from './generate';
export { extractKeywords } from './keywords';
export { createRng, hashString, pick, shuffle, type Rng } from './rng';
