import { IHI_RUNS_TABLE } from './ihi-runs-table.js';
import { type RunsLimits, swedEisenhartLimits } from './swed-eisenhart.js';

/** Below this the IHI rules do not apply (fewer than 10 useful observations). */
const TABLE_FIRST_N = IHI_RUNS_TABLE[0]![0];
const TABLE_LAST_N = IHI_RUNS_TABLE[IHI_RUNS_TABLE.length - 1]![0];
/**
 * Beyond the table the limits are computed exactly; past this size a run chart is not a sensible
 * tool and the exact computation would only cost time, so no limits are given.
 */
export const IHI_RUNS_MAX_N = 5000;

const computed = new Map<number, RunsLimits>();

/** IHI too-few/too-many-runs limits for n useful observations, or null when n is out of range. */
export function ihiRunsLimits(n: number): RunsLimits | null {
  if (!Number.isInteger(n) || n < TABLE_FIRST_N || n > IHI_RUNS_MAX_N) return null;
  if (n <= TABLE_LAST_N) {
    const [, lower, upper] = IHI_RUNS_TABLE[n - TABLE_FIRST_N]!;
    return { lower, upper };
  }
  let limits = computed.get(n);
  if (!limits) {
    limits = swedEisenhartLimits(n);
    computed.set(n, limits);
  }
  return limits;
}
