/**
 * One point of a measure's series, ready for a run chart: `period` is YYYY-MM for monthly views
 * and custom monthly measures, or YYYY-MM-DD for per-child points (the date the child reached B)
 * and dated custom measures. A null value keeps an empty month on the time axis.
 */
export interface MeasurePoint {
  period: string;
  value: number | null;
  /** Per-child views: whose point this is (pseudonymous reference). */
  caseRef?: string;
  /**
   * Shares recorded or computed as "17 of 20": the count and the number it is out of, so a P chart
   * can weigh each month by its size. `value` is then the share as a percentage.
   */
  numerator?: number;
  denominator?: number;
}

/** Something in the data a lead should put right; such cases are left out of the measure. */
export interface DataProblem {
  caseRef: string;
  code: 'end_before_start' | 'start_missing';
  message: string;
}
