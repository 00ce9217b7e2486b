import type { DateTime } from 'luxon';
import type { MilestoneKey } from '../milestone-catalogue.js';
import type { MentionStrength, MilestoneMention } from './find-milestones.js';

export interface Assigned {
  caseRef: string;
  milestone: MilestoneKey;
  date: DateTime;
}

export type Assignment =
  | { ok: true; assigned: Assigned[] }
  | { ok: false; milestones: number; dates: number };

const TIERS: MentionStrength[] = ['specific', 'generic', 'reference'];

function distinctKeys(mentions: MilestoneMention[]): MilestoneKey[] {
  return [...new Set(mentions.map((m) => m.key))];
}

/**
 * Decides which date goes with which milestone and child, one record per case reference:
 * - one date: every milestone named happened on it;
 * - as many milestones as dates: paired in the order said ("accommodated 3 Oct, LAC review 14 Oct");
 * - one milestone, as many children as dates: paired in order ("C1042 on 3 Oct, C1077 on 5 Oct");
 * - anything else is ambiguous and refused.
 * Only the surest mentions count: a milestone named generically ("at the LAC review") is dropped
 * beside a specific one, and one measured from ("after panel") beside either — unless keeping
 * them all is what makes milestones and dates pair up. Another meeting ("2nd LAC review") never
 * counts. A day said once per milestone pairs too, even when days repeat ("accommodated 2 Nov and
 * LAC review 2 Nov"): collapsing the repeat would leave one date and drop the generic mention.
 */
export function assignDates(
  refs: string[],
  mentions: MilestoneMention[],
  distinctDates: DateTime[],
  said: DateTime[] = distinctDates,
): Assignment {
  const counted = mentions.filter((m) => m.strength !== 'other');
  const all = distinctKeys(counted);
  const oneDayEach = said.length > 1 && said.length === all.length;
  const dates = oneDayEach ? said : distinctDates;
  const surest = TIERS.map((t) => distinctKeys(counted.filter((m) => m.strength === t))).find(
    (keys) => keys.length > 0,
  );
  const keys = all.length === dates.length && dates.length > 1 ? all : (surest ?? []);

  if (dates.length === 1) {
    const [date] = dates as [DateTime];
    return {
      ok: true,
      assigned: refs.flatMap((caseRef) => keys.map((milestone) => ({ caseRef, milestone, date }))),
    };
  }
  if (keys.length === dates.length) {
    return {
      ok: true,
      assigned: refs.flatMap((caseRef) =>
        keys.map((milestone, i) => ({ caseRef, milestone, date: dates[i]! })),
      ),
    };
  }
  if (keys.length === 1 && refs.length === dates.length) {
    const [milestone] = keys as [MilestoneKey];
    return {
      ok: true,
      assigned: refs.map((caseRef, i) => ({ caseRef, milestone, date: dates[i]! })),
    };
  }
  return { ok: false, milestones: keys.length, dates: dates.length };
}
