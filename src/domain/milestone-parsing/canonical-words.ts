/** A word of a message in canonical form, with where it stands in the original text. */
export interface CanonicalWord {
  word: string;
  start: number;
  end: number;
}

/**
 * Spellings that mean the same word in a milestone phrase. Both the catalogue's synonyms and the
 * message go through this, so a mapping can never make a synonym unreachable. A Map, because the
 * words come from messages: a plain object would answer "constructor" with Object.prototype's.
 */
const VARIANTS: ReadonlyMap<string, string> = new Map(Object.entries({
  mtg: 'meeting',
  mtgs: 'meeting',
  mtng: 'meeting',
  hr: 'hour',
  hrs: 'hour',
  h: 'hour',
  hours: 'hour',
  rev: 'review',
  rvw: 'review',
  rec: 'recommend',
  recs: 'recommend',
  recommendation: 'recommend',
  recommended: 'recommend',
  recommending: 'recommend',
  recommends: 'recommend',
  app: 'application',
  appn: 'application',
  laac: 'lac',
  initial: 'first',
  '1st': 'first',
  '2nd': 'second',
  '3rd': 'third',
  '4th': 'fourth',
  '5th': 'fifth',
  '6th': 'sixth',
  '7th': 'seventh',
  '8th': 'eighth',
  '9th': 'ninth',
  '10th': 'tenth',
  two: '2',
  seventy: '70',
  '&': 'and',
  yr: 'year',
  yrs: 'year',
  wk: 'week',
  wks: 'week',
  fortnight: '2 week',
}));

// Ordinals stay whole ("1st"); otherwise digits and letters split ("72hr" -> "72", "hr").
const RAW_WORD = /\d+(?:st|nd|rd|th)\b|\d+|[a-z]+(?:['’][a-z]+)?|&/gi;

function singular(word: string): string {
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  return word.slice(0, -1);
}

function canonical(raw: string): string[] {
  const plain = raw.replace(/['’]/g, '');
  const mapped = VARIANTS.get(plain) ?? VARIANTS.get(singular(plain)) ?? singular(plain);
  return mapped.split(' ');
}

/** Splits text into canonical words; a variant that expands to two words shares one span. */
export function canonicalWords(text: string): CanonicalWord[] {
  const words: CanonicalWord[] = [];
  // Lower-casing per word keeps offsets true to the original text.
  for (const m of text.matchAll(RAW_WORD)) {
    for (const word of canonical(m[0].toLowerCase())) {
      words.push({ word, start: m.index, end: m.index + m[0].length });
    }
  }
  return words;
}

/** The canonical words of a catalogue phrase, for comparison with a message's words. */
export function canonicalPhrase(phrase: string): string[] {
  return canonicalWords(phrase).map((w) => w.word);
}
