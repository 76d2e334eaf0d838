// An event's id is only known on the device: this screen renders from the SPA fallback page.
export const prerender = false;
