import { distance } from 'fastest-levenshtein';
import { activeMilestones, type MilestoneCatalogue, type MilestoneKey } from '../milestone-catalogue.js';

/** How different a phrase may be (edits per character) and still be a slip of the keyboard. */
const MAX_EDIT_RATIO = 0.25;
const MAX_WORDS = 4;

export interface NearMiss {
  key: MilestoneKey;
  /** The span of the message that was nearly the milestone's name. */
  start: number;
  end: number;
}

/**
 * The milestone a message nearly named ("LAC reveiw", "permanance panel"), for a "did you mean":
 * every run of up to four words without digits, against every phrase the catalogue knows, by
 * Levenshtein distance relative to length. Null when nothing is close enough to suggest. Pure.
 */
export function nearestMilestone(text: string, catalogue: MilestoneCatalogue): NearMiss | null {
  const words = [...text.matchAll(/[A-Za-z][A-Za-z'’]*/g)].map((m) => ({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  const phrases = activeMilestones(catalogue).flatMap((m) =>
    [...m.synonyms, ...m.genericSynonyms, m.label].map((p) => ({ key: m.key, phrase: p.toLowerCase() })),
  );
  let best: (NearMiss & { ratio: number }) | null = null;
  for (let i = 0; i < words.length; i += 1) {
    for (let n = 1; n <= MAX_WORDS && i + n <= words.length; n += 1) {
      const run = words.slice(i, i + n);
      const said = run.map((w) => w.word).join(' ');
      if (said.length < 4) continue;
      for (const { key, phrase } of phrases) {
        // Only phrases of about the same length can be a slip; this also keeps the search cheap.
        if (Math.abs(phrase.length - said.length) > Math.ceil(phrase.length * MAX_EDIT_RATIO)) continue;
        const ratio = distance(said, phrase) / Math.max(said.length, phrase.length);
        if (ratio <= MAX_EDIT_RATIO && (!best || ratio < best.ratio)) {
          best = { key, start: run[0]!.start, end: run.at(-1)!.end, ratio };
        }
      }
    }
  }
  return best && { key: best.key, start: best.start, end: best.end };
}
