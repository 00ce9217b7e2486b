import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import { Canvas } from 'canvas';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { type ChartSize, defaultChartSize } from './chart-size.js';
import { fontFamily, fontSize, neutral } from './palette.js';
import { glyphTextPlugin } from './glyph-text.js';
import { keepTextMeasurements } from './measure-cache.js';

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

/**
 * Paints the background before anything else is drawn. chartjs-node-canvas's own background
 * plugin paints it *behind* what is there ('destination-over'), which does nothing on a surface
 * without alpha; painted first and over, it gives the same pixels on either surface.
 */
const opaqueBackground: Plugin = {
  id: 'pacebot-opaque-background',
  beforeDraw(chart: Chart) {
    const { ctx } = chart;
    ctx.save();
    // Transparent PNGs look broken in dark-mode chat clients.
    ctx.fillStyle = neutral.background;
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/**
 * No row filter, zlib level 3. libpng's default tries every filter on every row and compresses at
 * level 6: about 19 ms a chart, most of a digest's CPU. Charts are flat colour, which deflate
 * compresses well unfiltered: this costs about 3.5 ms a chart and the PNGs come out a little
 * smaller (a 1,000-case digest's 12 charts: 934 KB → 904 KB; bench/RESULTS.md).
 */
const PNG_OPTIONS = { compressionLevel: 3, filters: Canvas.PNG_FILTER_NONE } as const;

/**
 * Draws charts on an RGB surface and encodes them as RGB PNGs. The charts are opaque, so an alpha
 * channel carried nothing: without it the PNG is about a tenth smaller, and the meeting pack can
 * put it into the PDF as it is, instead of decoding and redrawing every chart once more
 * (opaque-png.ts). The pixels are those of the RGBA rendering (test/unit/charts-rgb-render.test.ts).
 */
class OpaqueChartRenderer extends ChartJSNodeCanvas {
  renderOpaquePng(config: ChartConfiguration): Promise<Buffer> {
    // As chartjs-node-canvas's renderToBuffer does, but the context is created as RGB24 first
    // (a canvas keeps the pixel format of its first context, which chart.js then reuses).
    const canvas = this._createCanvas(this._width, this._height);
    (canvas as unknown as { style: object }).style = {};
    const context = keepTextMeasurements(canvas.getContext('2d', { pixelFormat: 'RGB24' }));
    const options = { ...config.options, responsive: false, animation: false as const };
    const global = globalThis as { Image?: unknown };
    global.Image = this._image; // some chart.js plugins use the browser's Image
    let chart: Chart;
    try {
      chart = new this._chartJs(context as unknown as CanvasRenderingContext2D, { ...config, options });
    } finally {
      delete global.Image;
    }
    return new Promise((resolve, reject) => {
      // The callback form encodes on libuv's thread pool, off this thread's event loop.
      canvas.toBuffer((error, png) => {
        chart.destroy();
        if (error) reject(error);
        else resolve(png);
      }, 'image/png', PNG_OPTIONS);
    });
  }
}

// Constructing a renderer loads a fresh copy of canvas and chart.js (~100 ms), so keep one per
// logical size for the life of the process. Each render creates its own canvas, which makes
// concurrent renders on one instance safe.
const renderers = new Map<string, OpaqueChartRenderer>();

function rendererFor(width: number, height: number): OpaqueChartRenderer {
  const key = `${width}x${height}`;
  let renderer = renderers.get(key);
  if (!renderer) {
    renderer = new OpaqueChartRenderer({
      width,
      height,
      chartCallback: (chartJs) => {
        chartJs.defaults.font.family = fontFamily;
        chartJs.defaults.font.size = fontSize.body;
        chartJs.defaults.color = neutral.text;
        chartJs.defaults.borderColor = neutral.grid;
        chartJs.register(opaqueBackground, glyphTextPlugin);
      },
    });
    renderers.set(key, renderer);
  }
  return renderer;
}

/** Renders a Chart.js configuration to an opaque (RGB) PNG with a white background. */
export async function renderPng(
  config: ChartConfiguration,
  size: ChartSize = defaultChartSize,
): Promise<RenderedPng> {
  const renderer = rendererFor(size.width, size.height);
  // Options are copied, not mutated, so a caller's config can be rendered again.
  const png = await renderer.renderOpaquePng({
    ...config,
    options: { ...config.options, devicePixelRatio: size.pixelRatio },
  } as ChartConfiguration);
  return {
    png,
    width: Math.floor(size.width * size.pixelRatio),
    height: Math.floor(size.height * size.pixelRatio),
  };
}
