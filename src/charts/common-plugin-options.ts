import type { Chart, LegendItem, PointStyle } from 'chart.js';
import { defaultChartSize } from './chart-size.js';
import { canvasFont, fontSize } from './palette.js';
import { wrapText } from './wrap-text.js';

/** The dataset fields the legend copies; Chart.js types them per chart type, we read them loosely. */
interface LegendStyle {
  label?: string;
  backgroundColor?: unknown;
  borderColor?: unknown;
  borderWidth?: unknown;
  borderDash?: number[];
  pointStyle?: unknown;
}

/**
 * One legend entry per distinct dataset label, in dataset order. Chart.js's own entries drop a
 * line's dash when point styles are on (so "extended median" would look solid) and follow draw
 * order; ours keep the dash, shortened to show within the small legend symbol.
 */
function legendItems(chart: Chart): LegendItem[] {
  const seen = new Set<string>();
  return chart.data.datasets.flatMap((dataset, datasetIndex) => {
    const style = dataset as LegendStyle;
    const text = style.label ?? '';
    if (text === '' || seen.has(text)) return [];
    seen.add(text);
    return [
      {
        text,
        datasetIndex,
        fillStyle: style.backgroundColor as string,
        strokeStyle: style.borderColor as string,
        lineWidth: typeof style.borderWidth === 'number' ? style.borderWidth : 0,
        lineDash: style.borderDash?.map((d) => Math.max(2, Math.round(d * 0.6))) ?? [],
        pointStyle:
          typeof style.pointStyle === 'string' ? (style.pointStyle as PointStyle) : 'circle',
        hidden: false,
      },
    ];
  });
}

/** Options every chart shares: a fixed-size, unanimated canvas with a little breathing room. */
export const staticChartOptions = {
  responsive: false,
  animation: false as const,
  layout: { padding: { left: 4, right: 14, top: 4, bottom: 2 } },
};

/**
 * Title, legend and tooltip settings shared by every chart: a bold title, a legend at the bottom
 * (so the band above the plot is free for marker labels) and no tooltips (a PNG has no hover).
 * `bandHeight` is the extra room reserved under the title.
 */
export function commonPluginOptions(title: string, bandHeight = 0) {
  return {
    title: {
      display: true,
      text: wrapText(title, defaultChartSize.width - 30, canvasFont(fontSize.title, 'bold')),
      font: { size: fontSize.title, weight: 'bold' as const },
      padding: { top: 4, bottom: 10 + bandHeight },
    },
    legend: {
      position: 'bottom' as const,
      labels: {
        usePointStyle: true,
        boxHeight: 10,
        padding: 14,
        font: { size: fontSize.body },
        generateLabels: legendItems,
      },
    },
    tooltip: { enabled: false },
  };
}
