import { createCanvas, loadImage } from 'canvas';
import { describe, expect, it } from 'vitest';
import { opaquePng } from '../../src/meeting-pack/opaque-png.js';
import { renderWaitingChart } from '../../src/charts/render-waiting-chart.js';
import { waitingChartExample } from '../../src/charts/examples.js';

const colourType = (png: Buffer) => png[25];

async function pixels(png: Buffer): Promise<Uint8ClampedArray> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, image.width, image.height).data;
}

/** An opaque picture saved with an alpha channel, as charts were before issue 15. */
function opaqueRgbaPng(): Buffer {
  const canvas = createCanvas(300, 200);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, 300, 200);
  context.strokeStyle = '#0072b2';
  context.lineWidth = 3;
  context.beginPath();
  context.moveTo(10, 190);
  context.lineTo(290, 15);
  context.stroke();
  context.fillStyle = '#333333';
  context.font = '16px sans-serif';
  context.fillText('Weeks to first review', 20, 30);
  return canvas.toBuffer('image/png');
}

describe('a chart for the pack', () => {
  it('loses only its alpha channel: RGB, same size, same pixels', async () => {
    const png = opaqueRgbaPng();
    expect(colourType(png)).toBe(6);
    const opaque = await opaquePng(png);
    expect(colourType(opaque)).toBe(2);
    const [before, after] = [await pixels(png), await pixels(opaque)];
    expect(after.length).toBe(before.length);
    let differing = 0;
    for (let i = 0; i < before.length; i++) if (Math.abs(before[i]! - after[i]!) > 1) differing++;
    expect(differing).toBe(0);
  });

  it('is left as it is when it has no alpha channel', async () => {
    const rgb = await opaquePng(opaqueRgbaPng());
    expect(await opaquePng(rgb)).toBe(rgb);
  });

  it('is a chart as drawn: charts are drawn as RGB PNGs, so the pack redraws none', async () => {
    const { png } = await renderWaitingChart(waitingChartExample);
    expect(colourType(png)).toBe(2);
    expect(await opaquePng(png)).toBe(png);
  });
});
