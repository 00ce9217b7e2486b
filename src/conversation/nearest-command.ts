import { distance } from 'fastest-levenshtein';
import type { Command } from './registry.js';

/** Shorter words are too easily near another command ("helo" is not `help`): no guess under this. */
const MIN_LENGTH = 5;

/**
 * The command a message's first word was probably meant to start ("overdeu" → `overdue`), when one
 * command word is within a slip of the finger of it and no other is as close; null otherwise.
 * Only a suggestion: nothing runs on a guess.
 */
export function nearestCommand(commands: readonly Command[], text: string): string | null {
  const [first = '', ...rest] = text.split(' ');
  const said = first.toLowerCase();
  if (said.length < MIN_LENGTH || !/^[a-z]+$/.test(said)) return null;
  const allowed = said.length >= 7 ? 2 : 1;
  const words = [...new Set(commands.map((c) => c.words[0]!).filter((w) => w.length >= MIN_LENGTH))];
  const scored = words.map((word) => ({ word, d: slips(said, word) })).filter((w) => w.d > 0 && w.d <= allowed);
  if (scored.length === 0) return null;
  const best = Math.min(...scored.map((w) => w.d));
  const nearest = scored.filter((w) => w.d === best);
  if (nearest.length !== 1) return null;
  return [nearest[0]!.word, ...rest].join(' ');
}

/** Edits between two words, two letters swapped counting as one slip ("peopel" → `people`). */
export function slips(said: string, word: string): number {
  if (said.length === word.length) {
    const differ = [...said].flatMap((c, i) => (c === word[i] ? [] : [i]));
    const [i, j] = differ;
    if (differ.length === 2 && j === i! + 1 && said[i!] === word[j] && said[j] === word[i!]) return 1;
  }
  return distance(said, word);
}
