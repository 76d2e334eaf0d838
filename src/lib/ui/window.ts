/**
 * Windowing maths for long lists of equal-height rows that scroll with the page: which rows to
 * render for the part of the list on screen, plus a margin either side, and how much space stands
 * in for the rows that are not rendered. Pure, so it is unit-tested without a browser.
 */

export interface WindowInput {
	/** Rows in the whole list. */
	count: number;
	/** One row's height including the gap to the next, in px; ≤ 0 means not measured yet. */
	rowHeight: number;
	/** The list's top edge relative to the top of the viewport (getBoundingClientRect().top). */
	listTop: number;
	/** The viewport's height in px. */
	viewportHeight: number;
	/** Rows rendered beyond each edge of the viewport. */
	overscan: number;
	/** Before the first measurement: how many rows to render from the top. */
	initial?: number;
	/**
	 * The row that has keyboard focus, if any: it and `overscan` rows after it stay rendered, so
	 * Tab always finds the next row even before the page has scrolled. Ignored when the row is
	 * more than `overscan` rows away from the window (the user scrolled elsewhere).
	 */
	focus?: number;
}

export interface WindowRange {
	/** First rendered row (inclusive). */
	start: number;
	/** Last rendered row (exclusive). */
	end: number;
	/** Space in px standing in for rows [0, start). */
	before: number;
	/** Space in px standing in for rows [end, count). */
	after: number;
}

/** The rows to render. Always a valid range inside [0, count]; never throws. */
export function windowRange(input: WindowInput): WindowRange {
	const count = Math.max(0, Math.floor(input.count));
	const overscan = Math.max(0, Math.floor(input.overscan));
	if (!(input.rowHeight > 0) || !Number.isFinite(input.rowHeight)) {
		const end = Math.min(count, input.initial ?? 20);
		return { start: 0, end, before: 0, after: 0 };
	}
	const h = input.rowHeight;
	// The first row whose bottom is below the viewport's top, and the first row below its bottom.
	const firstVisible = Math.floor(-input.listTop / h);
	const lastVisible = Math.ceil((input.viewportHeight - input.listTop) / h);
	let start = clamp(firstVisible - overscan, 0, count);
	let end = clamp(Math.max(lastVisible + overscan, start), start, count);
	const focus = input.focus;
	// Only near the window: a row the user has scrolled far away from is let go.
	if (focus !== undefined && focus >= start - overscan && focus < end + overscan) {
		start = Math.min(start, Math.max(0, focus - overscan));
		end = Math.max(end, Math.min(count, focus + overscan + 1));
	}
	return { start, end, before: start * h, after: (count - end) * h };
}

function clamp(n: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, n));
}
