import type { Chart, Plugin } from 'chart.js';
import { canvasFont, neutral } from '../palette.js';

/** Text pinned to a data position (x and y in scale units), e.g. "Median 40" at a line's end. */
export interface PointLabel {
  x: number;
  y: number;
  text: string;
  color?: string;
  /** Which side of the anchor the text sits: 'left' means the text ends at the anchor. */
  align?: 'left' | 'right' | 'center';
  /** Whether the text sits above or below the anchor, clear of a marker of `offset` px. */
  position?: 'above' | 'below' | 'middle';
  offset?: number;
  bold?: boolean;
}

/**
 * Draws short labels at data positions with a white halo, so they stay legible where they cross
 * grid lines or the series. Labels are kept inside the canvas horizontally.
 */
export function createPointLabelsPlugin(labels: PointLabel[]): Plugin {
  return {
    id: 'pointLabels',
    afterDatasetsDraw(chart: Chart) {
      const { ctx } = chart;
      const xScale = chart.scales.x;
      const yScale = chart.scales.y;
      if (!xScale || !yScale) return;
      ctx.save();
      for (const label of labels) {
        ctx.font = canvasFont(undefined, label.bold ? 'bold' : 'normal');
        const width = ctx.measureText(label.text).width;
        const offset = label.offset ?? 4;
        let x = xScale.getPixelForValue(label.x);
        const y = yScale.getPixelForValue(label.y);
        const align = label.align ?? 'center';
        let left = align === 'left' ? x - width - offset : align === 'right' ? x + offset : x - width / 2;
        left = Math.min(Math.max(left, 2), chart.width - width - 2);
        x = left;
        const position = label.position ?? 'above';
        ctx.textBaseline = position === 'above' ? 'bottom' : position === 'below' ? 'top' : 'middle';
        const textY = position === 'above' ? y - offset : position === 'below' ? y + offset : y;
        ctx.textAlign = 'left';
        ctx.lineJoin = 'round';
        ctx.lineWidth = 4;
        ctx.strokeStyle = neutral.background;
        ctx.strokeText(label.text, x, textY);
        ctx.fillStyle = label.color ?? neutral.text;
        ctx.fillText(label.text, x, textY);
      }
      ctx.restore();
    },
  };
}
