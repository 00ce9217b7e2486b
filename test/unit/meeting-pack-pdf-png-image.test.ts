import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { buildRunChartConfig } from '../../src/charts/build-run-chart-config.js';
import { runChartShiftExample } from '../../src/charts/examples.js';
import { renderPng } from '../../src/charts/render-png.js';
import { pdfPngImage } from '../../src/meeting-pack/pdf-png-image.js';

/** A one-page PDF with the image placed as the meeting pack places a chart; fixed date, so runs compare. */
function pdfWith(image: Parameters<PDFKit.PDFDocument['image']>[0]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', info: { CreationDate: new Date('2026-01-01T00:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.image(image, 36, 60, { fit: [470, 270] });
  doc.end();
  return done;
}

describe('a chart PNG placed in the meeting pack without pdfkit reading it', () => {
  it('makes the very same PDF as pdfkit reading the PNG itself', async () => {
    const { png, width, height } = await renderPng(buildRunChartConfig(runChartShiftExample));
    const image = pdfPngImage(png, 'I1'); // pdfkit names its first image I1
    expect(Buffer.isBuffer(image)).toBe(false);
    expect(image).toMatchObject({ width, height });
    const [ours, pdfkits] = await Promise.all([pdfWith(image as unknown as Buffer), pdfWith(png)]);
    expect(ours.length).toBeGreaterThan(png.length);
    expect(ours.equals(pdfkits)).toBe(true);
  });

  it('leaves any other PNG to pdfkit: with alpha, with a palette entry, or cut short', async () => {
    const { png } = await renderPng(buildRunChartConfig(runChartShiftExample));
    const withAlpha = Buffer.from(png);
    withAlpha[25] = 6; // colour type RGBA in IHDR (its CRC is not checked here, nor by pdfkit)
    expect(pdfPngImage(withAlpha, 'I1')).toBe(withAlpha);
    const cut = png.subarray(0, png.length - 20);
    expect(pdfPngImage(cut, 'I1')).toBe(cut);
    // A tRNS chunk (a transparent colour) before the first IDAT.
    const idat = png.indexOf('IDAT', 0, 'latin1') - 4;
    const trns = Buffer.from([0, 0, 0, 6, ...Buffer.from('tRNS', 'latin1'), 0, 255, 0, 255, 0, 255, 0, 0, 0, 0]);
    const transparent = Buffer.concat([png.subarray(0, idat), trns, png.subarray(idat)]);
    expect(pdfPngImage(transparent, 'I1')).toBe(transparent);
    // A chunk before IHDR, and image data that is all empty chunks.
    const ihdr = png.subarray(8, 8 + 25);
    const text = Buffer.from([0, 0, 0, 3, ...Buffer.from('tEXtk', 'latin1'), 0, 118, 0, 0, 0, 0]);
    const early = Buffer.concat([png.subarray(0, 8), text, png.subarray(8)]);
    expect(pdfPngImage(early, 'I1')).toBe(early);
    const emptyIdat = Buffer.from([0, 0, 0, 0, ...Buffer.from('IDAT', 'latin1'), 0, 0, 0, 0]);
    const iend = png.subarray(png.length - 12);
    const empty = Buffer.concat([png.subarray(0, 8), ihdr, emptyIdat, iend]);
    expect(pdfPngImage(empty, 'I1')).toBe(empty);
  });
});
