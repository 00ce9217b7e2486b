import type { Card } from '../../../../cards/model.js';
import { DEFAULT_INTERVAL_MEASURES } from '../../../domain/measures/index.js';
import { labelMidSentence, type MilestoneCatalogue } from '../../../domain/milestone-catalogue.js';
import type { MilestoneRecord } from '../../../domain/parse-milestone.js';
import { dayLabel, daysFrom, intervalText, milestoneNoun } from '../../../programme/cases/day-format.js';
import { labelOf } from '../../../programme/cases/milestone-settings.js';
import type { CaseMilestoneMap } from '../../../programme/cases/record-changes.js';
import { plain } from '../../replies.js';

export const SHOW_CASE_VERB = 'case.show';

/** Whether `key` comes after `start` in the catalogue's expected order (through notBefore). */
function follows(catalogue: MilestoneCatalogue, start: string, key: string): boolean {
  const seen = new Set<string>();
  const stack = [key];
  while (stack.length > 0) {
    const current = stack.pop();
    for (const earlier of catalogue.find((m) => m.key === current)?.notBefore ?? []) {
      if (earlier === start) return true;
      if (seen.has(earlier)) continue;
      seen.add(earlier);
      stack.push(earlier);
    }
  }
  return false;
}

/** The pairs of milestones whose interval a team watches, that `key` starts or ends. */
function pairsWith(key: string, catalogue: MilestoneCatalogue): [string, string][] {
  const fromStart: [string, string][] =
    key !== 'accommodated' && follows(catalogue, 'accommodated', key)
      ? [['accommodated', key]]
      : [];
  const stages = DEFAULT_INTERVAL_MEASURES.filter((m) => m.to === key || m.from === key);
  return [...fromStart, ...stages.map((m): [string, string] => [m.from, m.to])];
}

/**
 * The intervals this date completes: from accommodation (where most journeys start) and the
 * stage measures that end or begin at this milestone, e.g. recommendation → panel.
 */
export function intervalsFor(
  key: string,
  milestones: CaseMilestoneMap,
  catalogue: MilestoneCatalogue,
  /** Other milestones saved in the same change: an interval ending at one of them is said on its line. */
  savedWith: ReadonlySet<string> = new Set(),
): string[] {
  const seen = new Set<string>();
  return pairsWith(key, catalogue).flatMap(([from, to]) => {
    const start = milestones[from]?.actual;
    const end = milestones[to]?.actual;
    if (!start || !end || seen.has(`${from}>${to}`)) return [];
    if (from === key && savedWith.has(to)) return [];
    seen.add(`${from}>${to}`);
    const between = intervalText(daysFrom(start, end));
    return [`${between} from ${plain(milestoneNoun(catalogue, from))} to ${plain(milestoneNoun(catalogue, to))}`];
  });
}

function lineFor(
  record: MilestoneRecord,
  milestones: CaseMilestoneMap,
  catalogue: MilestoneCatalogue,
  savedWith: ReadonlySet<string>,
): string {
  const what = plain(labelMidSentence(labelOf(catalogue, record.milestone)));
  const when = `${record.planned ? 'planned for' : 'on'} ${dayLabel(record.date)}`;
  const head = `*${record.caseRef}*: ${what} ${when}`;
  if (record.planned) {
    const start = milestones.accommodated?.actual;
    if (!start || record.milestone === 'accommodated') return head;
    return `${head} — ${intervalText(daysFrom(start, record.date))} after accommodation`;
  }
  const intervals = intervalsFor(record.milestone, milestones, catalogue, savedWith);
  return intervals.length > 0 ? `${head} — ${intervals.join('; ')}` : head;
}

export interface WrittenCase {
  caseRef: string;
  records: readonly MilestoneRecord[];
  milestones: CaseMilestoneMap;
}

/** "Saved", with what changed and the intervals it completes, and a way to each child's journey. */
export function summaryCard(written: readonly WrittenCase[], catalogue: MilestoneCatalogue): Card {
  // "accommodated 1 Feb and first LAC review 14 Feb": the 13 days are said once, on the review's line.
  const lines = written.flatMap((w) => {
    const saved = new Set(w.records.filter((r) => !r.planned).map((r) => r.milestone));
    return w.records.map((r) => `- ${lineFor(r, w.milestones, catalogue, saved)}`);
  });
  return {
    title:
      written.length === 1 ? `Saved: ${written[0]!.caseRef}` : `Saved: ${written.length} cases`,
    sections: [{ text: lines.join('\n') }],
    buttons: written.slice(0, 5).map((w) => ({
      id: `journey-${w.caseRef}`,
      label: `${w.caseRef} journey`,
      action: { verb: SHOW_CASE_VERB, data: { ref: w.caseRef } },
    })),
  };
}
