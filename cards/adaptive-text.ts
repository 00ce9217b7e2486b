import { restorePlain } from './plain-text.js';

/**
 * Adaptive Card TextBlocks and FactSet titles and values are read as markdown in Teams, and Teams'
 * clients honour backslash escapes unevenly (mobile shows the backslash; some renderers still read
 * an escaped * as emphasis: microsoft/AdaptiveCards#5590, #5758). So literal text is shown without
 * escapes: emphasis and code characters as lookalikes (∗ ˍ ˋ ∼), and an invisible zero-width space
 * wherever a markdown parser would otherwise start a link ("](", "<https:"), an HTML tag or
 * mention ("<at>"), or a list, heading or quote at the start of a line.
 */
const LOOKALIKES: ReadonlyMap<string, string> = new Map([
  ['*', '\u2217'],
  ['_', '\u02CD'],
  ['`', '\u02CB'],
  ['~', '\u223C'],
]);
const ZWSP = '\u200B';

export function escapeAdaptive(text: string): string {
  return restorePlain(text)
    .replace(/[*_`~]/g, (char) => LOOKALIKES.get(char)!)
    .replace(/\]\(/g, `]${ZWSP}(`)
    .replace(/<(?=\S)/g, `<${ZWSP}`)
    .replace(/^(\s*)([-+#>]|\d+[.)])/gm, `$1${ZWSP}$2`);
}
