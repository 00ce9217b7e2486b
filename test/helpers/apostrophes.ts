/**
 * The apostrophes in a text, by style: the bot's own words use the straight one ("child's",
 * "champions' channel"), and a reply or screen that mixed in the curly one ("champions’ meeting")
 * read as careless (phone try-out). Each returns the words it found, so a failure names them.
 */
const STRAIGHT = /[A-Za-z]+'(?:[a-z]+|\s)/g;
const CURLY = /[A-Za-z]+’(?:[a-z]+|\s)/g;

export const straightApostrophes = (text: string): string[] => (text.match(STRAIGHT) ?? []).map((w) => w.trim());
export const curlyApostrophes = (text: string): string[] => (text.match(CURLY) ?? []).map((w) => w.trim());
