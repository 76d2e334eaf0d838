// Every static screen is prerendered with its real shell; data comes from IndexedDB in the browser.
export const prerender = true;
export const trailingSlash = 'never';
