import { formatXLabel } from './format-x-label.js';
import type { ParsedWaitingChartSpec } from './waiting-chart-spec.js';

function children(count: number): string {
  return count === 1 ? '1 child' : `${count} children`;
}

/** Alt text for the waiting chart: the date, then each stage's total and its count per bucket. */
export function describeWaitingChart(spec: ParsedWaitingChartSpec): string {
  const stages = spec.stages.map((stage) => {
    const total = stage.counts.reduce((sum, count) => sum + count, 0);
    const buckets = spec.buckets.map((bucket, i) => `${stage.counts[i]} waiting ${bucket}`);
    return `${stage.name}: ${children(total)} waiting (${buckets.join(', ')}).`;
  });
  return [
    `Bar chart of children still waiting, by stage and time waited, as of ${formatXLabel(spec.asOf, 'long')}.`,
    ...stages,
  ].join(' ');
}
