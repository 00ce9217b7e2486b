import { DateTime } from 'luxon';
import type { PdsaCycle } from '../../store/schemas/pdsa.js';
import type { Verdict } from '../../store/schemas/prediction.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';

/** One quarter's studied predictions by verdict, for "how often were we right, over time". */
export interface QuarterTally {
  /** "2027 Q2": the quarter the tests were studied in. */
  quarter: string;
  counts: Record<Verdict, number>;
}

export interface GroupPredictions {
  groupKey: string;
  /** Tests with a checkable prediction, newest first. */
  cycles: PdsaCycle[];
  tally: QuarterTally[];
}

const EMPTY: Record<Verdict, number> = { met: 0, partly_met: 0, not_met: 0, too_early: 0 };

/**
 * Each group's tests with a checkable prediction and, quarter by quarter, how the studied ones
 * came out (the verdict the group kept, not the bot's). A learning measure: it shows whether a
 * group's predictions get closer to what happens, never how one group ranks against another.
 */
export async function predictionRecord(
  store: Pick<WorkspaceStore, 'pdsa'>,
  groupKeys: readonly string[],
  timeZone: string,
): Promise<GroupPredictions[]> {
  const cycles = await store.pdsa
    .find({ groupKey: { $in: [...groupKeys] }, 'plan.checkable': { $exists: true } }, { sort: { number: -1 } })
    .toArray();
  return groupKeys.map((groupKey) => {
    const mine = cycles.filter((c) => c.groupKey === groupKey);
    const byQuarter = new Map<string, Record<Verdict, number>>();
    for (const cycle of mine) {
      const check = cycle.study?.predictionCheck;
      const at = cycle.stageDates?.study;
      if (!check || !at) continue;
      const local = DateTime.fromJSDate(at, { zone: timeZone });
      const quarter = `${local.year} Q${local.quarter}`;
      const counts = byQuarter.get(quarter) ?? { ...EMPTY };
      counts[check.verdict] += 1;
      byQuarter.set(quarter, counts);
    }
    const tally = [...byQuarter].sort(([a], [b]) => a.localeCompare(b)).map(([quarter, counts]) => ({ quarter, counts }));
    return { groupKey, cycles: mine, tally };
  });
}
