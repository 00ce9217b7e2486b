import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RenderedPdf {
  /** Each page's size in points (rendered at 72 dpi, one pixel a point). */
  pages: { width: number; height: number }[];
  /** The text pdftotext extracts, as a screen reader or a search would get it. */
  text: string;
  /** Images drawn, as pdfimages lists them (an alpha mask counts as its own entry). */
  images: { page: number; type: string; width: number; height: number; color: string }[];
}

function pngSize(png: Buffer): { width: number; height: number } {
  // The IHDR chunk follows the 8-byte signature and its own 8-byte header.
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Renders a PDF with poppler's pdftoppm (every page), pdftotext and pdfimages, the way CI checks the pack. */
export function renderPdf(pdf: Buffer): RenderedPdf {
  const dir = mkdtempSync(join(tmpdir(), 'pack-'));
  try {
    const file = join(dir, 'pack.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-r', '72', '-png', file, join(dir, 'page')]);
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => pngSize(readFileSync(join(dir, f))));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => {
        const [page, , type, width, height, color] = line.trim().split(/\s+/);
        return { page: Number(page), type: type!, width: Number(width), height: Number(height), color: color! };
      });
    return { pages, text, images };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
