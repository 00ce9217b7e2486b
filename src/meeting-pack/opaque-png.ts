/**
 * A chart's PNG without its alpha channel. The charts are drawn on an opaque white background but
 * saved as RGBA; pdfkit must decode such a PNG in JavaScript to split off the (unused) alpha, which
 * made the charts most of the pack's cost. An RGB PNG goes into the PDF as it is. Charts are now
 * drawn as RGB PNGs (src/charts/render-png.ts) and pass straight through; any RGBA PNG still gets
 * redrawn once by canvas (native code) onto an RGB surface.
 */
export async function opaquePng(png: Buffer): Promise<Buffer> {
  // PNG colour type (byte 25): 2 is RGB, 6 is RGBA; anything but RGBA is left alone.
  if (png.length < 26 || png[25] !== 6) return png;
  const { createCanvas, loadImage } = await import('canvas');
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d', { pixelFormat: 'RGB24' });
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(image, 0, 0);
  return canvas.toBuffer('image/png');
}
