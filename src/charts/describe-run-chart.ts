import { withoutChatHints } from '../../cards/plain-text.js';
import { targetWords } from './target-words.js';
import { describeIndexRanges } from './describe-index-ranges.js';
import { describedPoints } from './described-points.js';
import { formatValue } from './format-value.js';
import { lowerFirst } from './lower-first.js';
import type { ParsedRunChartSpec, RunChartPhase } from './run-chart-spec.js';

function describeMedians(spec: ParsedRunChartSpec, labels: string[]): string {
  const rules = `${spec.ruleSetName} rules`;
  const medianOf = (phase: RunChartPhase) => `${formatValue(phase.median)} ${spec.unit}`;
  if (spec.phases.length === 0) return 'No median is drawn.';
  if (spec.phases.length === 1) {
    const [phase] = spec.phases;
    if (phase.medianFromBefore) {
      const baseline =
        phase.baselineEnd === undefined
          ? 'a baseline before this period'
          : `a baseline that began before this period and ended at ${labels[phase.baselineEnd]}`;
      return `Median ${medianOf(phase)} from ${baseline}, extended to ${labels[phase.end]} (${rules}).`;
    }
    const baselineEnd = phase.baselineEnd ?? phase.end;
    if (baselineEnd === phase.end) return `Median ${medianOf(phase)} (${rules}).`;
    return (
      `Median ${medianOf(phase)} from the baseline ${labels[phase.start]} to ${labels[baselineEnd]}, ` +
      `extended to ${labels[phase.end]} (${rules}).`
    );
  }
  const parts = spec.phases.map(
    (phase) => `${medianOf(phase)} for ${labels[phase.start]} to ${labels[phase.end]}`,
  );
  return `The chart is split into ${spec.phases.length} phases with medians ${parts.join('; ')} (${rules}).`;
}

function describeSignals(spec: ParsedRunChartSpec, labels: string[]): string {
  const sentences = spec.sentences ?? [];
  const marked =
    spec.signalPoints.length > 0
      ? `Points marked as a signal: ${describeIndexRanges(spec.signalPoints, labels)}.`
      : '';
  // Alt text is read aloud: no chat commands in brackets, no markdown backticks.
  const spoken = sentences.map((s) => withoutChatHints(s).replace(/`/g, ''));
  if (spoken.length > 0) return [...spoken, marked].filter(Boolean).join(' ');
  if (marked) return `Signal under the ${spec.ruleSetName} rules. ${marked}`;
  return `No signal is marked under the ${spec.ruleSetName} rules.`;
}

/**
 * Alt text for a run chart: the measure, the period, the median(s) and the signals, then the
 * target, tests of change and excluded points, in sentences a screen reader can read out.
 */
export function describeRunChart(spec: ParsedRunChartSpec): string {
  const { labels, dates, present, missing, period } = describedPoints(spec);
  const parts = [
    `Run chart of ${lowerFirst(spec.measureName)} (${spec.unit}), ${period}: ${present} ${present === 1 ? 'point' : 'points'}` +
      (missing > 0 ? `, ${missing} missing.` : '.'),
    describeMedians(spec, labels),
    describeSignals(spec, labels),
  ];
  if (spec.target !== undefined) parts.push(`Target ${targetWords(spec)}.`);
  if (spec.annotations.length > 0) {
    // A test of change starts on a date, whichever child came next.
    const tests = spec.annotations.map((a) => `${a.label} (from ${dates[a.index]})`);
    parts.push(`Tests of change: ${tests.join('; ')}.`);
  }
  if (spec.excludedPoints.length > 0) {
    parts.push(
      `Excluded from the median and rules: ${describeIndexRanges(spec.excludedPoints, labels)}.`,
    );
  }
  return parts.join(' ');
}
