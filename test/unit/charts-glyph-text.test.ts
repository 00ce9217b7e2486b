import { CanvasRenderingContext2D as NodeCanvasContext } from 'canvas';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChartConfiguration } from 'chart.js';
import { buildControlChartConfig } from '../../src/charts/build-control-chart-config.js';
import { buildJourneyConfig } from '../../src/charts/build-journey-config.js';
import { buildRunChartConfig } from '../../src/charts/build-run-chart-config.js';
import { buildWaitingChartConfig } from '../../src/charts/build-waiting-chart-config.js';
import { iChartExample } from '../../src/charts/control-chart-examples.js';
import { journeyExample, runChartShiftExample, waitingChartExample } from '../../src/charts/examples.js';
import { renderPng } from '../../src/charts/render-png.js';

// The chart is really drawn (Chart.js on node-canvas). The canvas library's own drawing calls are
// watched, not replaced, to read how each piece of text was drawn.

type Mode = 'path' | 'glyph';
const proto = NodeCanvasContext.prototype as unknown as Record<'fillText' | 'strokeText', (...args: unknown[]) => void>;

function watchText(): { filled: Mode[]; stroked: Mode[] } {
  const seen = { filled: [] as Mode[], stroked: [] as Mode[] };
  for (const [method, into] of [['fillText', seen.filled], ['strokeText', seen.stroked]] as const) {
    const original = proto[method];
    vi.spyOn(proto, method).mockImplementation(function (this: { textDrawingMode: Mode }, ...args: unknown[]) {
      into.push(this.textDrawingMode);
      return original.apply(this, args);
    });
  }
  return seen;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('chart text', () => {
  it('is filled as glyphs, and a point label’s white halo is still stroked as a path', async () => {
    const seen = watchText();
    const { png } = await renderPng(buildRunChartConfig(runChartShiftExample));
    expect(png.length).toBeGreaterThan(1000);
    // Ticks, titles, legend and the labels at the median line and points.
    expect(seen.filled.length).toBeGreaterThan(10);
    expect(new Set(seen.filled)).toEqual(new Set(['glyph']));
    // In glyph mode strokeText only fills: the halo would be a white copy of the text, not a halo.
    expect(seen.stroked.length).toBeGreaterThan(0);
    expect(new Set(seen.stroked)).toEqual(new Set(['path']));
  });

  const others: [string, () => ChartConfiguration][] = [
    ['control chart', () => buildControlChartConfig(iChartExample)],
    ['waiting chart', () => buildWaitingChartConfig(waitingChartExample) as ChartConfiguration],
    ['journey timeline', () => buildJourneyConfig(journeyExample) as ChartConfiguration],
  ];
  it.each(others)('is filled as glyphs on a %s too', async (_kind, config) => {
    const seen = watchText();
    await renderPng(config());
    expect(seen.filled.length).toBeGreaterThan(5);
    expect(new Set(seen.filled)).toEqual(new Set(['glyph']));
    expect(seen.stroked.every((mode) => mode === 'path')).toBe(true);
  });
});
