import { CHILD_WORDS, NOT_NAMES } from './child-words.js';

/**
 * A person's full name where it is about a child: two capitalised words that are not ordinary QI
 * words, followed by 's ("Kayden Smith's foster carer") or with a child or family word within two
 * words either side ("placed with Kayden Smith", "Kayden Smith (child)", "foster carer Jane Brown").
 * A heuristic: names typed in lower case, a first name alone ("Sophie"), or a name with no such word
 * nearby are not caught. Published first-name lists were looked at and not used (see README).
 */

const NAME_WORD = "(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?";
const FULL_NAME = new RegExp(`(?<![\\w'’-])(${NAME_WORD})\\s+(${NAME_WORD})(?![\\w-])`, 'g');
const POSSESSIVE = /^['’]s\b/;
const WORDS_AROUND = 2;

// A family word is never half of a name: "Foster Mother Name" is a heading, not a person.
const isNameWord = (word: string) => {
  const lower = word.toLowerCase().replace(/['’-]/g, '');
  return !NOT_NAMES.has(lower) && !CHILD_WORDS.has(lower);
};

/** The last or first `count` words of a stretch of text, lower case, without a possessive 's. */
function wordsOf(stretch: string): string[] {
  return [...stretch.matchAll(/[A-Za-z]+(?:['’]s)?/g)].map((m) => m[0].toLowerCase().replace(/['’]s$/, ''));
}

export function hasChildsPersonName(text: string): boolean {
  // Overlapping pairs matter ("Foster Carer Jane Brown"), so each match restarts one word on.
  const pairs = new RegExp(FULL_NAME.source, 'g');
  for (let m = pairs.exec(text); m; m = pairs.exec(text)) {
    const end = m.index + m[0].length;
    pairs.lastIndex = m.index + m[1]!.length;
    if (!isNameWord(m[1]!) || !isNameWord(m[2]!)) continue;
    const after = text.slice(end);
    if (POSSESSIVE.test(after)) return true;
    const before = wordsOf(text.slice(Math.max(0, m.index - 60), m.index)).slice(-WORDS_AROUND);
    const next = wordsOf(after.slice(0, 60)).slice(0, WORDS_AROUND);
    if ([...before, ...next].some((word) => CHILD_WORDS.has(word))) return true;
  }
  return false;
}

/**
 * Whether the text holds two capitalised name words side by side ("Sarah Jones") with nothing
 * saying whose they are. Too loose to refuse a message on (the guard above does that), it is used
 * only to remind a member, after their words were otherwise understood, never to type names.
 */
export function mayHoldPersonName(text: string): boolean {
  const pairs = new RegExp(FULL_NAME.source, 'g');
  for (let m = pairs.exec(text); m; m = pairs.exec(text)) {
    pairs.lastIndex = m.index + m[1]!.length;
    if (isNameWord(m[1]!) && isNameWord(m[2]!)) return true;
  }
  return false;
}
