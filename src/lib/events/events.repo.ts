/**
 * Events: create, edit, and choose the active one. The active event's id lives in settings
 * (`activeEventId`) rather than as a flag on each row, so "exactly one active" holds by construction.
 * All functions work offline: they only touch IndexedDB.
 */
import { db, newId, nowIso, type EventRow } from '$lib/db';
import type { EventField, EventInput } from './validate';

/** The form rules load with the first save, not with every screen that reads an event. */
async function validate(input: EventInput) {
	const { validateEvent } = await import('./validate');
	return validateEvent(input);
}

/** Thrown when an event form does not validate; `errors` holds one message per field. */
export class EventValidationError extends Error {
	constructor(readonly errors: Partial<Record<EventField, string>>) {
		super(Object.values(errors).join(' '));
		this.name = 'EventValidationError';
	}
}

/**
 * Creates an event. The first event ever created becomes the active one, as does any event created
 * with `activate: true`. Throws EventValidationError (nothing written) on invalid input.
 */
export async function createEvent(
	input: EventInput,
	options: { activate?: boolean } = {}
): Promise<EventRow> {
	const checked = await validate(input);
	if (!checked.ok) throw new EventValidationError(checked.errors);
	const at = nowIso();
	const row: EventRow = { id: newId(), ...checked.value, createdAt: at, updatedAt: at };
	await db.transaction('rw', [db.events, db.settings], async () => {
		await db.events.add(row);
		const active = await db.settings.get('activeEventId');
		if (options.activate || !active) await db.settings.put({ key: 'activeEventId', value: row.id });
	});
	return row;
}

/**
 * Replaces an event's editable fields. Throws EventValidationError on invalid input and a plain
 * Error when the event no longer exists; in both cases nothing is written.
 */
export async function updateEvent(id: string, input: EventInput): Promise<EventRow> {
	const checked = await validate(input);
	if (!checked.ok) throw new EventValidationError(checked.errors);
	return db.transaction('rw', [db.events], async () => {
		const existing = await db.events.get(id);
		if (!existing) throw new Error('This event no longer exists.');
		const row: EventRow = {
			id,
			...checked.value,
			createdAt: existing.createdAt,
			updatedAt: nowIso()
		};
		await db.events.put(row);
		return row;
	});
}

/** Makes one event the active one. Throws when it does not exist (nothing changes). */
export async function setActiveEvent(id: string): Promise<void> {
	await db.transaction('rw', [db.events, db.settings], async () => {
		if (!(await db.events.get(id))) throw new Error('This event no longer exists.');
		await db.settings.put({ key: 'activeEventId', value: id });
	});
}

/** The active event, or undefined when there is none (no events yet, or it was removed). */
export async function getActiveEvent(): Promise<EventRow | undefined> {
	const setting = await db.settings.get('activeEventId');
	return typeof setting?.value === 'string' ? db.events.get(setting.value) : undefined;
}

/** One event by id, or undefined. */
export function getEvent(id: string): Promise<EventRow | undefined> {
	return db.events.get(id);
}

/** Every event, the most recent first (by first day, then by creation). */
export async function listEvents(): Promise<EventRow[]> {
	const rows = await db.events.toArray();
	return rows.sort(
		(a, b) => b.startDate.localeCompare(a.startDate) || b.createdAt.localeCompare(a.createdAt)
	);
}
