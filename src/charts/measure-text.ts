import { createCanvas } from 'canvas';
import { keepTextMeasurements } from './measure-cache.js';
import { canvasFont } from './palette.js';

// One tiny canvas for the whole process: measuring needs a 2D context, not a surface.
const context = keepTextMeasurements(createCanvas(1, 1).getContext('2d'));

/** Width in logical px of `text` in our chart font, for layout decisions made before drawing. */
export function measureText(text: string, font: string = canvasFont()): number {
  context.font = font;
  return context.measureText(text).width;
}
