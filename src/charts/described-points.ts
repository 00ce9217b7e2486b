import { formatXLabel } from './format-x-label.js';

/**
 * How a chart's alt text names its points and its period: a child by reference and date where
 * references may go (pointNames given), by the date alone elsewhere; and how many points it has.
 */
export function describedPoints(spec: { labels: string[]; values: (number | null)[]; pointNames?: string[] | undefined }): {
  labels: string[];
  /** The points' dates alone, for sentences that must never name a child. */
  dates: string[];
  present: number;
  missing: number;
  period: string | undefined;
} {
  const dates = spec.labels.map((label) => formatXLabel(label, 'long'));
  const labels = dates.map((when, i) => {
    const name = spec.pointNames?.[i];
    return name ? `${name} (${when})` : when;
  });
  const present = spec.values.filter((v) => v !== null).length;
  const missing = spec.values.length - present;
  const period = labels.length === 1 ? labels[0] : `${labels[0]} to ${labels.at(-1)}`;
  return { labels, dates, present, missing, period };
}
