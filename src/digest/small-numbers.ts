/** Counts under this are never shown in a channel: with few children, a number can identify one. */
export const SMALL_NUMBER_LIMIT = 5;

/** A count for a channel post: "none", "fewer than 5", or the number. */
export function channelCount(count: number): string {
  if (count === 0) return 'none';
  return count < SMALL_NUMBER_LIMIT ? `fewer than ${SMALL_NUMBER_LIMIT}` : String(count);
}

/**
 * A count of children for a group's eyes: "fewer than 5 children" under the limit (0 excepted),
 * else as `exact` says it ("12 children", "one child"). One rule for every sentence that counts.
 */
export function childrenForGroup(count: number, exact: (count: number) => string): string {
  return count > 0 && count < SMALL_NUMBER_LIMIT ? `fewer than ${SMALL_NUMBER_LIMIT} children` : exact(count);
}

/** Whether a set of counts may be drawn in a channel: each is 0 or at least the limit. */
export function safeForChannel(counts: readonly number[]): boolean {
  return counts.every((count) => count === 0 || count >= SMALL_NUMBER_LIMIT);
}
