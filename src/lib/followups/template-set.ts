/**
 * The user's own follow-up templates, layered over the built-in set. Pure.
 *
 * What is stored (settings key `followUpTemplates`) is only the difference from the defaults:
 * edits to built-in templates, keyed by their id, and the user's own first-message variants.
 * That keeps the defaults improvable in later versions for everyone who never touched them, and
 * makes "Restore default" simply forget an edit.
 *
 * Everything read back is checked again ({@link readTemplateSet}): a damaged or hand-edited value
 * loses only its broken entries, and the defaults stand in for them. Invalid templates are never
 * returned by the functions that produce a new set, so they can never be saved.
 */
import {
	DEFAULT_TEMPLATES,
	validateMessageTemplate,
	type MergeFields,
	type MessageTemplate
} from './templates';

/** A subject and body as the user wrote them. */
export interface TemplateText {
	subject: string;
	body: string;
}

/** One of the user's own first-message variants. */
export interface OwnTemplate extends TemplateText {
	id: string;
	label: string;
}

/** The stored difference from the defaults. */
export interface StoredTemplates {
	/** Built-in template id → the user's subject and body for it. */
	edited: Record<string, TemplateText>;
	/** The user's own first-message variants, oldest first. */
	own: OwnTemplate[];
}

/** Longest name for a variant, so the composer's picker stays readable. */
export const LABEL_MAX = 60;
/** How many variants of their own a user can keep. */
export const OWN_MAX = 20;
/** Prefix of the ids of the user's own templates (never used by a built-in). */
export const OWN_PREFIX = 'own-';

const BUILT_IN = new Map(DEFAULT_TEMPLATES.map((template) => [template.id, template]));

/** An empty set: every template is the default. */
export function emptyTemplateSet(): StoredTemplates {
	return { edited: {}, own: [] };
}

/** Whether `id` names a built-in template. */
export function isBuiltIn(id: string): boolean {
	return BUILT_IN.has(id);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): TemplateText | undefined {
	if (!isRecord(value)) return undefined;
	const { subject, body } = value;
	if (typeof subject !== 'string' || typeof body !== 'string') return undefined;
	return validateMessageTemplate({ subject, body }).ok ? { subject, body } : undefined;
}

/**
 * A stored value made safe to use: unknown built-in ids, invalid templates, non-text parts,
 * duplicate or malformed own ids, blank or overlong labels and entries past {@link OWN_MAX} are
 * dropped (the defaults then apply). Accepts anything, including undefined; never throws.
 */
export function readTemplateSet(stored: unknown): StoredTemplates {
	const set = emptyTemplateSet();
	if (!isRecord(stored)) return set;
	if (isRecord(stored.edited)) {
		for (const [id, value] of Object.entries(stored.edited)) {
			const text = textOf(value);
			if (text && BUILT_IN.has(id)) set.edited[id] = text;
		}
	}
	if (Array.isArray(stored.own)) {
		const seen = new Set<string>();
		for (const value of stored.own) {
			const text = textOf(value);
			if (!text || !isRecord(value)) continue;
			const { id, label } = value;
			if (typeof id !== 'string' || !id.startsWith(OWN_PREFIX) || seen.has(id)) continue;
			if (typeof label !== 'string' || !label.trim() || label.trim().length > LABEL_MAX) continue;
			if (set.own.length >= OWN_MAX) break;
			seen.add(id);
			set.own.push({ id, label: label.trim(), ...text });
		}
	}
	return set;
}

/**
 * The templates in use: the built-ins in their usual order with the user's edits applied, then
 * the user's own first-message variants. Pass this to `templatesFor(kind, …)`. Accepts any stored
 * value (see {@link readTemplateSet}); never throws.
 */
export function effectiveTemplates(stored: unknown): MessageTemplate[] {
	const set = readTemplateSet(stored);
	return [
		...DEFAULT_TEMPLATES.map((template) => ({ ...template, ...set.edited[template.id] })),
		...set.own.map((own) => ({ ...own, kind: 'first' as const }))
	];
}

/** Whether a built-in template has been edited (and so can be restored). */
export function isEdited(stored: unknown, id: string): boolean {
	return id in readTemplateSet(stored).edited;
}

