/** The active event, shared: Today, the event list, the scanner and the nav all read it. */
import { SharedLive } from '$lib/db/live.svelte';
import { getActiveEvent } from './events.repo';

export const activeEvent = new SharedLive(getActiveEvent);
