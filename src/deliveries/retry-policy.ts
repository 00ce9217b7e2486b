/** Attempts before a delivery is given up and the admins are told. */
export const MAX_ATTEMPTS = 5;

/** 1, 2, 4, 8 minutes: rides out a hiccup or a rate limit, gives up within a quarter of an hour. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1);
}

/** How long a claim holds a delivery without renewal; renewed before every message it sends. */
export const DEFAULT_LEASE_MS = 2 * 60_000;
