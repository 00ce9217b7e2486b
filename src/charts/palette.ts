/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, so every chart
 * draws from this set only. Shapes and dashes carry meaning too; colour is never the only cue.
 */
export const okabeIto = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  sky: '#56B4E9',
  yellow: '#F0E442',
  black: '#000000',
} as const;

/** Neutral greys for text, grid and de-emphasised marks (not part of the data encoding). */
export const neutral = {
  text: '#1a1a1a',
  muted: '#595959',
  grid: '#e6e6e6',
  background: '#ffffff',
} as const;

/**
 * DejaVu Sans ships with Debian and our CI image (`fc-list`), so text renders the same everywhere;
 * the generic fallback keeps a machine without it legible.
 */
export const fontFamily = "'DejaVu Sans', sans-serif";

/**
 * Logical px (before the pixel ratio). Charts are read on phones: at a 360-px-wide display no
 * text may be under 9 px, so every font is at least 2.5 % of the chart's width (15 of 600).
 */
export const fontSize = { body: 15, title: 18 } as const;

/** A canvas `font` shorthand in our family, for the inline plugins that draw text themselves. */
export function canvasFont(
  size: number = fontSize.body,
  weight: 'normal' | 'bold' = 'normal',
): string {
  return `${weight} ${size}px ${fontFamily}`;
}
