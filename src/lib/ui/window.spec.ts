import { describe, expect, it } from 'vitest';
import { windowRange } from './window';

const base = { count: 1000, rowHeight: 50, viewportHeight: 500, overscan: 5 };

describe('windowRange', () => {
	it('renders the first rows, before any measurement', () => {
		expect(windowRange({ ...base, rowHeight: 0, listTop: 0, initial: 20 })).toEqual({
			start: 0,
			end: 20,
			before: 0,
			after: 0
		});
		expect(windowRange({ ...base, count: 3, rowHeight: 0, listTop: 0 }).end).toBe(3);
	});

	it('covers the viewport plus the overscan when the list starts below the top', () => {
		// The list starts 200 px down: rows 0–6 are on screen (300 px of list).
		expect(windowRange({ ...base, listTop: 200 })).toEqual({
			start: 0,
			end: 11,
			before: 0,
			after: (1000 - 11) * 50
		});
	});

	it('stands in for the rows scrolled past with space above', () => {
		// Scrolled 10,000 px into the list: row 200 is at the top of the viewport.
		const range = windowRange({ ...base, listTop: -10_000 });
		expect(range).toEqual({ start: 195, end: 215, before: 195 * 50, after: (1000 - 215) * 50 });
		// Space before + rows + space after is the whole list's height.
		expect(range.before + (range.end - range.start) * 50 + range.after).toBe(1000 * 50);
	});

	it('reaches the very last row at the end of the list', () => {
		const range = windowRange({ ...base, listTop: -(1000 * 50 - 500) });
		expect(range.end).toBe(1000);
		expect(range.after).toBe(0);
		expect(range.start).toBe(985);
	});

	it('never leaves [0, count], even when the list shrank under the scroll position', () => {
		const range = windowRange({ ...base, count: 10, listTop: -10_000 });
		expect(range).toEqual({ start: 10, end: 10, before: 500, after: 0 });
		expect(windowRange({ ...base, count: 0, listTop: 0 })).toEqual({
			start: 0,
			end: 0,
			before: 0,
			after: 0
		});
	});

	it('keeps the focused row and the ones after it rendered, unless scrolled far away', () => {
		// Viewport shows rows 200–210; focus on row 216 (just past the overscan) keeps 216–221.
		const near = windowRange({ ...base, listTop: -10_000, focus: 216 });
		expect(near.start).toBe(195);
		expect(near.end).toBe(222);
		expect(near.before).toBe(195 * 50);
		expect(near.after).toBe((1000 - 222) * 50);
		// Focus far above the window is let go rather than rendering everything in between.
		expect(windowRange({ ...base, listTop: -10_000, focus: 3 })).toEqual(
			windowRange({ ...base, listTop: -10_000 })
		);
	});
});
