import type { MeasureSettings } from '../../../store/schemas/measure.js';
import { describePeriod } from '../../../programme/measures/month-words.js';
import { plain } from '../../replies.js';

const point = (period: string, caseRef?: string) => caseRef ?? describePeriod(period);

/** The lead's chart settings as lines, each with who set it and why, so readers can judge them. */
export function describeSettings(settings: MeasureSettings): string[] {
  const lines: string[] = [];
  const { freeze, phases, exclusions } = settings;
  if (freeze && phases.length === 0) {
    lines.push(
      `Baseline: median from the first ${freeze.count} points (to ${point(freeze.throughPeriod, freeze.throughCaseRef)}) — ${plain(freeze.by.name)}: "${plain(freeze.reason)}"`,
    );
  }
  for (const phase of phases) {
    lines.push(
      `New phase from ${point(phase.startPeriod, phase.startCaseRef)} — ${plain(phase.by.name)}: "${plain(phase.reason)}"`,
    );
  }
  for (const exclusion of exclusions) {
    const what = /^\d{4}-\d{2}/.test(exclusion.point)
      ? describePeriod(exclusion.point)
      : exclusion.point;
    lines.push(`Excluded ${plain(what)} — ${plain(exclusion.by.name)}: "${plain(exclusion.reason)}"`);
  }
  if (freeze && phases.length > 0)
    lines.push('(The baseline is set aside while the chart is split into phases.)');
  return lines;
}
