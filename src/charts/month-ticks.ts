import { defaultChartSize } from './chart-size.js';
import { formatXLabel } from './format-x-label.js';
import { measureText } from './measure-text.js';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The plot's width in logical px, less the y axis and its title: near enough for spacing labels. */
const plotWidth = defaultChartSize.width - 90;
/** Room between two month labels, so they read as two. */
const gap = 14;

/**
 * Axis labels for points placed by date (one per child, in the order they reached a stage): the
 * month ('Mar 26') under the first point of each month, and nothing under the others, so a month
 * is never repeated. Where months come faster than their labels fit, later ones are skipped until
 * there is room. Null for labels that are not all dates: the axis then shows them as they are.
 */
export function monthTicks(labels: readonly string[]): (string | null)[] | null {
  if (labels.length === 0 || !labels.every((label) => datePattern.test(label))) return null;
  const last = Math.max(labels.length - 1, 1);
  let lastShownAt = -Infinity;
  return labels.map((label, i) => {
    if (i > 0 && labels[i - 1]!.slice(0, 7) === label.slice(0, 7)) return null;
    const text = formatXLabel(label.slice(0, 7));
    const at = (i / last) * plotWidth;
    if (at - lastShownAt < measureText(text) + gap) return null;
    lastShownAt = at;
    return text;
  });
}
