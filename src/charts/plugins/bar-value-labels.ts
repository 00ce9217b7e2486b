import type { Chart, Plugin } from 'chart.js';
import { canvasFont, neutral } from '../palette.js';

/**
 * Writes each bar's count on it: above the bar when bars stand side by side, inside the segment
 * when they are stacked (then in `insideColors[datasetIndex]`, chosen for contrast with the fill).
 * Zero counts are written too, so "none waiting" is visible rather than a missing bar. Stacked bars
 * also get their total above the stack.
 */
export function createBarValueLabelsPlugin(stacked: boolean, insideColors: string[] = []): Plugin {
  return {
    id: 'barValueLabels',
    afterDatasetsDraw(chart: Chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = canvasFont(undefined, 'bold');
      ctx.textAlign = 'center';
      const stackTops = new Map<number, { x: number; y: number; total: number }>();
      chart.data.datasets.forEach((dataset, datasetIndex) => {
        const meta = chart.getDatasetMeta(datasetIndex);
        if (meta.hidden) return;
        meta.data.forEach((bar, index) => {
          const value = dataset.data[index];
          if (typeof value !== 'number') return;
          const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as {
            x: number;
            y: number;
            base: number;
          };
          if (stacked) {
            const top = stackTops.get(index) ?? { x, y, total: 0 };
            stackTops.set(index, { x, y: Math.min(top.y, y), total: top.total + value });
            // A segment too thin to hold the number stays unlabelled; the alt text has every count.
            if (value === 0 || Math.abs(base - y) < 14) return;
            ctx.textBaseline = 'middle';
            ctx.fillStyle = insideColors[datasetIndex] ?? neutral.text;
            ctx.fillText(String(value), x, (y + base) / 2);
          } else {
            ctx.textBaseline = 'bottom';
            ctx.fillStyle = neutral.text;
            ctx.fillText(String(value), x, y - 2);
          }
        });
      });
      ctx.textBaseline = 'bottom';
      ctx.fillStyle = neutral.text;
      for (const top of stackTops.values()) ctx.fillText(`Total ${top.total}`, top.x, top.y - 2);
      ctx.restore();
    },
  };
}
