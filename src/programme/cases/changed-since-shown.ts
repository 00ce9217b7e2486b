import { z } from 'zod';
import { labelMidSentence, type MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import { plausibilityWarning } from '../../domain/milestone-plausibility.js';
import type { MilestoneRecord } from '../../domain/parse-milestone.js';
import { MilestoneDatesSchema } from '../../store/schemas/case.js';
import { dayLabel } from './day-format.js';
import { labelOf } from './milestone-settings.js';
import type { CaseMilestoneMap } from './record-changes.js';

/**
 * The dates a case held when its confirmation card was shown: the card's order and plausibility
 * checks, and its "new" or "correction" line, were judged against these. Kept with the question,
 * as a list because a case reference is data, never a field name.
 */
export const ShownCasesSchema = z.array(
  z.object({ caseRef: z.string(), milestones: z.record(z.string(), MilestoneDatesSchema) }),
);
export type ShownCases = z.infer<typeof ShownCasesSchema>;

/** What each case named in the records holds now, to keep with the question. */
export function shownCases(
  records: readonly MilestoneRecord[],
  existing: ReadonlyMap<string, CaseMilestoneMap>,
): ShownCases {
  return [...new Set(records.map((r) => r.caseRef))].map((caseRef) => ({
    caseRef,
    milestones: existing.get(caseRef) ?? {},
  }));
}

const actuals = (milestones: CaseMilestoneMap): Record<string, string> =>
  Object.fromEntries(Object.entries(milestones).flatMap(([k, d]) => (d.actual ? [[k, d.actual]] : [])));

const same = (a: object | null | undefined, b: object | null | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** "18/11/2026": an example date the parser reads back exactly, whatever today is. */
const typed = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Why records confirmed now would not be what the card said, or null when they still are. A case
 * whose dates were removed or changed since (an undo, a correction, someone else's record of the same
 * milestone) is refused outright: the card's checks rested on them. Dates only added since are
 * fine unless they make a record look unusual that looked ordinary on the card — the same "are you
 * sure" a fresh sentence gets, which the person has not seen. Cases the question already wrote
 * (a repair finishing it) are not passed in. A question kept before cards kept their dates has none
 * to compare, and is judged by the order checks alone.
 */
export function changedSinceShown(
  records: readonly MilestoneRecord[],
  shown: ShownCases | undefined,
  current: ReadonlyMap<string, CaseMilestoneMap>,
  catalogue: MilestoneCatalogue,
): string | null {
  if (!shown) return null;
  const named = (key: string) => labelMidSentence(labelOf(catalogue, key));
  const then = new Map(shown.map((s) => [s.caseRef, s.milestones]));
  const judged = new Map<string, { before: Record<string, string>; now: Record<string, string> }>();
  for (const record of records) {
    const { caseRef: ref, milestone } = record;
    const before = then.get(ref) ?? {};
    const now = current.get(ref) ?? {};
    const again =
      ` since I showed you that card, so I haven’t stored anything. If the ${named(milestone)} date is still ` +
      `right, send it again — e.g. “${ref} ${named(milestone)} ${record.planned ? 'booked for ' : ''}` +
      `${typed(record.date)}” — and I’ll check it against ${ref} as it is now.`;
    for (const [key, date] of Object.entries(actuals(before))) {
      const was = `${ref}’s ${named(key)} date (${dayLabel(date)})`;
      const is = now[key]?.actual;
      if (!is) return `${was} has been removed${again}`;
      if (is !== date) return `${was} was changed to ${dayLabel(is)}${again}`;
    }
    if (!same(before[milestone], now[milestone])) {
      const is = now[milestone];
      const what = is?.actual
        ? `recorded as ${dayLabel(is.actual)}`
        : is?.planned
          ? `planned for ${dayLabel(is.planned)}`
          : 'removed';
      return `${ref}’s ${named(milestone)} was ${what}${again}`;
    }
    // Each record also counts for the ones after it on the same card, as when the card was shown.
    const dates = judged.get(ref) ?? { before: actuals(before), now: actuals(now) };
    judged.set(ref, dates);
    const wasWarned = plausibilityWarning(dates.before, milestone, record.date);
    const isWarned = plausibilityWarning(dates.now, milestone, record.date);
    if (isWarned && !same(wasWarned, isWarned)) {
      return `A date recorded for ${ref} makes the ${named(milestone)} on ${dayLabel(record.date)} look unusual${again}`;
    }
    if (!record.planned) {
      dates.before[milestone] = record.date;
      dates.now[milestone] = record.date;
    }
  }
  return null;
}
