/** JSON holds neither NaN nor Infinity: an undefined or infinite figure becomes null. */
export function finiteOrNull(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : x;
}

/** A mean is a sum divided by a count (docs/spc.md, "Numbers"); null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
