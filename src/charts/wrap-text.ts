import { measureText } from './measure-text.js';
import { canvasFont } from './palette.js';

/**
 * Breaks text at spaces into lines no wider than `maxWidth` logical px in `font`. Chart.js draws
 * an array as lines; left alone, it squeezes a long title horizontally until it is hard to read.
 */
export function wrapText(text: string, maxWidth: number, font: string = canvasFont()): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const current = lines.at(-1);
    const joined = current === undefined ? word : `${current} ${word}`;
    if (current !== undefined && measureText(joined, font) <= maxWidth) {
      lines[lines.length - 1] = joined;
    } else {
      lines.push(word);
    }
  }
  return lines;
}
