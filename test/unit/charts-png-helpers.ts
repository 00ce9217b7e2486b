import { createCanvas, loadImage } from 'canvas';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads a PNG's signature and IHDR chunk without decoding it. */
export function readPngHeader(png: Buffer): {
  signatureOk: boolean;
  chunk: string;
  width: number;
  height: number;
} {
  return {
    signatureOk: png.subarray(0, 8).equals(pngSignature),
    chunk: png.subarray(12, 16).toString('ascii'),
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
  };
}

export interface DecodedImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Decodes a PNG to RGBA pixels with node-canvas. */
export async function decodePng(png: Buffer): Promise<DecodedImage> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  return { width: image.width, height: image.height, data };
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** How many opaque pixels match `hex` within `tolerance` per channel. */
export function countColour(image: DecodedImage, hex: string, tolerance = 12): number {
  const [r, g, b] = rgb(hex);
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (
      image.data[i + 3] === 255 &&
      Math.abs(image.data[i] - r) <= tolerance &&
      Math.abs(image.data[i + 1] - g) <= tolerance &&
      Math.abs(image.data[i + 2] - b) <= tolerance
    ) {
      count++;
    }
  }
  return count;
}

/** RGBA of one pixel. */
export function pixelAt(image: DecodedImage, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return Array.from(image.data.subarray(i, i + 4));
}

/** Variance of the luminance: near zero for a blank image. */
export function luminanceVariance(image: DecodedImage): number {
  let sum = 0;
  let sumSquares = 0;
  const pixels = image.data.length / 4;
  for (let i = 0; i < image.data.length; i += 4) {
    const y = 0.2126 * image.data[i] + 0.7152 * image.data[i + 1] + 0.0722 * image.data[i + 2];
    sum += y;
    sumSquares += y * y;
  }
  const mean = sum / pixels;
  return sumSquares / pixels - mean * mean;
}
