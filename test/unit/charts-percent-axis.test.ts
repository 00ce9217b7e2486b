import { describe, expect, it } from 'vitest';
import { seriesChartConfig, type SeriesChartParts } from '../../src/charts/series-chart-config.js';

const parts = (unit: string, values: number[]): SeriesChartParts => ({
  title: 'Seen within 10 days',
  unit,
  labels: values.map((_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
  annotations: [],
  datasets: [{ label: 'points', data: values }, { label: 'upper limit', data: values.map(() => 100) }],
  lineLabels: [],
  annotationColour: '#000',
  beginAtZero: true,
});

const yAxis = (p: SeriesChartParts) => seriesChartConfig(p).options?.scales?.y as Record<string, unknown>;

/** A share cannot pass 100 %: the axis stops just above it instead of at 120. */
describe('the y axis of a percentage chart', () => {
  it('ends at 105 with 100 as its top tick when every value is a share', () => {
    expect(yAxis(parts('%', [85, 90, 100, 40]))).toMatchObject({ max: 105, ticks: { includeBounds: false } });
  });

  it('is left to Chart.js for other units, and for % data above 100', () => {
    expect(yAxis(parts('weeks', [85, 90]))).not.toHaveProperty('max');
    expect(yAxis(parts('%', [85, 130]))).not.toHaveProperty('max');
  });
});
