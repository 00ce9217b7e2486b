/** A header as shown: white space (line breaks in a wrapped heading too) collapsed, trimmed. */
export function displayHeader(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A header reduced to lower-case words for matching: "D.O.B." → "d o b", "Case #" → "case no",
 * "Child's name" → "child s name". "&" stays, as the milestone vocabulary reads it as "and".
 */
export function headerWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/#/g, ' no ')
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim();
}
