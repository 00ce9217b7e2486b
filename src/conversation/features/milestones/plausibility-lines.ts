import { labelMidSentence, type MilestoneCatalogue } from '../../../domain/milestone-catalogue.js';
import { plausibilityWarning, type PlausibilityWarning } from '../../../domain/milestone-plausibility.js';
import { dayLabel } from '../../../programme/cases/day-format.js';
import { labelOf } from '../../../programme/cases/milestone-settings.js';
import { plain } from '../../replies.js';
import type { CaseMilestoneMap, MilestoneChange } from '../../../programme/cases/record-changes.js';

function line(warning: PlausibilityWarning, catalogue: MilestoneCatalogue): string {
  // A label is an admin's words (milestone add / rename): shown as typed, never as markup.
  const named = (key: string) => plain(labelMidSentence(labelOf(catalogue, key)));
  if (warning.kind === 'same_day') {
    return `that makes ${warning.milestones.length} stages on ${dayLabel(warning.date)} (${warning.milestones.map(named).join(', ')}), which is unusual.`;
  }
  const days = Math.round(warning.days);
  const after = days === 0 ? 'the same day as' : `${days} day${days === 1 ? '' : 's'} after`;
  return `that is ${after} accommodation (${dayLabel(warning.accommodated)}); this stage usually takes months.`;
}

/**
 * The warning line for each change, in order (null where the date looks ordinary), judged against
 * what the child holds and the dates said before it in the same message.
 */
export function plausibilityWarnings(
  changes: readonly MilestoneChange[],
  existing: ReadonlyMap<string, CaseMilestoneMap>,
  catalogue: MilestoneCatalogue,
): (string | null)[] {
  const held = new Map<string, Record<string, string>>();
  return changes.map(({ record }) => {
    const dates =
      held.get(record.caseRef) ??
      Object.fromEntries(Object.entries(existing.get(record.caseRef) ?? {}).flatMap(([k, d]) => (d.actual ? [[k, d.actual]] : [])));
    held.set(record.caseRef, dates);
    const warning = plausibilityWarning(dates, record.milestone, record.date);
    if (!record.planned) dates[record.milestone] = record.date;
    return warning && line(warning, catalogue);
  });
}
