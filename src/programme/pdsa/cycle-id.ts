/** The short id people use for a test of change: T-12. */
export function cycleId(number: number): string {
  return `T-${number}`;
}

/** Reads a short id the ways people type it: `T-12`, `t-12`, `T12`, `#12`, or just `12`. */
export function parseCycleNumber(said: string): number | null {
  const match = /^(?:t-?|#)?(\d{1,7})$/i.exec(said.trim());
  if (!match) return null;
  const number = Number(match[1]);
  return number >= 1 ? number : null;
}