/** The result of a change: the new set to save, or why nothing changed. */
export type TemplateSetChange = { ok: true; set: StoredTemplates } | { ok: false; error: string };

function checkLabel(label: string): string | undefined {
	const trimmed = label.trim();
	if (!trimmed) return 'Give it a short name, so you can pick it when you write.';
	if (trimmed.length > LABEL_MAX) return `Keep the name under ${LABEL_MAX} characters.`;
	return undefined;
}

/**
 * Saves new text for a template. For a built-in, text identical to the default removes the edit;
 * for one of the user's own, `label` (when given) renames it. Invalid text, an unknown id or a
 * bad label return `ok: false` with a one-line reason and the set unchanged. Never throws.
 */
export function editTemplate(
	stored: unknown,
	id: string,
	text: TemplateText & { label?: string }
): TemplateSetChange {
	const set = readTemplateSet(stored);
	const valid = validateMessageTemplate(text);
	if (!valid.ok) return valid;
	const clean = { subject: text.subject, body: text.body };
	const builtIn = BUILT_IN.get(id);
	if (builtIn) {
		const edited = { ...set.edited };
		if (builtIn.subject === clean.subject && builtIn.body === clean.body) delete edited[id];
		else edited[id] = clean;
		return { ok: true, set: { ...set, edited } };
	}
	const index = set.own.findIndex((own) => own.id === id);
	if (index === -1) return { ok: false, error: 'That template is no longer saved.' };
	const label = text.label ?? set.own[index]!.label;
	const labelError = checkLabel(label);
	if (labelError) return { ok: false, error: labelError };
	const own = [...set.own];
	own[index] = { id, label: label.trim(), ...clean };
	return { ok: true, set: { ...set, own } };
}

/**
 * Adds one of the user's own first-message variants. `id` must start with {@link OWN_PREFIX}
 * and be new. Invalid text, a bad label or too many variants return `ok: false`. Never throws.
 */
export function addOwnTemplate(stored: unknown, template: OwnTemplate): TemplateSetChange {
	const set = readTemplateSet(stored);
	if (!template.id.startsWith(OWN_PREFIX) || set.own.some((own) => own.id === template.id)) {
		return { ok: false, error: 'That template already exists.' };
	}
	if (set.own.length >= OWN_MAX) {
		return { ok: false, error: `You can keep up to ${OWN_MAX} of your own. Delete one first.` };
	}
	const labelError = checkLabel(template.label);
	if (labelError) return { ok: false, error: labelError };
	const valid = validateMessageTemplate(template);
	if (!valid.ok) return valid;
	const own: OwnTemplate = {
		id: template.id,
		label: template.label.trim(),
		subject: template.subject,
		body: template.body
	};
	return { ok: true, set: { ...set, own: [...set.own, own] } };
}

/** Deletes one of the user's own variants; built-ins cannot be deleted. Never throws. */
export function removeOwnTemplate(stored: unknown, id: string): StoredTemplates {
	const set = readTemplateSet(stored);
	return { ...set, own: set.own.filter((own) => own.id !== id) };
}

/** Forgets the edit to a built-in template, so the default applies again. Never throws. */
export function restoreDefault(stored: unknown, id: string): StoredTemplates {
	const set = readTemplateSet(stored);
	const edited = { ...set.edited };
	delete edited[id];
	return { ...set, edited };
}

/** Fields for the editor's full preview: everything known. */
export const SAMPLE_FIELDS: Readonly<MergeFields> = Object.freeze({
	firstName: 'Ana',
	fullName: 'Ana Lima',
	org: 'Fábrica',
	event: 'Hallway Conf',
	session: 'Offline first in the field',
	note: 'offline sync for field teams',
	myName: 'Sam Rivera',
	myIntro: 'I build tools that help small teams work without a signal',
	metDay: 'on Tuesday'
});

/** Fields for the editor's sparse preview: a card with only a name, and no card of your own. */
export const SPARSE_FIELDS: Readonly<MergeFields> = Object.freeze({
	firstName: 'Ana',
	fullName: 'Ana Lima'
});
