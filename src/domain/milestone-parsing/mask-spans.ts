/**
 * Replaces the given spans with a filler character, keeping every other offset unchanged, so that
 * later readers (chrono, the date scanner) cannot see a case reference's digits or the "72" of
 * "72 hour meeting".
 */
export function maskSpans(text: string, spans: { start: number; end: number }[], filler: string) {
  const chars = text.split('');
  for (const { start, end } of spans) {
    for (let i = start; i < end; i++) if (!/\s/.test(chars[i] ?? '')) chars[i] = filler;
  }
  return chars.join('');
}
