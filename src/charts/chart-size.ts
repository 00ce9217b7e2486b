/** Logical size and pixel ratio of a chart. */
export interface ChartSize {
  width: number;
  height: number;
  pixelRatio: number;
}

/**
 * 600×400 logical px drawn at 2× (a 1200×800 PNG): sharp on a phone, legible when a chat client
 * shows it at 600 px wide, and small enough for a Teams data URI.
 */
export const defaultChartSize: ChartSize = { width: 600, height: 400, pixelRatio: 2 };
