import { describe, expect, it } from 'vitest';
import { runChartPhasesExample, runChartShiftExample } from '../../src/charts/examples.js';
import { analyseRunChart, signalPoints } from '../../src/domain/runchart/index.js';

// The example charts in docs/charts/ teach what a signal looks like, so their hand-worked
// medians and signal points must agree with the run-chart analysis the bot really uses.
describe('chart examples agree with the run-chart analysis', () => {
  it('shift example: baseline median of the first 30 and the IHI shift points', () => {
    const values = runChartShiftExample.values;
    const analysis = analyseRunChart({ values, freeze: 30 });
    expect(analysis.phases[0].median).toBeCloseTo(runChartShiftExample.phases![0].median, 10);
    expect(signalPoints(analysis, 'ihi')).toEqual(runChartShiftExample.signalPoints);
    expect(analysis.phases[0].shift).toBe(true);
    expect([analysis.phases[0].trend, analysis.phases[0].tooFewRuns]).toEqual([false, false]);
  });

  it('phases example: each phase median and no Anhøj signal', () => {
    const analysis = analyseRunChart({
      values: runChartPhasesExample.values,
      parts: [12],
      exclude: runChartPhasesExample.excludedPoints!.map((i) => i + 1),
    });
    expect(analysis.phases.map((p) => p.median)).toEqual(
      runChartPhasesExample.phases!.map((p) => p.median),
    );
    expect(analysis.phases.map((p) => p.anhoejSignal)).toEqual([false, false]);
    expect(signalPoints(analysis, 'anhoej')).toEqual([]);
  });
});
