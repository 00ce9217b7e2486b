import { describedPoints } from './described-points.js';
import { targetWords } from './target-words.js';
import {
  CONTROL_CHART_NAMES,
  centreLineName,
  limitsCollapsed,
  type ParsedControlChartSpec,
} from './control-chart-spec.js';
import { describeIndexRanges } from './describe-index-ranges.js';
import { formatValue } from './format-value.js';
import { lowerFirst } from './lower-first.js';

function describeCentres(spec: ParsedControlChartSpec, labels: string[]): string {
  const name = centreLineName(spec.chartType);
  const value = (centre: number) => `${formatValue(centre)} ${spec.unit}`;
  if (spec.phases.length === 0) return `No ${name.toLowerCase()} line is drawn.`;
  if (spec.phases.length === 1) {
    const [phase] = spec.phases;
    if (phase!.centreFromBefore) return `${name} ${value(phase!.centre)} from a baseline before this period, with its limits extended to ${labels[phase!.end]}.`;
    const baselineEnd = phase!.baselineEnd ?? phase!.end;
    if (baselineEnd >= phase!.end) return `${name} ${value(phase!.centre)}.`;
    return `${name} ${value(phase!.centre)} from the baseline ${labels[phase!.start]} to ${labels[baselineEnd]}, with its limits extended to ${labels[phase!.end]}.`;
  }
  const parts = spec.phases.map((p) => `${value(p.centre)} for ${labels[p.start]} to ${labels[p.end]}`);
  return `The chart is split into ${spec.phases.length} phases, each with its own limits; ${name.toLowerCase()}s ${parts.join('; ')}.`;
}

function describeLimits(spec: ParsedControlChartSpec): string {
  const stepped = spec.chartType === 'p' || spec.chartType === 'u';
  const last = spec.labels.length - 1;
  const upper = spec.ucl[last];
  const lower = spec.lcl[last];
  if (!spec.ucl.some((u) => u !== null)) return 'No control limits could be worked out, so none are drawn.';
  const lastPhase = spec.phases.at(-1);
  if (lastPhase && limitsCollapsed(spec, lastPhase)) {
    return `The limits collapse onto the ${centreLineName(spec.chartType).toLowerCase()} (nearly every value is the same), so none are drawn and every point off it is marked.`;
  }
  if (stepped) return 'Control limits at 3 sigma, stepping with the number counted each month.';
  if (upper === null || upper === undefined || lower === null || lower === undefined) return 'Control limits at 3 sigma.';
  return `Control limits at 3 sigma: ${formatValue(lower)} to ${formatValue(upper)} ${spec.unit}.`;
}

/**
 * Alt text for a control chart: the chart type, the measure, the period, the centre line, the
 * limits and the signals, then the target, tests of change and excluded points.
 */
export function describeControlChart(spec: ParsedControlChartSpec): string {
  const { labels, dates, present, missing, period } = describedPoints(spec);
  const parts = [
    `${CONTROL_CHART_NAMES[spec.chartType]} (a control chart) of ${lowerFirst(spec.measureName)} (${spec.unit}), ${period}: ${present} ${present === 1 ? 'point' : 'points'}` +
      (missing > 0 ? `, ${missing} missing.` : '.'),
    describeCentres(spec, labels),
    describeLimits(spec),
  ];
  const sentences = spec.sentences ?? [];
  if (sentences.length > 0) parts.push(...sentences);
  if (spec.outsidePoints.length > 0) {
    parts.push(`Outside the limits: ${describeIndexRanges(spec.outsidePoints, labels)}.`);
  }
  if (spec.target !== undefined) parts.push(`Target ${targetWords(spec)}.`);
  if (spec.annotations.length > 0) {
    parts.push(`Tests of change: ${spec.annotations.map((a) => `${a.label} (from ${dates[a.index]})`).join('; ')}.`);
  }
  if (spec.excludedPoints.length > 0) {
    parts.push(`Excluded from the ${centreLineName(spec.chartType).toLowerCase()} and limits: ${describeIndexRanges(spec.excludedPoints, labels)}.`);
  }
  return parts.join(' ');
}
