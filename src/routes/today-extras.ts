/**
 * The parts of Today that need an event: progress and conversation starters. The page imports
 * this module lazily, and it imports them: one step further than a page's own dynamic imports,
 * whose styles SvelteKit links into the prerendered page as render-blocking stylesheets (in case
 * the server rendered them). These never render before IndexedDB answers, so a first visit, which
 * has no event, downloads neither their code nor their styles.
 */
export const loadProgress = () => import('./Progress.svelte');
export const loadIcebreakers = () => import('./Icebreakers.svelte');
