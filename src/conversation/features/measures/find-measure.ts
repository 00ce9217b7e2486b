import { distance } from 'fastest-levenshtein';
import { NotFoundError, ValidationError } from '../../../errors.js';
import type { MeasureDefinition } from '../../../programme/measures/measure-catalogue.js';
import { plain } from '../../replies.js';

/** Words that say nothing about which measure is meant: "time to panel", "weeks from … to …". */
const FILLER = new Set(
  'a an and between chart child children days for from how in long measure median of our per the time times until week weeks'.split(
    ' ',
  ),
);

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .split(' ')
    .filter((t) => t !== '' && !FILLER.has(t));
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** "acc" for accommodation, "reviews" for review, "accommodation" for accommodated. */
function wordMatches(token: string, word: string): boolean {
  if (token === word) return true;
  if (token.length >= 2 && word.startsWith(token)) return true;
  if (word.length >= 3 && token.startsWith(word)) return true;
  return commonPrefix(token, word) >= 6;
}

/**
 * The same, forgiving one slip of a finger in a word of three letters or more ("recc" for "rec…",
 * "acommodation"): used only to suggest, never to act on.
 */
function wordNearlyMatches(token: string, word: string): boolean {
  if (wordMatches(token, word)) return true;
  if (token.length < 3) return false;
  return distance(token, word.slice(0, token.length)) <= 1 || distance(token, word) <= 1;
}

type WordMatch = (token: string, word: string) => boolean;

/** What was said, split into the start and end of an interval when it reads "A to B" or "a-b". */
function saidSides(said: string): { all: string[]; from?: string[]; to?: string[] } {
  const text = said.trim().toLowerCase();
  const acronym = /^([a-z]{2,})-([a-z]{2,})$/.exec(text);
  const parts = acronym
    ? [acronym[1]!, acronym[2]!]
    : text.replace(/-/g, ' ').split(/\s+(?:to|→|->)\s+|\s*→\s*/);
  if (parts.length !== 2) return { all: tokens(text) };
  return { all: tokens(parts.join(' ')), from: tokens(parts[0]!), to: tokens(parts[1]!) };
}

/** A measure's words: all of them, and for intervals those of each end (name and milestone key). */
function measureWords(measure: MeasureDefinition) {
  const title = measure.name.split(': ').pop()!;
  const [fromName = '', toName = ''] = title.split(/\s+to\s+/i);
  const from = [...tokens(fromName), ...tokens(measure.from ?? '')];
  const to = [...tokens(toName), ...tokens(measure.to ?? '')];
  const all = [...tokens(measure.name), ...tokens(measure.key), ...from, ...to];
  return { all, from, to, name: tokens(measure.name) };
}

const covers = (said: string[], words: string[], matches: WordMatch) =>
  said.every((t) => words.some((w) => matches(t, w)));

/** How well `said` names `measure`: null when it does not, else the measure's words left unsaid (fewer is better). */
function score(said: ReturnType<typeof saidSides>, measure: MeasureDefinition, matches: WordMatch): number | null {
  if (said.all.length === 0) return null;
  const words = measureWords(measure);
  const sided = said.from && said.to && measure.from && measure.to;
  const ok = sided
    ? covers(said.from!, words.from, matches) && covers(said.to!, words.to, matches)
    : covers(said.all, words.all, matches);
  if (!ok) return null;
  return words.name.filter((w) => !said.all.some((t) => matches(t, w))).length;
}

export type MeasureMatch =
  | { measure: MeasureDefinition }
  | { ambiguous: MeasureDefinition[] }
  | null;

/**
 * Finds the measure someone means, by key, by name, or loosely: "accommodation to recommendation",
 * "acc-rec", "time to panel", "template use". The closest match wins; a tie is ambiguous.
 */
export function matchMeasure(measures: readonly MeasureDefinition[], said: string, matches: WordMatch = wordMatches): MeasureMatch {
  const wanted = said.trim().toLowerCase();
  const exact = measures.find((m) => m.key === wanted || m.name.toLowerCase() === wanted);
  if (exact) return { measure: exact };
  const sides = saidSides(wanted);
  const scored = measures
    .map((measure) => ({ measure, score: score(sides, measure, matches) }))
    .filter((s): s is { measure: MeasureDefinition; score: number } => s.score !== null)
    .sort((a, b) => a.score - b.score);
  if (scored.length === 0) return null;
  const best = scored.filter((s) => s.score === scored[0]!.score).map((s) => s.measure);
  return best.length === 1 ? { measure: best[0]! } : { ambiguous: best };
}

/** The one measure that a said name with a slip of the finger would match, or null. */
function nearlyMatchMeasure(measures: readonly MeasureDefinition[], said: string): MeasureDefinition | null {
  const near = matchMeasure(measures, said, wordNearlyMatches);
  return near && 'measure' in near ? near.measure : null;
}

/** Like matchMeasure, but a miss or a tie becomes an error that lists what there is. */
export function findMeasure(
  measures: readonly MeasureDefinition[],
  said: string,
): MeasureDefinition {
  const match = matchMeasure(measures, said);
  if (match && 'measure' in match) return match.measure;
  const near = match ? null : nearlyMatchMeasure(measures, said);
  if (near) {
    throw new NotFoundError(
      `I don't know a measure called "${plain(said.trim())}". Did you mean *${plain(near.name)}* (\`${near.key}\`)?`,
      'unknown_measure',
    );
  }
  if (match) {
    const options = match.ambiguous.map((m) => `*${plain(m.name)}* (\`${m.key}\`)`).join(', ');
    throw new ValidationError(
      'ambiguous_measure',
      `"${plain(said.trim())}" could be ${options}. Which one? Use its key.`,
    );
  }
  throw new NotFoundError(
    `I don't know a measure called "${plain(said.trim())}". Type \`measures\` to see them all, or define one with \`measure new\`.`,
    'unknown_measure',
  );
}
