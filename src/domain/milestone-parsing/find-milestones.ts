import {
  activeMilestones,
  type MilestoneCatalogue,
  type MilestoneKey,
} from '../milestone-catalogue.js';
import { type CanonicalWord, canonicalPhrase, canonicalWords } from './canonical-words.js';

/**
 * How surely a phrase reports the milestone:
 * - `specific`: a phrase that names it ("first LAC review", "accommodated");
 * - `generic`: a phrase that names a kind of meeting or an ambiguous word ("LAC review", "panel");
 * - `reference`: said as a point measured from ("within 2 weeks of accommodation");
 * - `other`: another meeting of the same kind ("the 2nd LAC review"), never recorded.
 */
export type MentionStrength = 'specific' | 'generic' | 'reference' | 'other';

/** A milestone named in a message, and the characters that named it. */
export interface MilestoneMention {
  key: MilestoneKey;
  start: number;
  end: number;
  strength: MentionStrength;
}

interface Candidate extends MilestoneMention {
  firstWord: number;
  wordCount: number;
}

interface Phrase {
  key: MilestoneKey;
  words: string[];
  generic: boolean;
}

// Catalogues are parsed once and not mutated, so their canonical phrases can be kept.
const phraseCache = new WeakMap<MilestoneCatalogue, Phrase[]>();

function phrasesOf(catalogue: MilestoneCatalogue): Phrase[] {
  const cached = phraseCache.get(catalogue);
  if (cached) return cached;
  const phrases = activeMilestones(catalogue).flatMap((m) => [
    ...m.synonyms.map((s) => ({ key: m.key, words: canonicalPhrase(s), generic: false })),
    ...m.genericSynonyms.map((s) => ({ key: m.key, words: canonicalPhrase(s), generic: true })),
  ]);
  phraseCache.set(catalogue, phrases);
  return phrases;
}

// Before a generic phrase, these say it is another meeting of the same kind.
const ANOTHER = new Set(
  'second third fourth fifth sixth seventh eighth ninth tenth subsequent further latest another next'.split(' '),
);
// "11th", "eleventh": an ordinal past those the canonical words name, so never the first meeting.
const LATER_ORDINAL = /^(?:\d+(?:st|nd|rd|th)|eleventh|twelfth)$/;
// Before any phrase, these make it a point measured from rather than the news.
const MEASURED_FROM = new Set('of since from after following until before post pre'.split(' '));

function strengthOf(phrase: Phrase, before: string | undefined): MentionStrength {
  if (before && MEASURED_FROM.has(before)) return 'reference';
  if (!phrase.generic) return 'specific';
  return before && (ANOTHER.has(before) || LATER_ORDINAL.test(before)) ? 'other' : 'generic';
}

/** Where each word stands in the message, so a phrase is only tried where its first word is. */
function indexWords(text: CanonicalWord[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  text.forEach((w, i) => {
    const at = index.get(w.word);
    if (at) at.push(i);
    else index.set(w.word, [i]);
  });
  return index;
}

function occurrences(text: CanonicalWord[], index: Map<string, number[]>, phrase: string[]) {
  const starts = phrase[0] === undefined ? [] : (index.get(phrase[0]) ?? []);
  return starts.filter((i) => phrase.every((w, j) => text[i + j]?.word === w));
}

/**
 * Finds the milestones a message names. Where phrases overlap the longest wins, so "CSO at home
 * review" is a CSO review and "72 hour LAC review" the 72-hour meeting, not the first LAC review.
 */
export function findMilestones(text: string, catalogue: MilestoneCatalogue): MilestoneMention[] {
  const words = canonicalWords(text);
  const index = indexWords(words);
  const candidates: Candidate[] = [];
  for (const phrase of phrasesOf(catalogue)) {
    for (const i of occurrences(words, index, phrase.words)) {
      const strength = strengthOf(phrase, words[i - 1]?.word);
      // "2nd" is masked with "LAC review", so it is not read as the 2nd of the month.
      const first = strength === 'other' ? i - 1 : i;
      const last = words[i + phrase.words.length - 1]!;
      candidates.push({
        key: phrase.key,
        start: words[first]!.start,
        end: last.end,
        strength,
        firstWord: i,
        wordCount: phrase.words.length,
      });
    }
  }
  candidates.sort(
    (a, b) =>
      b.wordCount - a.wordCount ||
      b.end - b.start - (a.end - a.start) ||
      Number(a.strength !== 'specific') - Number(b.strength !== 'specific') ||
      a.start - b.start,
  );
  const taken = new Set<number>();
  const chosen: MilestoneMention[] = [];
  for (const c of candidates) {
    const span = Array.from({ length: c.wordCount }, (_, j) => c.firstWord + j);
    if (span.some((w) => taken.has(w))) continue;
    for (const w of span) taken.add(w);
    chosen.push({ key: c.key, start: c.start, end: c.end, strength: c.strength });
  }
  return chosen.sort((a, b) => a.start - b.start);
}
