/**
 * Pseudonymous case references. Each area configures its pattern as a regex source string; the
 * default is one to three letters then 3 to 8 digits, joined by one of the separators areas use or
 * by none (C1042, NS-1042, SW/1042, AB_1042, AB.1042). A token that does not match is
 * never stored or echoed: it may be a child's name.
 */
export const DEFAULT_CASE_REF_PATTERN = '^[A-Za-z]{1,3}[-/_.]?\\d{3,8}$';

/** An example shown in refusals; only for the default pattern can we be sure what fits. */
export const DEFAULT_CASE_REF_EXAMPLE = 'C1042';

export interface CaseReferenceMatch {
  ref: string;
  start: number;
  end: number;
}

/**
 * Words that are never case references, whatever an area's pattern, so that a loose pattern cannot
 * turn "today" or "Monday" into a child.
 */
const RESERVED_WORDS = new Set(
  (
    'today yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed weds thu thur thurs fri ' +
    'sat sun'
  ).split(' '),
);

/** Compiles a pattern source, anchoring it so it must match a whole token. */
export function compileCaseRefPattern(source: string = DEFAULT_CASE_REF_PATTERN): RegExp {
  const anchored = source.startsWith('^') && source.endsWith('$') ? source : `^(?:${source})$`;
  return new RegExp(anchored);
}

/** References are stored upper case so "c1042" and "C1042" are the same child. */
export function normaliseCaseRef(ref: string): string {
  return ref.toUpperCase();
}

export function isCaseReference(token: string, pattern: RegExp): boolean {
  if (RESERVED_WORDS.has(token.toLowerCase())) return false;
  return pattern.test(token) || pattern.test(token.toUpperCase());
}

// Runs of letters and digits, joined by - / . _ so that patterns with separators can match whole.
const TOKEN = /[A-Za-z0-9]+(?:[-/._][A-Za-z0-9]+)*/g;
const SEPARATED_PART = /[A-Za-z0-9]+/g;

/**
 * Finds case references in free text, in order of appearance, each span once. A joined token that
 * does not match as a whole ("C1042/C1077") is tried part by part.
 */
export function findCaseReferences(text: string, pattern: RegExp): CaseReferenceMatch[] {
  const found: CaseReferenceMatch[] = [];
  for (const token of text.matchAll(TOKEN)) {
    const start = token.index;
    if (isCaseReference(token[0], pattern)) {
      found.push({ ref: normaliseCaseRef(token[0]), start, end: start + token[0].length });
      continue;
    }
    for (const part of token[0].matchAll(SEPARATED_PART)) {
      if (part[0] === token[0] || !isCaseReference(part[0], pattern)) continue;
      const partStart = start + part.index;
      found.push({
        ref: normaliseCaseRef(part[0]),
        start: partStart,
        end: partStart + part[0].length,
      });
    }
  }
  return found;
}

/** The distinct references, in the order first mentioned. */
export function uniqueCaseRefs(matches: CaseReferenceMatch[]): string[] {
  return [...new Set(matches.map((m) => m.ref))];
}

const REGEX_SIGNS = /[\\^$[\]{}()|*+?]/;

/**
 * A pattern built from one reference as an area writes it ("NS-1042", "C1042", "sw/20417"): the
 * same number of letters, the same separator, and 3 to 8 digits (or exactly as many, if outside
 * that). Anything that already looks like a regular expression is returned as it is, for the
 * areas that need one. Null when the example is not letters then digits.
 */
export function patternFromExample(said: string): string | null {
  const text = said.trim();
  if (REGEX_SIGNS.test(text)) return text;
  const parts = /^([A-Za-z]{1,4})([-/_.]?)(\d{2,10})$/.exec(text);
  if (!parts) return null;
  const [, letters, separator, digits] = parts as unknown as [string, string, string, string];
  const digitRule = digits.length >= 3 && digits.length <= 8 ? '\\d{3,8}' : `\\d{${digits.length}}`;
  const sep = separator ? `\\${separator}` : '';
  return `^[A-Za-z]{${letters.length}}${sep}${digitRule}$`;
}

/** The bot's own numbering of tests of change ("T-101"): never a child, whatever an area's pattern. */
export const TEST_NUMBER = /^T-\d+$/i;

/**
 * `text` with every case reference replaced by `stand` (the bot's test numbers excepted): for words
 * people typed (a test's title, a question) on their way to a channel or a meeting room.
 */
export function replaceCaseReferences(text: string, pattern: RegExp, stand: string): string {
  let out = '';
  let from = 0;
  for (const { start, end } of findCaseReferences(text, pattern)) {
    if (TEST_NUMBER.test(text.slice(start, end))) continue;
    out += text.slice(from, start) + stand;
    from = end;
  }
  return out + text.slice(from);
}
