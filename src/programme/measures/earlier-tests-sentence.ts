import { plain } from '../../../cards/plain-text.js';
import type { EarlierTest } from './chart-annotations.js';
import { describePeriod } from './month-words.js';

/** The tests of change that began before a chart's first point, in a sentence under the chart. */
export function earlierTestsSentence(earlier: readonly EarlierTest[]): string {
  if (earlier.length === 0) return '';
  const tests = earlier.map((t) => `${plain(t.label)} (from ${describePeriod(t.startedOn)})`);
  return `Started before the first point shown, so not marked: ${tests.join('; ')}.`;
}

/** The tests of change marked on a chart by number, with their titles, in date order. */
export function markedTestsSentence(marked: readonly EarlierTest[]): string {
  if (marked.length === 0) return '';
  const tests = marked.map((t) => `${plain(t.label)} (from ${describePeriod(t.startedOn)})`);
  return `Tests of change marked on the chart: ${tests.join('; ')}.`;
}
