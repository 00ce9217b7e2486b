import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { defaultChartSize } from '../../src/charts/chart-size.js';
import { journeyExample, runChartPhasesExample, runChartShiftExample, waitingChartExample } from '../../src/charts/examples.js';
import { iChartExample, pChartExample } from '../../src/charts/control-chart-examples.js';
import { renderControlChart } from '../../src/charts/render-control-chart.js';
import { renderJourneyTimeline } from '../../src/charts/render-journey-timeline.js';
import { renderRunChart } from '../../src/charts/render-run-chart.js';
import { renderWaitingChart } from '../../src/charts/render-waiting-chart.js';

// Charts are read on phones: at a 360-px-wide display no text may be under 9 px, i.e. every font
// at least 2.5 % of the image's width. The canvas records every font the chart sets while drawing.
const require = createRequire(import.meta.url);
const { CanvasRenderingContext2D } = require('canvas') as { CanvasRenderingContext2D: { prototype: object } };

function recordFonts(): { sizes: number[]; stop: () => void } {
  const descriptor = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, 'font')!;
  const sizes: number[] = [];
  Object.defineProperty(CanvasRenderingContext2D.prototype, 'font', {
    ...descriptor,
    set(this: unknown, value: string) {
      const px = /(\d+(?:\.\d+)?)px/.exec(value);
      if (px) sizes.push(Number(px[1]));
      descriptor.set!.call(this, value);
    },
  });
  return { sizes, stop: () => Object.defineProperty(CanvasRenderingContext2D.prototype, 'font', descriptor) };
}

const MIN_SHARE = 0.025;

describe('chart text is readable on a phone', () => {
  it.each([
    ['run chart with a shift', () => renderRunChart(runChartShiftExample)],
    ['run chart with phases', () => renderRunChart(runChartPhasesExample)],
    ['waiting chart', () => renderWaitingChart(waitingChartExample)],
    ['I chart with a baseline and a point outside the limits', () => renderControlChart(iChartExample)],
    ['P chart with stepped limits and phases', () => renderControlChart(pChartExample)],
    ['journey timeline', () => renderJourneyTimeline(journeyExample)],
  ])('%s: every font is at least 2.5 percent of the image width', async (_name, render) => {
    const fonts = recordFonts();
    try {
      await render();
    } finally {
      fonts.stop();
    }
    expect(fonts.sizes.length).toBeGreaterThan(0);
    // Sizes are logical px: the image is the logical width times the pixel ratio, and so is the text.
    const smallest = Math.min(...fonts.sizes);
    expect(smallest / defaultChartSize.width).toBeGreaterThanOrEqual(MIN_SHARE);
  });
});
