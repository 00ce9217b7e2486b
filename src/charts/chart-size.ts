/** Logical size and pixel ratio of a chart. */
export interface ChartSize {
  width: number;
  height: number;
  pixelRatio: number;
}

/**
 * 600×400 logical px drawn at 1.7× (a 1020×680 PNG): sharp on a phone, legible when a chat client
 * shows it at 600 px wide, and inside Teams' 1024×1024 limit for card images (platforms.md §2.4) —
 * at 2× (1200×800) Teams cards dropped every chart to its alt text.
 */
export const defaultChartSize: ChartSize = { width: 600, height: 400, pixelRatio: 1.7 };
