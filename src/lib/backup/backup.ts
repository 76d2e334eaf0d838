/**
 * The JSON backup file: its shape, how it is written (row by row, so a large database can show
 * progress), and how a file is read back and checked — all of it, against the valibot schema in
 * schema.ts — before anything is written. Pure: no Dexie, no DOM.
 *
 * File shape (version 1):
 *   { format: 'hallway-backup', version: 1, exportedAt, appVersion,
 *     tables: { events, sessions, contacts, scans, followups, prompts, settings } }
 * Each table is an array of rows as stored, except contacts' derived search keys (rebuilt on
 * restore) and bookkeeping settings (the backup time).
 */
import * as v from 'valibot';
import type {
	ContactRow,
	EventRow,
	FollowUpRow,
	PromptRow,
	ScanRow,
	SessionRow,
	SettingRow
} from '$lib/db/types';
import type { SettingKey } from '$lib/settings/settings.repo';
import { BOOKKEEPING_SETTINGS } from './changes';
import { backupSchema, issuePath, settingSchemas } from './schema';

export const BACKUP_FORMAT = 'hallway-backup';
export const BACKUP_VERSION = 1;
/** Files larger than this are refused before they are read. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;
/** How many problems an error names before "and N more". */
const SHOWN_ISSUES = 5;

