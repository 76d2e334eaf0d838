/**
 * The follow-up statuses that can still fall due, in a module of their own so the tab bar's due
 * count can query them without loading the planner. plan.ts's OPEN_STATUSES is the same list (a
 * unit test holds them together).
 */
import type { FollowUpStatus } from '$lib/db/types';

export const OPEN_STATUS_LIST: readonly FollowUpStatus[] = Object.freeze([
	'draft',
	'queued',
	'snoozed'
]);
