/**
 * The parts of Today that need data: progress and conversation starters (an event), and the
 * backup reminder (changes not yet backed up). The page imports
 * this module lazily, and it imports them: one step further than a page's own dynamic imports,
 * whose styles SvelteKit links into the prerendered page as render-blocking stylesheets (in case
 * the server rendered them). These never render before IndexedDB answers, so a first visit, which
 * has nothing to show, downloads none of their code or styles.
 */
export const loadProgress = () => import('./Progress.svelte');
export const loadIcebreakers = () => import('./Icebreakers.svelte');
export const loadBackupReminder = () => import('$lib/backup/BackupReminder.svelte');
