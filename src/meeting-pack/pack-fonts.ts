import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface PackFonts {
  regular: string;
  bold: string;
  italic: string;
  /** Whether the fonts cover any character (embedded TrueType); PDF's standard fonts cover Latin-1. */
  unicode: boolean;
}

/** Where Debian's fonts-dejavu-core puts them: the production image and CI install it for the charts. */
const DEJAVU_DIR = '/usr/share/fonts/truetype/dejavu';

/**
 * DejaVu Sans, embedded (subset) so every character of a name or a title prints and the text can be
 * copied or read aloud; without it, PDF's built-in Helvetica, which needs no file.
 */
export function packFonts(dir = DEJAVU_DIR): PackFonts {
  const file = (name: string) => join(dir, name);
  const files = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map(file);
  if (files.every((f) => existsSync(f))) {
    const [regular, bold, italic] = files as [string, string, string];
    return { regular, bold, italic, unicode: true };
  }
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique', unicode: false };
}

// Windows-1252's additions to Latin-1, which the standard fonts also draw.
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the standard fonts can draw: anything else becomes "?" rather than a wrong glyph. */
export function latinOnly(text: string): string {
  return [...text]
    .map((ch) => (ch.charCodeAt(0) <= 0xff || WIN_ANSI_EXTRAS.has(ch) ? ch : '?'))
    .join('');
}
