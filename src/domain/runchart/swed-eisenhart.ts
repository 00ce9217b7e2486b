/** Runs-test limits for n useful observations split as evenly as possible above and below. */
export interface RunsLimits {
  /** Fewer runs than this is too few. */
  lower: number;
  /** More runs than this is too many. */
  upper: number;
}

/** Probability in each tail: two-sided 5%. Compared as integers: 40 × count ≤ total. */
const TAIL_DENOMINATOR = 40n;

/**
 * Exact two-sided 5% limits from the Swed–Eisenhart distribution of the number of runs, with
 * n1 = ⌊n/2⌋ and n2 = ⌈n/2⌉ (the rule behind rows 41–60 of the IHI table). Counts are BigInt, so
 * no rounding can move a limit. `lower` is the largest L with P(runs < L) ≤ 2.5%; `upper` the
 * smallest U with P(runs > U) ≤ 2.5%.
 */
export function swedEisenhartLimits(n: number): RunsLimits {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`n must be an integer ≥ 2, got ${n}`);
  const counts = runsCounts(Math.floor(n / 2), Math.ceil(n / 2));
  const total = counts.reduce((sum, c) => sum + c, 0n);
  let lower = 2;
  let below = 0n;
  for (let r = 2; r <= n && TAIL_DENOMINATOR * below <= total; r++) {
    lower = r;
    below += counts[r]!;
  }
  let upper = n;
  let above = 0n;
  for (let r = n; r >= 2 && TAIL_DENOMINATOR * above <= total; r--) {
    upper = r;
    above += counts[r]!;
  }
  return { lower, upper };
}

/** counts[r] = number of arrangements of n1 + n2 points with exactly r runs. */
function runsCounts(n1: number, n2: number): bigint[] {
  const c1 = binomialRow(n1 - 1);
  const c2 = binomialRow(n2 - 1);
  const choose = (row: bigint[], k: number) => (k >= 0 && k < row.length ? row[k]! : 0n);
  const counts: bigint[] = new Array<bigint>(n1 + n2 + 1).fill(0n);
  for (let r = 2; r <= n1 + n2; r++) {
    const k = Math.floor(r / 2);
    counts[r] =
      r % 2 === 0
        ? 2n * choose(c1, k - 1) * choose(c2, k - 1)
        : choose(c1, k - 1) * choose(c2, k) + choose(c1, k) * choose(c2, k - 1);
  }
  return counts;
}

/** [C(m, 0), C(m, 1), …, C(m, m)]. */
function binomialRow(m: number): bigint[] {
  const row = [1n];
  for (let k = 1; k <= m; k++) row.push((row[k - 1]! * BigInt(m - k + 1)) / BigInt(k));
  return row;
}