/** The tables a backup holds, in the order they are written and restored. */
export const BACKUP_TABLES = [
	'events',
	'sessions',
	'contacts',
	'scans',
	'followups',
	'prompts',
	'settings'
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** A contact as it is in the file: without the derived keys. */
export type BackupContact = Omit<ContactRow, 'words' | 'phoneKeys'>;

export interface BackupTables {
	events: EventRow[];
	sessions: SessionRow[];
	contacts: BackupContact[];
	scans: ScanRow[];
	followups: FollowUpRow[];
	prompts: PromptRow[];
	settings: SettingRow[];
}

export interface BackupFile {
	format: typeof BACKUP_FORMAT;
	version: typeof BACKUP_VERSION;
	exportedAt: string;
	appVersion: string;
	tables: BackupTables;
}

/** What the database holds, as read for a backup (contacts with their derived keys). */
export type DatabaseRows = Omit<BackupTables, 'contacts'> & { contacts: ContactRow[] };

/** "hallway-backup-2026-06-02.json", dated in the device's own time zone. */
export function backupFileName(at: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `hallway-backup-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.json`;
}

function withoutDerived(contact: ContactRow): BackupContact {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { words, phoneKeys, ...rest } = contact;
	return rest;
}

/** How many rows a backup of these tables writes (settings bookkeeping excluded). */
export function rowCount(rows: DatabaseRows | BackupTables): number {
	return BACKUP_TABLES.reduce((sum, table) => sum + backedUpRows(rows, table).length, 0);
}

function backedUpRows(rows: DatabaseRows | BackupTables, table: BackupTable): unknown[] {
	if (table === 'settings')
		return rows.settings.filter((s) => !BOOKKEEPING_SETTINGS.includes(s.key));
	if (table === 'contacts') return rows.contacts.map((c) => withoutDerived(c as ContactRow));
	return rows[table];
}

/**
 * The backup file, piece by piece: one piece per row (one row per line), so the caller can show
 * progress and yield to the page between pieces. Joined, the pieces are the whole JSON file.
 */
export function* backupPieces(
	rows: DatabaseRows,
	meta: { exportedAt: string; appVersion: string }
): Generator<string, void, undefined> {
	const head = {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: meta.exportedAt,
		appVersion: meta.appVersion
	};
	yield `${JSON.stringify(head).slice(0, -1)},"tables":{`;
	let firstTable = true;
	for (const table of BACKUP_TABLES) {
		yield `${firstTable ? '' : ','}\n${JSON.stringify(table)}:[`;
		firstTable = false;
		let firstRow = true;
		for (const row of backedUpRows(rows, table)) {
			yield `${firstRow ? '' : ','}\n${JSON.stringify(row)}`;
			firstRow = false;
		}
		yield firstRow ? ']' : '\n]';
	}
	yield '\n}}\n';
}

/** The whole backup file as one string (tests, and small databases). */
export function serialiseBackup(
	rows: DatabaseRows,
	meta: { exportedAt: string; appVersion: string }
): string {
	return [...backupPieces(rows, meta)].join('');
}

export type ParsedBackup =
	| {
			ok: true;
			backup: BackupFile;
			/** Settings in the file that this version of Hallway doesn't have (skipped). */
			skippedSettings: string[];
	  }
	| {
			ok: false;
			/** One line for people: what is wrong and that nothing changed. */
			message: string;
			/** The first few problems, each with where it is: `contacts[3].emails: expected an array`. */
			issues: string[];
	  };

function refuse(message: string, issues: string[] = []): ParsedBackup {
	const shown = issues.slice(0, SHOWN_ISSUES);
	if (issues.length > SHOWN_ISSUES) shown.push(`…and ${issues.length - SHOWN_ISSUES} more`);
	return { ok: false, message, issues: shown };
}

function describe(issue: v.BaseIssue<unknown>): string {
	const path = issuePath(issue).replace(/^tables\./, '');
	const what = issue.input === undefined ? 'missing' : issue.message;
	return path ? `${path}: ${what}` : what;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a backup file's text and checks all of it: JSON, format, version (a newer one is refused
 * with "update first"), every row against the schema, ids unique in each table, and every
 * setting's value. Never throws: returns the backup, or a message with the first few problems.
 * Settings this version doesn't know are skipped and listed, not refused.
 */
export function parseBackup(text: string): ParsedBackup {
	let data: unknown;
	try {
		data = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		return refuse("This file isn't valid JSON, so it can't be a Hallway backup.", [
			error instanceof Error ? error.message : String(error)
		]);
	}
	if (!isRecord(data) || data.format !== BACKUP_FORMAT)
		return refuse("This isn't a Hallway backup file.", ['format: expected "hallway-backup"']);
	const version = data.version;
	if (typeof version === 'number' && version > BACKUP_VERSION)
		return refuse(
			`This backup was made by a newer Hallway (backup version ${version}) — update Hallway first, then restore it.`,
			[`version: expected ${BACKUP_VERSION} or lower`]
		);
	if (version !== BACKUP_VERSION)
		return refuse("This backup's version isn't one Hallway knows.", [
			`version: expected ${BACKUP_VERSION}`
		]);

	const result = v.safeParse(backupSchema, data, { abortEarly: false, abortPipeEarly: true });
	const issues = result.success ? [] : result.issues.map(describe);
	// Checks the schema cannot express run on the raw rows too, so one pass names every problem.
	const raw = isRecord(data.tables) ? data.tables : {};
	for (const table of BACKUP_TABLES) {
		const rows = raw[table];
		if (!Array.isArray(rows)) continue;
		const field = table === 'settings' ? 'key' : 'id';
		const seen = new Set<unknown>();
		rows.forEach((row: unknown, i) => {
			const key = isRecord(row) ? row[field] : undefined;
			if (typeof key !== 'string') return;
			if (seen.has(key)) issues.push(`${table}[${i}].${field}: "${key}" appears twice`);
			seen.add(key);
		});
	}
	const settings: SettingRow[] = [];
	const skippedSettings: string[] = [];
	const rawSettings = Array.isArray(raw.settings) ? (raw.settings as unknown[]) : [];
	rawSettings.forEach((row, i) => {
		if (!isRecord(row) || typeof row.key !== 'string') return;
		if (BOOKKEEPING_SETTINGS.includes(row.key)) return;
		if (!Object.hasOwn(settingSchemas, row.key)) {
			skippedSettings.push(row.key);
			return;
		}
		const checked = v.safeParse(settingSchemas[row.key as SettingKey], row.value, {
			abortEarly: false,
			abortPipeEarly: true
		});
		if (checked.success) settings.push({ key: row.key, value: checked.output });
		else
			for (const issue of checked.issues) {
				const inner = issuePath(issue);
				const where = `settings[${i}].value${inner ? `.${inner}` : ''}`;
				issues.push(`${where}: ${issue.input === undefined ? 'missing' : issue.message}`);
			}
	});
	if (!result.success || issues.length) return refuse(problems(issues.length), issues);

	return {
		ok: true,
		backup: { ...result.output, tables: { ...result.output.tables, settings } },
		skippedSettings
	};
}

function problems(n: number): string {
	return `This backup can't be restored: ${n === 1 ? 'one problem was' : `${n} problems were`} found. Nothing was changed.`;
}

/**
 * Reads and checks a chosen file. A file over 50 MB is refused from its size alone, before a byte
 * of it is read; a file that cannot be read says so. Never throws.
 */
export async function readBackupFile(file: Pick<Blob, 'size' | 'text'>): Promise<ParsedBackup> {
	if (file.size > MAX_BACKUP_BYTES)
		return refuse(
			'This file is over 50 MB, too big to be a Hallway backup. Choose the backup file Hallway made.'
		);
	let text: string;
	try {
		text = await file.text();
	} catch (error) {
		return refuse("Couldn't read this file.", [
			error instanceof Error ? error.message : String(error)
		]);
	}
	return parseBackup(text);
}
