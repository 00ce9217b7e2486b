import type { LegendItem } from 'chart.js';
import { fontSize } from './palette.js';

/**
 * Title, legend and tooltip settings shared by every chart: a bold title, a point-style legend at
 * the bottom (so the band above the plot is free for marker labels) and no tooltips (a PNG has
 * no hover). `bandHeight` is the extra room reserved under the title.
 */
export function commonPluginOptions(title: string, bandHeight = 0) {
  return {
    title: {
      display: true,
      text: title,
      font: { size: fontSize.title, weight: 'bold' as const },
      padding: { top: 4, bottom: 10 + bandHeight },
    },
    legend: {
      position: 'bottom' as const,
      labels: {
        usePointStyle: true,
        pointStyleWidth: 22,
        padding: 14,
        font: { size: fontSize.body },
        // Several datasets may share a label (one median line per phase); list each label once.
        filter: (item: LegendItem, data: { datasets: { label?: string }[] }) =>
          item.text !== '' && data.datasets.findIndex((d) => d.label === item.text) === item.datasetIndex,
      },
    },
    tooltip: { enabled: false },
  };
}
