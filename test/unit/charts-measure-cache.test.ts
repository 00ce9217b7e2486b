import { createCanvas, CanvasRenderingContext2D as NodeCanvasContext } from 'canvas';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRunChartConfig } from '../../src/charts/build-run-chart-config.js';
import { runChartShiftExample } from '../../src/charts/examples.js';
import { keepTextMeasurements } from '../../src/charts/measure-cache.js';
import { canvasFont } from '../../src/charts/palette.js';
import { renderPng } from '../../src/charts/render-png.js';

const metricsOf = (m: object) => JSON.parse(JSON.stringify({ ...m })) as Record<string, number>;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('text measurements kept across charts', () => {
  it('are the measurements a fresh context makes, whatever the font, alignment, baseline and scale', () => {
    // One setting changed at a time, each measured right after the one before it: a key that left
    // that setting out would answer with the earlier measurement.
    const cases: [font: string, align: CanvasTextAlign, baseline: CanvasTextBaseline, scale: number][] = [
      [canvasFont(), 'left', 'alphabetic', 1.7],
      [canvasFont(18, 'bold'), 'left', 'alphabetic', 1.7],
      [canvasFont(), 'left', 'alphabetic', 1.7],
      [canvasFont(), 'center', 'alphabetic', 1.7],
      [canvasFont(), 'right', 'alphabetic', 1.7],
      [canvasFont(), 'right', 'top', 1.7],
      [canvasFont(), 'right', 'middle', 1.7],
      [canvasFont(), 'right', 'middle', 1],
      [canvasFont(), 'right', 'middle', 2],
    ];
    const kept = keepTextMeasurements(createCanvas(600, 400).getContext('2d'));
    for (const round of [1, 2]) {
      for (const text of ['Sept 26', 'Median 14.5', '% within 2 weeks', '']) {
        for (const [font, align, baseline, scale] of cases) {
          const fresh = createCanvas(600, 400).getContext('2d');
          for (const ctx of [kept, fresh]) {
            ctx.setTransform(scale, 0, 0, scale, 0, 0);
            Object.assign(ctx, { font, textAlign: align, textBaseline: baseline });
          }
          expect(metricsOf(kept.measureText(text)), `${text} ${font} ${align} ${baseline} ×${scale}, round ${round}`).toEqual(
            metricsOf(fresh.measureText(text)),
          );
        }
      }
    }
  });

  it('are not measured again when a second chart shows the same text', async () => {
    const config = () => buildRunChartConfig(runChartShiftExample);
    await renderPng(config());
    const measured = vi.spyOn(NodeCanvasContext.prototype, 'measureText');
    const { png } = await renderPng(config());
    expect(png.length).toBeGreaterThan(1000);
    expect(measured).not.toHaveBeenCalled();
  });
});
