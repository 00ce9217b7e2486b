/** Reports a problem at a path of the input, in words for the person who sent it. */
export type ReportIssue = (path: (string | number)[], message: string) => void;

/**
 * The checks a run chart and a control chart share on their options against the number of values:
 * the baseline (freeze) within them, phases (parts) increasing and starting before the end, and
 * exclusions naming points that exist.
 */
export function checkPhaseOptions(
  input: { freeze?: number; parts?: number[]; exclude?: number[] },
  n: number,
  issue: ReportIssue,
): void {
  if (input.freeze !== undefined && input.freeze > n) {
    issue(['freeze'], `${input.freeze} is beyond the ${n} values`);
  }
  (input.parts ?? []).forEach((part, i, parts) => {
    if (part >= n) {
      issue(['parts', i], `a phase cannot start after point ${part}: there are ${n} values`);
    } else if (i > 0 && part <= parts[i - 1]!) {
      issue(['parts', i], `must be increasing (${parts[i - 1]} then ${part})`);
    }
  });
  (input.exclude ?? []).forEach((position, i) => {
    if (position > n) issue(['exclude', i], `point ${position} is beyond the ${n} values`);
  });
}
