// A session's id exists only on this device: this screen renders from the SPA fallback page.
export const prerender = false;
