import type { Chart, Plugin } from 'chart.js';
import { canvasFont, fontSize, neutral } from '../palette.js';
import { setTextDrawingMode } from '../glyph-text.js';

/** Where a label sits relative to a data position (x and y in scale units). */
export interface LabelPlacement {
  x: number;
  y: number;
  /** Which side of the anchor the text sits: 'left' means the text ends at the anchor. */
  align?: 'left' | 'right' | 'center';
  /** Whether the text sits above or below the anchor, or level with it. */
  position?: 'above' | 'below' | 'middle';
}

/** Text pinned to a data position, e.g. "Median 40" at a line's end. */
export interface PointLabel extends LabelPlacement {
  text: string;
  color?: string;
  /** Gap in px between the anchor and the text. */
  offset?: number;
  bold?: boolean;
  /** Other places to try, in order, when the first would cover a data point or another label. */
  alternatives?: LabelPlacement[];
  /**
   * Leave the label out rather than cover a point, a line or another label: for labels whose
   * words the legend carries too (the median's value), where a label on the data would hide it.
   */
  onlyWhereClear?: boolean;
}

/** A label as drawn, in canvas px: what the last draw put where, for checks of the layout. */
export interface PlacedLabel {
  text: string;
  box: Box;
}

export interface PointLabelsPlugin extends Plugin {
  placed: PlacedLabel[];
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The height a line of body text really takes (ascenders to descenders), so the box holds the glyphs. */
const textHeight = Math.ceil(fontSize.body * 1.25);

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

interface DrawnPoint {
  x: number;
  y: number;
  skip?: boolean;
  options?: { radius?: number };
}

/** Small boxes every few px along the segment from `a` to `b`, so a label avoids the line too. */
function segmentBoxes(a: DrawnPoint, b: DrawnPoint, halfWidth: number): Box[] {
  const steps = Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 4);
  return Array.from({ length: steps }, (_, i) => {
    const x = a.x + ((b.x - a.x) * i) / steps;
    const y = a.y + ((b.y - a.y) * i) / steps;
    return { left: x - halfWidth, top: y - halfWidth, right: x + halfWidth, bottom: y + halfWidth };
  });
}

/**
 * Pixel boxes of what the datasets drew: every point with a radius, and the joins of each
 * visible line between consecutive present points (straight joins: good enough for stepped ones).
 */
function drawnBoxes(chart: Chart): Box[] {
  const boxes: Box[] = [];
  chart.data.datasets.forEach((dataset, datasetIndex) => {
    const meta = chart.getDatasetMeta(datasetIndex);
    if (meta.hidden) return;
    const showLine =
      (dataset as { showLine?: boolean }).showLine !== false && meta.dataset !== undefined;
    const drawn = meta.data as unknown as DrawnPoint[];
    const present = (p: DrawnPoint | undefined): p is DrawnPoint =>
      p !== undefined && !p.skip && Number.isFinite(p.x) && Number.isFinite(p.y);
    drawn.forEach((point, i) => {
      if (!present(point)) return;
      const r = (point.options?.radius ?? 0) + 2;
      if (r > 2)
        boxes.push({
          left: point.x - r,
          top: point.y - r,
          right: point.x + r,
          bottom: point.y + r,
        });
      const next = drawn[i + 1];
      if (showLine && present(next)) boxes.push(...segmentBoxes(point, next, 2));
    });
  });
  return boxes;
}

/**
 * The first box that covers nothing, or else the one covering least: another label counts far
 * more than a stretch of line, since two labels on top of each other cannot be read at all.
 */
function leastCovering(boxes: Box[], drawn: Box[], placed: Box[]): { box: Box; clear: boolean } {
  let best = boxes[0];
  let bestScore = Infinity;
  for (const box of boxes) {
    const score =
      drawn.filter((d) => overlaps(box, d)).length +
      100 * placed.filter((p) => overlaps(box, p)).length;
    if (score === 0) return { box, clear: true };
    if (score < bestScore) [best, bestScore] = [box, score];
  }
  return { box: best, clear: false };
}

/**
 * Draws short labels at data positions with a white halo, so they stay legible where they cross
 * grid lines or a series. Each label takes the first of its placements that covers no point, line
 * or earlier label, or else the one that covers least (or none, for `onlyWhereClear` labels);
 * labels stay inside the canvas horizontally.
 */
export function createPointLabelsPlugin(labels: PointLabel[]): PointLabelsPlugin {
  const plugin: PointLabelsPlugin = {
    id: 'pointLabels',
    placed: [],
    afterDatasetsDraw(chart: Chart) {
      plugin.placed = [];
      const { ctx } = chart;
      const xScale = chart.scales.x;
      const yScale = chart.scales.y;
      if (!xScale || !yScale) return;
      const drawn = drawnBoxes(chart);
      const placed: Box[] = [];
      ctx.save();
      for (const label of labels) {
        ctx.font = canvasFont(undefined, label.bold ? 'bold' : 'normal');
        const width = ctx.measureText(label.text).width;
        const offset = label.offset ?? 4;
        const boxOf = (placement: LabelPlacement): Box => {
          const x = xScale.getPixelForValue(placement.x);
          const y = yScale.getPixelForValue(placement.y);
          const align = placement.align ?? 'center';
          const rawLeft =
            align === 'left' ? x - width - offset : align === 'right' ? x + offset : x - width / 2;
          const left = Math.min(Math.max(rawLeft, 2), chart.width - width - 2);
          const position = placement.position ?? 'above';
          const top =
            position === 'above'
              ? y - offset - textHeight
              : position === 'below'
                ? y + offset
                : y - textHeight / 2;
          return { left, top, right: left + width, bottom: top + textHeight };
        };
        const boxes = [label, ...(label.alternatives ?? [])].map(boxOf);
        const { box, clear } = leastCovering(boxes, drawn, placed);
        if (!clear && label.onlyWhereClear) continue;
        placed.push(box);
        plugin.placed.push({ text: label.text, box });
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        ctx.lineJoin = 'round';
        ctx.lineWidth = 4;
        ctx.strokeStyle = neutral.background;
        const middle = (box.top + box.bottom) / 2;
        // The halo is a stroke, which glyph drawing (render-png.ts) cannot do: drawn as a path.
        ctx.save();
        setTextDrawingMode(ctx, 'path');
        ctx.strokeText(label.text, box.left, middle);
        ctx.restore();
        ctx.fillStyle = label.color ?? neutral.text;
        ctx.fillText(label.text, box.left, middle);
      }
      ctx.restore();
    },
  };
  return plugin;
}
