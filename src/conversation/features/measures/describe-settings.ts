import type { MeasureSettings } from '../../../store/schemas/measure.js';
import { withUnit } from '../../../domain/runchart/signal-wording.js';
import type { CarriedBaseline } from '../../../programme/measures/baseline-before-window.js';
import { describePeriod } from '../../../programme/measures/month-words.js';
import { plain } from '../../replies.js';

/** A point by its child's reference where references may go, else by its month or date. */
const pointIn = (references: boolean) => (period: string, caseRef?: string) =>
  (references ? caseRef : undefined) ?? describePeriod(period);

/**
 * What a chart shows of the baseline. When its window starts after the baseline began, the caption
 * says so and gives the median, which comes from points the chart does not show.
 */
function describeBaseline(
  freeze: NonNullable<MeasureSettings['freeze']>,
  carried: CarriedBaseline | null,
  unit: string,
  centre: string,
  point: ReturnType<typeof pointIn>,
): string {
  const through = point(freeze.throughPeriod, freeze.throughCaseRef);
  if (!carried) return `${centre} from the first ${freeze.count} points (to ${through})`;
  const from = `median ${withUnit(carried.median, plain(unit))} from the first ${carried.count} points (to ${through})`;
  return carried.before >= carried.count
    ? `${from}, all before this chart's period; the dashed median line carries it on`
    : `${from}, ${carried.before} of them before this chart's period; the median line carries it on`;
}

/**
 * The lead's chart settings as lines, each with who set it and why, so readers can judge them.
 * `carried` is the baseline a chart window starts after (see baselineBeforeWindow); `centre` what
 * the baseline fixes: a run chart's median, or a control chart's "mean and limits".
 */
export function describeSettings(
  settings: MeasureSettings,
  carried: CarriedBaseline | null = null,
  unit = '',
  centre = 'median',
  /** False in a channel: points a lead set by a child's reference are named by their date. */
  references = true,
  /** The reasons as typed, made fit for the conversation (channel-text.ts wordsFor). */
  words: (typed: string) => string = (typed) => typed,
): string[] {
  const point = pointIn(references);
  const lines: string[] = [];
  const { freeze, phases, exclusions } = settings;
  if (freeze && phases.length === 0) {
    lines.push(
      `Baseline: ${describeBaseline(freeze, carried, unit, centre, point)} — ${plain(freeze.by.name)}: "${plain(words(freeze.reason))}"`,
    );
  }
  for (const phase of phases) {
    lines.push(
      `New phase from ${point(phase.startPeriod, phase.startCaseRef)}${phase.testNumber ? ` (at T-${phase.testNumber})` : ''} — ${plain(phase.by.name)}: "${plain(words(phase.reason))}"`,
    );
  }
  for (const exclusion of exclusions) {
    const what = /^\d{4}-\d{2}/.test(exclusion.point)
      ? describePeriod(exclusion.point)
      : references
        ? exclusion.point
        : "one child's point";
    lines.push(`Excluded ${plain(what)} — ${plain(exclusion.by.name)}: "${plain(words(exclusion.reason))}"`);
  }
  if (freeze && phases.length > 0)
    lines.push('(The baseline is set aside while the chart is split into phases.)');
  if (settings.chart) {
    lines.push(
      `Always a ${settings.chart.kind} chart — ${plain(settings.chart.by.name)}: "${plain(words(settings.chart.reason))}"`,
    );
  }
  return lines;
}
