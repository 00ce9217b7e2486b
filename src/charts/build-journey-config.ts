import type { ChartConfiguration, ChartDataset, Scale } from 'chart.js';
import { commonPluginOptions, staticChartOptions } from './common-plugin-options.js';
import { dayNumber, dayTicks } from './day-axis.js';
import { formatInterval } from './format-interval.js';
import { formatXLabel } from './format-x-label.js';
import { type JourneySpec, JourneySpecSchema, type ParsedJourneySpec } from './journey-spec.js';
import { neutral, okabeIto } from './palette.js';
import { parseChartSpec } from './parse-chart-spec.js';
import { createPointLabelsPlugin, type PointLabel } from './plugins/point-labels.js';
import { createVerticalMarkersPlugin, markerBandHeight } from './plugins/vertical-markers.js';

type Point = { x: number; y: number };
type JourneyDataset = ChartDataset<'line', Point[]>;

export const journeyColours = {
  reached: okabeIto.blue,
  planned: okabeIto.orange,
  path: neutral.muted,
} as const;

/** Dates left of each point, intervals beside the step down to the next milestone. */
function journeyLabels(
  spec: ParsedJourneySpec,
  days: number[],
  xMin: number,
  xMax: number,
): PointLabel[] {
  const dates: PointLabel[] = spec.milestones.map((m, i) => ({
    x: days[i],
    y: i,
    text: formatXLabel(m.date) + (m.planned ? ' (planned)' : ''),
    align: 'left',
    position: 'middle',
    offset: 10,
  }));
  const intervals: PointLabel[] = spec.milestones.slice(1).map((m, i) => {
    const nearRight = (days[i + 1] - xMin) / (xMax - xMin) > 0.8;
    return {
      x: days[i + 1],
      y: i + 0.5,
      text: `+${formatInterval(days[i + 1] - days[i], 'short')}`,
      align: nearRight ? 'left' : 'right',
      position: 'middle',
      offset: 6,
      color: m.planned ? journeyColours.planned : journeyColours.path,
      bold: true,
    };
  });
  return [...dates, ...intervals];
}

/** Points of the milestones `keep` selects; each point's y is its milestone's row. */
function pointsWhere(days: number[], keep: (i: number) => boolean): Point[] {
  return days.map((x, y) => ({ x, y })).filter((_, i) => keep(i));
}

/**
 * The Chart.js configuration of one child's journey: a staircase with one row per milestone, a
 * date axis, reached milestones as filled circles, planned ones as hollow diamonds reached by a
 * dashed step, and the interval between consecutive milestones written beside each step.
 */
export function buildJourneyConfig(input: JourneySpec): ChartConfiguration<'line', Point[]> {
  const spec = parseChartSpec(JourneySpecSchema, input, 'journey timeline');
  const days = spec.milestones.map((m) => dayNumber(m.date));
  const planned = spec.milestones.map((m) => m.planned);
  const asOf = spec.asOf === undefined ? undefined : dayNumber(spec.asOf);
  const first = Math.min(...days, asOf ?? Infinity);
  const last = Math.max(...days, asOf ?? -Infinity);
  const spanDays = Math.max(last - first, 28);
  // Room on the left for the first date label, and on the right for the last point's marker.
  // At the 15 px text phones need (palette.ts), a date label takes about a third of the span.
  const xMin = first - spanDays * 0.34;
  const xMax = last + spanDays * 0.06;
  const ticks = dayTicks(Math.ceil(xMin), Math.floor(xMax));
  const path: JourneyDataset = {
    label: '',
    data: pointsWhere(days, () => true),
    // Along the row while waiting at a milestone, then down to the next one.
    stepped: 'before',
    borderColor: journeyColours.path,
    borderWidth: 2,
    pointRadius: 0,
    segment: { borderDash: (ctx) => (planned[ctx.p1DataIndex] ? [6, 4] : undefined) },
    order: 1,
  };
  const reached: JourneyDataset = {
    label: 'Reached',
    data: pointsWhere(days, (i) => !planned[i]),
    showLine: false,
    pointStyle: 'circle',
    pointRadius: 6,
    backgroundColor: journeyColours.reached,
    borderColor: journeyColours.reached,
    order: 0,
  };
  const plannedPoints: JourneyDataset = {
    label: 'Planned',
    data: pointsWhere(days, (i) => planned[i]),
    showLine: false,
    pointStyle: 'rectRot',
    pointRadius: 7,
    borderWidth: 2.5,
    backgroundColor: neutral.background,
    borderColor: journeyColours.planned,
    order: 0,
  };
  const datasets = planned.some(Boolean) ? [path, reached, plannedPoints] : [path, reached];
  const rows = asOf === undefined ? 0 : 1;
  const labels = spec.milestones.map((m) => m.label);
  return {
    type: 'line',
    data: { datasets },
    options: {
      ...staticChartOptions,
      scales: {
        x: {
          type: 'linear',
          min: xMin,
          max: xMax,
          afterBuildTicks: (scale: Scale) => {
            scale.ticks = ticks.days.map((value) => ({ value }));
          },
          ticks: { callback: (value) => ticks.label(Number(value)) },
        },
        y: {
          type: 'linear',
          reverse: true,
          min: -0.6,
          max: labels.length - 0.4,
          afterBuildTicks: (scale: Scale) => {
            scale.ticks = labels.map((_, value) => ({ value }));
          },
          ticks: { callback: (value) => labels[Number(value)] ?? '' },
          grid: { color: neutral.grid },
        },
      },
      plugins: commonPluginOptions(
        spec.title ?? `Journey of ${spec.caseRef}`,
        markerBandHeight(rows),
      ),
    },
    plugins: [
      createVerticalMarkersPlugin(
        asOf === undefined ? [] : [{ x: asOf, label: `Today, ${formatXLabel(spec.asOf ?? '')}` }],
        rows,
      ),
      createPointLabelsPlugin(journeyLabels(spec, days, xMin, xMax)),
    ],
  };
}
