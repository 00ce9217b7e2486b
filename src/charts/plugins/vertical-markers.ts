import type { Chart, Plugin } from 'chart.js';
import { measureText } from '../measure-text.js';
import { canvasFont, fontSize, neutral } from '../palette.js';
import { assignLabelRows, type LabelSpan } from './assign-label-rows.js';

/** A labelled vertical line at `x`, in the x scale's units (a category index or a day number). */
export interface VerticalMarker {
  x: number;
  label: string;
}

export const markerRowHeight = fontSize.body + 6;
const labelPadding = 4;

/**
 * Where each marker's label goes: left-aligned just right of its line, or ending just left of it
 * when it would run off the right edge; then stacked into rows so no two labels overlap.
 */
export function layoutMarkerLabels(
  xs: number[],
  widths: number[],
  right: number,
): { start: number; row: number }[] {
  const spans: (LabelSpan & { index: number })[] = xs.map((x, index) => {
    const width = widths[index] + 2 * labelPadding;
    const start = x + width > right ? Math.max(0, x - width) : x;
    return { start, end: start + width, index };
  });
  spans.sort((a, b) => a.start - b.start);
  const rows = assignLabelRows(spans);
  const placed: { start: number; row: number }[] = new Array(xs.length);
  spans.forEach((span, i) => {
    placed[span.index] = { start: span.start, row: rows[i] };
  });
  return placed;
}

/**
 * Draws tests of change (or "today") as dashed vertical lines with a label in the band above the
 * plot area. The chart config must leave `rows × markerRowHeight` px of room above the plot
 * (see `markerBandHeight`); a label that would need more rows shares the last one.
 * chartjs-plugin-annotation is not a dependency, and this is all we need of it.
 */
export function createVerticalMarkersPlugin(
  markers: VerticalMarker[],
  rows: number,
  color: string = neutral.text,
): Plugin {
  return {
    id: 'verticalMarkers',
    afterDatasetsDraw(chart: Chart) {
      const { ctx, chartArea } = chart;
      const scale = chart.scales.x;
      if (!scale || markers.length === 0) return;
      ctx.save();
      ctx.font = canvasFont();
      const xs = markers.map((m) => scale.getPixelForValue(m.x));
      const widths = markers.map((m) => ctx.measureText(m.label).width);
      const placed = layoutMarkerLabels(xs, widths, chart.width);
      const tops = placed.map(
        (p) => chartArea.top - (rows - Math.min(p.row, Math.max(rows - 1, 0))) * markerRowHeight,
      );
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([4, 3]);
      xs.forEach((x, i) => {
        ctx.beginPath();
        ctx.moveTo(x, tops[i]);
        ctx.lineTo(x, chartArea.bottom);
        ctx.stroke();
      });
      // Labels after all lines, on white, so a later marker's line never runs through a label.
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      markers.forEach((marker, i) => {
        ctx.fillStyle = neutral.background;
        ctx.fillRect(
          placed[i].start + 1.5,
          tops[i],
          widths[i] + 2 * labelPadding - 3,
          markerRowHeight - 2,
        );
        ctx.fillStyle = color;
        ctx.fillText(marker.label, placed[i].start + labelPadding, tops[i] + markerRowHeight / 2);
      });
      ctx.restore();
    },
  };
}

/** Room above the plot area for `rows` rows of marker labels. */
export function markerBandHeight(rows: number): number {
  return rows * markerRowHeight;
}

/**
 * How many label rows the markers will need, worked out before Chart.js lays the chart out (the
 * config must reserve the band up front). `fractions` place each marker across the plot, 0 to 1;
 * the plot is assumed to span the chart minus a y axis, which errs towards an extra row.
 */
export function estimateMarkerRows(
  fractions: number[],
  labels: string[],
  chartWidth: number,
): number {
  if (labels.length === 0) return 0;
  const plotLeft = 60;
  const plotWidth = chartWidth - plotLeft - 10;
  const xs = fractions.map((f) => plotLeft + f * plotWidth);
  const widths = labels.map((label) => measureText(label) + 8);
  const placed = layoutMarkerLabels(xs, widths, chartWidth);
  return Math.max(...placed.map((p) => p.row)) + 1;
}
