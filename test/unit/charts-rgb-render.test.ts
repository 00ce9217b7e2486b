import type { ChartConfiguration } from 'chart.js';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { describe, expect, it } from 'vitest';
import { buildControlChartConfig } from '../../src/charts/build-control-chart-config.js';
import { buildJourneyConfig } from '../../src/charts/build-journey-config.js';
import { buildRunChartConfig } from '../../src/charts/build-run-chart-config.js';
import { buildWaitingChartConfig } from '../../src/charts/build-waiting-chart-config.js';
import { defaultChartSize } from '../../src/charts/chart-size.js';
import { glyphTextPlugin } from '../../src/charts/glyph-text.js';
import { iChartExample } from '../../src/charts/control-chart-examples.js';
import { journeyExample, runChartShiftExample, waitingChartExample } from '../../src/charts/examples.js';
import { fontFamily, fontSize, neutral } from '../../src/charts/palette.js';
import { renderPng } from '../../src/charts/render-png.js';
import { decodePng, readPngHeader } from './charts-png-helpers.js';

const colourType = (png: Buffer) => png[25];

/**
 * How chart PNGs were drawn before (issue 15): RGBA, white painted behind by chartjs-node-canvas;
 * text drawn as glyphs, as now, so that only the pixel format differs.
 */
const rgba = new ChartJSNodeCanvas({
  width: defaultChartSize.width,
  height: defaultChartSize.height,
  backgroundColour: neutral.background,
  chartCallback: (chartJs) => {
    chartJs.defaults.font.family = fontFamily;
    chartJs.defaults.font.size = fontSize.body;
    chartJs.defaults.color = neutral.text;
    chartJs.defaults.borderColor = neutral.grid;
    chartJs.register(glyphTextPlugin);
  },
});

function renderRgba(config: ChartConfiguration): Promise<Buffer> {
  return rgba.renderToBuffer({ ...config, options: { ...config.options, devicePixelRatio: defaultChartSize.pixelRatio } });
}

const kinds: [string, () => ChartConfiguration][] = [
  ['run chart', () => buildRunChartConfig(runChartShiftExample)],
  ['control chart', () => buildControlChartConfig(iChartExample)],
  ['waiting chart', () => buildWaitingChartConfig(waitingChartExample) as ChartConfiguration],
  ['journey timeline', () => buildJourneyConfig(journeyExample) as ChartConfiguration],
];

describe('charts drawn straight to RGB', () => {
  it.each(kinds)('a %s is an RGB PNG with exactly the pixels of the RGBA rendering on white', async (_kind, config) => {
    const { png, width, height } = await renderPng(config());
    expect(colourType(png)).toBe(2);
    expect(readPngHeader(png)).toMatchObject({ signatureOk: true, width, height });
    const before = await renderRgba(config());
    expect(colourType(before)).toBe(6);
    const [now, then] = [await decodePng(png), await decodePng(before)];
    expect(now.data.length).toBe(then.data.length);
    let differing = 0;
    for (let i = 0; i < now.data.length; i++) if (now.data[i] !== then.data[i]) differing++;
    expect(differing).toBe(0);
  });
});
