import { readFileSync } from 'node:fs';
import type { Font, Glyph } from 'fontkit';

/**
 * Each font file parsed once per process (per thread), not once per pack. pdfkit re-reads and
 * re-parses a font given by path for every document, and fontkit's glyph and layout caches live on
 * the parsed font: parsing DejaVu's three faces afresh was about 40 % of a pack's CPU. pdfkit
 * accepts a parsed font in place of a path and takes a fresh subset of it for each document, so
 * sharing one is safe.
 */
const parsed = new Map<string, Font>();

/** A shaped word as kept between packs: its glyphs, and its positions in font units. */
interface SharedRun {
  glyphs: Glyph[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
}

/** Beyond this many words the kept layouts start again: a pack uses a few thousand. */
const MAX_SHARED_RUNS = 20_000;

/**
 * The font, with each word's layout (shaping: glyphs, kerning) kept across packs. pdfkit measures
 * and lays out a pack word by word, caching within one document only, so every pack shaped the
 * same headings and words afresh (about a third of its CPU). pdfkit scales the positions it is
 * given in place, so each caller gets its own copy of them; glyphs are fontkit's own shared
 * objects, which pdfkit only reads.
 */
function withSharedLayouts(font: Font): Font {
  const runs = new Map<string, SharedRun>();
  const layout = (text: string, features?: unknown) => {
    const key = features === undefined ? text : JSON.stringify([text, features]);
    let run = runs.get(key);
    if (!run) {
      const shaped = font.layout(text, features as never);
      run = {
        glyphs: shaped.glyphs,
        positions: shaped.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset })),
      };
      if (runs.size >= MAX_SHARED_RUNS) runs.clear();
      runs.set(key, run);
    }
    const positions = run.positions.map((p) => ({ ...p }));
    return {
      glyphs: run.glyphs,
      positions,
      // As fontkit's GlyphRun: the sum of the advances, read after pdfkit has scaled them.
      get advanceWidth() {
        return positions.reduce((width, p) => width + p.xAdvance, 0);
      },
    };
  };
  // The font's own methods, bound to it once: pdfkit reads some of them for every glyph.
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(font, {
    get(target, property) {
      if (property === 'layout') return layout;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      let method = bound.get(property);
      if (!method) bound.set(property, (method = (value as (...args: unknown[]) => unknown).bind(target)));
      return method;
    },
  });
}

/** The parsed font at `path`; PDF's standard fonts (no file) are passed through by name. */
export async function parsedFont(path: string, standard: boolean): Promise<Font | string> {
  if (standard) return path;
  let font = parsed.get(path);
  if (!font) {
    // Loaded on the first pack, as pdfkit is: nothing of it is needed before /healthz.
    const fontkit = await import('fontkit');
    font = withSharedLayouts(fontkit.create(readFileSync(path)) as Font);
    parsed.set(path, font);
  }
  return font;
}
