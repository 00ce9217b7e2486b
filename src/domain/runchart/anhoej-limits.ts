/** Anhøj's limits for n useful observations, as qicharts2 computes them. */
export interface AnhoejLimits {
  /** A run longer than this is a signal. */
  longestRunMax: number;
  /** Fewer crossings than this is a signal. */
  crossingsMin: number;
}

const SIGNIFICANCE = 0.05;

export function anhoejLimits(n: number): AnhoejLimits {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  return { longestRunMax: Math.round(Math.log2(n)) + 3, crossingsMin: binomialQuantile(n - 1) };
}

/**
 * The smallest c with P(Binomial(trials, 0.5) <= c) >= 5%: R's qbinom(0.05, n - 1, 0.5).
 * The probabilities are summed in log space so that long series do not underflow 0.5^trials.
 * A binomial(·, 0.5) CDF is a multiple of 2^-trials, so it never sits exactly on 0.05 and double
 * precision cannot tip the comparison.
 */
function binomialQuantile(trials: number): number {
  const logHalfPower = -trials * Math.LN2;
  let logChoose = 0;
  let cumulative = 0;
  for (let c = 0; c <= trials; c++) {
    if (c > 0) logChoose += Math.log(trials - c + 1) - Math.log(c);
    cumulative += Math.exp(logChoose + logHalfPower);
    if (cumulative >= SIGNIFICANCE) return c;
  }
  return trials;
}
