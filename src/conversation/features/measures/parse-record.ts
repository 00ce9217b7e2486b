import { matchMeasure } from './find-measure.js';
import type { MeasureDefinition } from '../../../programme/measures/measure-catalogue.js';
import { findPeriod } from './record-period.js';

export interface ParsedRecord {
  measure: MeasureDefinition;
  /** The period as found in the message, before it is fitted to the measure's frequency. */
  period: string | null;
  value: number | null;
  typedPercent: boolean;
  /** A share said as "17 of 20" (or "17 out of 20"): the value is then left for the caller to work out. */
  counts: Counts | null;
}

export interface Counts {
  numerator: number;
  denominator: number;
}

/** "17 of 20", "17 out of 20": whole numbers standing alone. */
const COUNTS = /(?<![\w.\-/])(\d+)\s+(?:out\s+)?of\s+(\d+)(?![\w\-/]|\.\d)/i;

/** Numbers standing alone (not "72-hour", "T-12" or part of a date), with an optional "%". */
const NUMBER = /(?<![\w.\-/])(-?\d+(?:\.\d+)?)\s*(%|percent\b|per\s*cent\b)?(?![\w\-/]|\.\d)/gi;

/** Words around a value that name neither the measure nor the value. */
const FILLER =
  /\b(?:please|report|record|log|enter|add|for|was|were|is|are|in|on|of|at|our|the|value|measure|it)\b|[=:,]/gi;

const cut = (text: string, start: number, end: number) =>
  `${text.slice(0, start)} ${text.slice(end)}`;

/**
 * Reads "template use October 64%", "template use for Oct 2026 was 64%" or "64% template use last
 * month" against the given measures. The value is the number that leaves words naming a measure,
 * trying the last number first. Null when no measure is named; period or value may be missing.
 */
export function parseRecord(
  text: string,
  measures: readonly MeasureDefinition[],
  today: string,
): ParsedRecord | null {
  const found = findPeriod(text, today);
  const withoutPeriod = found ? cut(text, found.start, found.end) : text;
  const numbers = [...withoutPeriod.matchAll(NUMBER)].reverse();
  const share = COUNTS.exec(withoutPeriod);
  const candidates: { rest: string; value: number | null; typedPercent: boolean; counts?: Counts }[] = [
    ...(share
      ? [
          {
            rest: cut(withoutPeriod, share.index, share.index + share[0].length),
            value: null,
            typedPercent: false,
            counts: { numerator: Number(share[1]), denominator: Number(share[2]) },
          },
        ]
      : []),
    ...numbers.map((m) => ({
      rest: cut(withoutPeriod, m.index, m.index + m[0].length),
      value: Number(m[1]),
      typedPercent: m[2] !== undefined,
    })),
    { rest: withoutPeriod, value: null, typedPercent: false },
  ];
  for (const { rest, value, typedPercent, counts } of candidates) {
    const words = rest.replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
    if (!words) continue;
    const match = matchMeasure(measures, words);
    if (match && 'measure' in match)
      return {
        measure: match.measure,
        period: found?.period ?? null,
        value,
        typedPercent,
        counts: counts ?? null,
      };
  }
  return null;
}
