/**
 * Limits on an uploaded tracker. A whole area's tracker is a few hundred rows and well under 1 MB;
 * these leave room for years of history while keeping one upload from holding the bot's memory.
 */
export const MAX_TRACKER_BYTES = 10 * 1024 * 1024;

/** Data rows over all sheets (blank rows do not count). */
export const MAX_TRACKER_ROWS = 20_000;

/** How far down a sheet the header row is looked for: below that, it is not a tracker. */
export const HEADER_SEARCH_ROWS = 30;
