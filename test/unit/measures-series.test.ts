import { describe, expect, it } from 'vitest';
import { customMeasureSeries } from '../../src/domain/measures/custom-measure-series.js';
import { intervalMeasure } from '../../src/domain/measures/interval-measure.js';
import { DEFAULT_INTERVAL_MEASURES } from '../../src/domain/measures/interval-measure-catalogue.js';
import { measureRunChartInput } from '../../src/domain/measures/measure-run-chart-input.js';
import { analyseRunChart } from '../../src/domain/runchart/analyse-run-chart.js';
import { ValidationError } from '../../src/errors.js';
import { FROM, SEED, TO } from './measures-seed.js';

describe('custom measure series', () => {
  it('orders monthly values and fills months nobody entered with null', () => {
    const series = customMeasureSeries([
      { period: '2025-03', value: 40 },
      { period: '2025-01', value: 25 },
      { period: '2024-12', value: 20 },
    ]);
    expect(series).toEqual([
      { period: '2024-12', value: 20 },
      { period: '2025-01', value: 25 },
      { period: '2025-02', value: null },
      { period: '2025-03', value: 40 },
    ]);
  });

  it('leaves dated values as entered, in date order', () => {
    const series = customMeasureSeries([
      { period: '2025-03-14', value: 3 },
      { period: '2025-03-07', value: 5 },
    ]);
    expect(series).toEqual([
      { period: '2025-03-07', value: 5 },
      { period: '2025-03-14', value: 3 },
    ]);
  });

  it('refuses mixed granularity, repeated periods and impossible periods', () => {
    const refuse = (values: { period: string; value: number }[], message: string) =>
      expect(() => customMeasureSeries(values)).toThrow(message);
    refuse(
      [
        { period: '2025-03', value: 1 },
        { period: '2025-03-07', value: 2 },
      ],
      'either monthly values (YYYY-MM) or dated values (YYYY-MM-DD), not both',
    );
    refuse(
      [
        { period: '2025-03', value: 1 },
        { period: '2025-03', value: 2 },
      ],
      'There are two values for 2025-03; keep one.',
    );
    refuse([{ period: '2025-13', value: 1 }], '[0].period: is not a real month or date');
    expect(() => customMeasureSeries([{ period: 'March', value: 1 }])).toThrow(ValidationError);
  });
});

describe('measure series to run-chart input', () => {
  const monthly = customMeasureSeries(
    Array.from({ length: 6 }, (_, i) => ({ period: `2025-0${i + 1}`, value: i * 10 })),
  );

  it('carries values, freeze, phase starts and excluded periods across', () => {
    const input = measureRunChartInput(monthly, {
      freeze: 3,
      phaseStarts: [4, 2],
      excluded: ['2025-02', '2024-01'],
    });
    expect(input).toEqual({
      values: [0, 10, 20, 30, 40, 50],
      freeze: 3,
      parts: [2, 4],
      exclude: [2],
    });
  });

  it('drops settings that no longer fit the series shown', () => {
    const input = measureRunChartInput(monthly, { freeze: 12, phaseStarts: [0, 6, 9] });
    expect(input).toEqual({ values: [0, 10, 20, 30, 40, 50], freeze: 6 });
  });

  it('excludes a per-child point by case reference', () => {
    const { perChild } = intervalMeasure(SEED, { from: FROM, to: TO });
    const input = measureRunChartInput(perChild, { excluded: ['C1003'] });
    expect(input).toEqual({ values: [8, 10, 15.6, 14, 1.4], exclude: [3] });
    const analysis = analyseRunChart(input);
    expect(analysis.phases[0]).toMatchObject({ median: 9, nUseful: 4, enoughData: false });
  });
});

describe('default interval measures', () => {
  it('covers the four stage aims plus the first LAC review, all in weeks and better when lower', () => {
    expect(DEFAULT_INTERVAL_MEASURES.map((m) => [m.from, m.to])).toEqual([
      ['accommodated', 'permanence_recommendation'],
      ['permanence_recommendation', 'permanence_panel'],
      ['permanence_panel', 'adm_decision'],
      ['adm_decision', 'application_lodged'],
      ['accommodated', 'first_lac_review'],
      ['cso_at_home', 'cso_review'],
    ]);
    expect(new Set(DEFAULT_INTERVAL_MEASURES.map((m) => m.id)).size).toBe(6);
    for (const measure of DEFAULT_INTERVAL_MEASURES) {
      expect(measure).toMatchObject({ unit: 'weeks', betterDirection: 'down' });
      expect(measure.name.length).toBeGreaterThan(0);
    }
  });
});
