import type { ChartConfiguration } from 'chart.js';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { type ChartSize, defaultChartSize } from './chart-size.js';
import { fontFamily, fontSize, neutral } from './palette.js';

export interface RenderedPng {
  png: Buffer;
  /** Pixel size of the PNG (logical size × pixel ratio). */
  width: number;
  height: number;
}

/** A rendered chart with its alt text: what the chart shows, in words. */
export interface RenderedChart extends RenderedPng {
  alt: string;
}

// Constructing a ChartJSNodeCanvas loads a fresh copy of canvas and chart.js (~100 ms), so keep
// one per logical size for the life of the process. Each render creates its own canvas, which
// makes concurrent renders on one instance safe.
const renderers = new Map<string, ChartJSNodeCanvas>();

function rendererFor(width: number, height: number): ChartJSNodeCanvas {
  const key = `${width}x${height}`;
  let renderer = renderers.get(key);
  if (!renderer) {
    renderer = new ChartJSNodeCanvas({
      width,
      height,
      // Transparent PNGs look broken in dark-mode chat clients.
      backgroundColour: neutral.background,
      chartCallback: (chartJs) => {
        chartJs.defaults.font.family = fontFamily;
        chartJs.defaults.font.size = fontSize.body;
        chartJs.defaults.color = neutral.text;
        chartJs.defaults.borderColor = neutral.grid;
      },
    });
    renderers.set(key, renderer);
  }
  return renderer;
}

/** Renders a Chart.js configuration to a PNG with a white background. */
export async function renderPng(
  config: ChartConfiguration,
  size: ChartSize = defaultChartSize,
): Promise<RenderedPng> {
  const renderer = rendererFor(size.width, size.height);
  // chartjs-node-canvas mutates `options`; copy so a caller's config can be rendered again.
  const png = await renderer.renderToBuffer({
    ...config,
    options: { ...config.options, devicePixelRatio: size.pixelRatio },
  } as ChartConfiguration);
  return {
    png,
    width: Math.floor(size.width * size.pixelRatio),
    height: Math.floor(size.height * size.pixelRatio),
  };
}
