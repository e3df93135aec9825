/*
 * How much of the record the board's first screen shows: every list on it is bounded by these, not by the
 * record's size, and links to the full list. The API's answers for the overview and the components that
 * draw them take their numbers from here, so the two never disagree. No zod here: the UI imports it.
 */

/** Documents the source line names before "and N more". */
export const SOURCES_SHOWN = 10;

/** Cases whose course the overview shows (the latest added in scope). */
export const CASE_TIMELINE_CASES = 5;

/** Incidents per case in the course (in number order). */
export const CASE_TIMELINE_INCIDENTS = 5;

/** Case lines in the portfolio (more than one case in scope). */
export const PORTFOLIO_LINES = 10;

/** Bars a chart draws before the rest are left to its table. */
export const CHART_BARS = 15;

/** Groups a headline note names (those not reported) before "and N more". */
export const GROUPS_NAMED = 5;

/** Incidents the remediation tiles link to before "and N more". */
export const INCIDENTS_NAMED = 10;

/** Deadline rows the overview's panel shows (the API answers most pressing first). */
export const DEADLINE_PANEL_ROWS = 4;

/** The board's window: what falls due within 14 days is "due soon". */
export const DUE_SOON_DAYS = 14;

/** The largest page the contract allows: lists the first screen reads whole start with a page this size. */
export const LARGEST_PAGE = 500;
