// Rendered from the SPA fallback page, like the session it edits.
export const prerender = false;
