import { describe, expect, it } from 'vitest';
import { runChartPhasesExample, runChartShiftExample } from '../../src/charts/examples.js';
import { renderRunChart } from '../../src/charts/render-run-chart.js';
import { runChartColours } from '../../src/charts/run-chart-datasets.js';
import {
  countColour,
  decodePng,
  luminanceVariance,
  pixelAt,
  readPngHeader,
} from './charts-png-helpers.js';

describe('renderRunChart: the PNG', () => {
  it('is a 1020×680 PNG (600×400 at 1.7×), inside the Teams 1024 px limit, well under the chat size limit', async () => {
    const chart = await renderRunChart(runChartShiftExample);
    const header = readPngHeader(chart.png);
    expect(header).toEqual({ signatureOk: true, chunk: 'IHDR', width: 1020, height: 680 });
    expect([chart.width, chart.height]).toEqual([1020, 680]);
    expect(chart.png.length).toBeLessThan(300 * 1024);
  });

  it('has an opaque white background and real content', async () => {
    const image = await decodePng((await renderRunChart(runChartShiftExample)).png);
    expect(pixelAt(image, 2, 2)).toEqual([255, 255, 255, 255]);
    expect(pixelAt(image, image.width - 3, image.height - 3)).toEqual([255, 255, 255, 255]);
    expect(luminanceVariance(image)).toBeGreaterThan(200);
  });

  it('draws the median and the signal points in their colours', async () => {
    const image = await decodePng((await renderRunChart(runChartShiftExample)).png);
    expect(countColour(image, runChartColours.median)).toBeGreaterThan(2000);
    expect(countColour(image, runChartColours.signal)).toBeGreaterThan(1000);
    expect(countColour(image, runChartColours.data)).toBeGreaterThan(2000);
  });

  it('has no signal colour when no point signals', async () => {
    const chart = await renderRunChart({ ...runChartShiftExample, signalPoints: [] });
    const image = await decodePng(chart.png);
    expect(countColour(image, runChartColours.signal)).toBe(0);
  });

  it('renders concurrent charts independently', async () => {
    const [a, b] = await Promise.all([
      renderRunChart(runChartShiftExample),
      renderRunChart(runChartPhasesExample),
    ]);
    expect(a.png.equals(b.png)).toBe(false);
    const again = await renderRunChart(runChartShiftExample);
    // Rendering is deterministic, so the committed example PNGs only change with the code.
    expect(again.png.equals(a.png)).toBe(true);
  });
});

describe('renderRunChart: alt text', () => {
  it('states the measure, the period, the median and the signals', async () => {
    const { alt } = await renderRunChart(runChartShiftExample);
    expect(alt).toContain('weeks per child');
    // Each child by reference and the date they reached the stage (the example may name children).
    expect(alt).toContain('C1000 (3 March 2025) to C1064 (17 February 2026)');
    expect(alt).toMatch(
      /Median 41\.4 weeks from the baseline C1000 \(3 March 2025\) to C1065 \(21 November 2025\), extended to C1064 \(17 February 2026\) \(IHI rules\)/,
    );
    expect(alt).toContain('a shift');
    expect(alt).toContain('Points marked as a signal: C1094 (28 November 2025) to C1064 (17 February 2026).');
    expect(alt).toContain('T-3 Legal advice before recommendation (from 28 November 2025)');
    expect(alt).toContain('Target 28 weeks');
  });

  it('spells out months, each phase median, the missing and the excluded points', async () => {
    const { alt } = await renderRunChart(runChartPhasesExample);
    expect(alt).toContain('April 2024 to March 2026: 23 points, 1 missing');
    expect(alt).toContain('41.2 weeks for April 2024 to March 2025');
    expect(alt).toContain('27.3 weeks for April 2025 to March 2026 (Anhøj rules)');
    expect(alt).toContain('Excluded from the median and rules: January 2025');
  });

  it('says no signal is marked when neither sentences nor signal points are given', async () => {
    const { alt } = await renderRunChart({
      ...runChartShiftExample,
      sentences: undefined,
      signalPoints: [],
    });
    expect(alt).toContain('No signal is marked under the IHI rules.');
  });
});
