/** MongoDB's duplicate-key error code. */
export const DUPLICATE_KEY = 11000;

/**
 * For writes that are meant to happen once however often they run (a repaired change's audit
 * entry, a resumed import): duplicate keys mean "already written" and are swallowed, anything
 * else is thrown. Handles single writes and bulk writes' `writeErrors` alike.
 */
export function ignoreDuplicates(error: unknown): void {
  const failure = error as { code?: number; writeErrors?: { code: number }[] };
  const codes = failure.writeErrors?.map((e) => e.code) ?? [failure.code];
  if (codes.length === 0 || codes.some((c) => c !== DUPLICATE_KEY)) throw error;
}
