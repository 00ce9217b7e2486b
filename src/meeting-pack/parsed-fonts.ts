import { readFileSync } from 'node:fs';
import type { Font } from 'fontkit';

/**
 * Each font file parsed once per process (per thread), not once per pack. pdfkit re-reads and
 * re-parses a font given by path for every document, and fontkit's glyph and layout caches live on
 * the parsed font: parsing DejaVu's three faces afresh was about 40 % of a pack's CPU. pdfkit
 * accepts a parsed font in place of a path and takes a fresh subset of it for each document, so
 * sharing one is safe.
 */
const parsed = new Map<string, Font>();

/** The parsed font at `path`; PDF's standard fonts (no file) are passed through by name. */
export async function parsedFont(path: string, standard: boolean): Promise<Font | string> {
  if (standard) return path;
  let font = parsed.get(path);
  if (!font) {
    // Loaded on the first pack, as pdfkit is: nothing of it is needed before /healthz.
    const fontkit = await import('fontkit');
    font = fontkit.create(readFileSync(path)) as Font;
    parsed.set(path, font);
  }
  return font;
}
