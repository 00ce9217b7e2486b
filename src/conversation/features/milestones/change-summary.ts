import type { Card } from '../../../../cards/model.js';
import { DEFAULT_INTERVAL_MEASURES } from '../../../domain/measures/index.js';
import {
  labelMidSentence,
  type MilestoneCatalogue,
} from '../../../domain/milestone-catalogue.js';
import type { MilestoneRecord } from '../../../domain/parse-milestone.js';
import { dayLabel, daysFrom, intervalText, milestoneNoun } from './day-format.js';
import { labelOf } from './milestone-settings.js';
import type { CaseMilestoneMap } from './record-changes.js';

export const SHOW_CASE_VERB = 'case.show';

/** Whether `key` comes after `start` in the catalogue's expected order (through notBefore). */
function follows(catalogue: MilestoneCatalogue, start: string, key: string): boolean {
  const seen = new Set<string>();
  const stack = [key];
  while (stack.length > 0) {
    const current = stack.pop();
    const next = catalogue.find((m) => m.key === current)?.notBefore ?? [];
    for (const k of next) {
      if (k === start) return true;
      if (seen.has(k)) continue;
      seen.add(k);
      stack.push(k);
    }
  }
  return false;
}

/**
 * The intervals a team watches that this date completes: from accommodation (where the journey
 * starts) and the stage measures that end or begin at this milestone, e.g. recommendation → panel.
 */
export function intervalsFor(
  key: string,
  milestones: CaseMilestoneMap,
  catalogue: MilestoneCatalogue,
): string[] {
  const pairs: [string, string][] = [
    ...(key !== 'accommodated' && follows(catalogue, 'accommodated', key) ? [['accommodated', key] as [string, string]] : []),
    ...DEFAULT_INTERVAL_MEASURES.filter((m) => m.to === key || m.from === key).map((m): [string, string] => [m.from, m.to]),
  ];
  const seen = new Set<string>();
  return pairs.flatMap(([from, to]) => {
    const start = milestones[from]?.actual;
    const end = milestones[to]?.actual;
    const id = `${from}>${to}`;
    if (!start || !end || seen.has(id)) return [];
    seen.add(id);
    return [`${intervalText(daysFrom(start, end))} from ${milestoneNoun(catalogue, from)} to ${milestoneNoun(catalogue, to)}`];
  });
}

function lineFor(record: MilestoneRecord, milestones: CaseMilestoneMap, catalogue: MilestoneCatalogue): string {
  const what = labelMidSentence(labelOf(catalogue, record.milestone));
  const head = `*${record.caseRef}*: ${what} ${record.planned ? 'planned for' : 'on'} ${dayLabel(record.date)}`;
  if (record.planned) {
    const start = milestones.accommodated?.actual;
    const after = start && record.milestone !== 'accommodated' ? ` — ${intervalText(daysFrom(start, record.date))} after accommodation` : '';
    return `${head}${after}`;
  }
  const intervals = intervalsFor(record.milestone, milestones, catalogue);
  return intervals.length > 0 ? `${head} — ${intervals.join('; ')}` : head;
}

/** "Saved", with what changed and the intervals it completes, and a way to each child's journey. */
export function summaryCard(
  written: readonly { caseRef: string; records: readonly MilestoneRecord[]; milestones: CaseMilestoneMap }[],
  catalogue: MilestoneCatalogue,
): Card {
  const lines = written.flatMap((w) => w.records.map((r) => `- ${lineFor(r, w.milestones, catalogue)}`));
  return {
    title: written.length === 1 ? `Saved: ${written[0]!.caseRef}` : `Saved: ${written.length} cases`,
    sections: [{ text: lines.join('\n') }],
    buttons: written.slice(0, 5).map((w) => ({
      id: `journey-${w.caseRef}`,
      label: `${w.caseRef} journey`,
      action: { verb: SHOW_CASE_VERB, data: { ref: w.caseRef } },
    })),
  };
}
