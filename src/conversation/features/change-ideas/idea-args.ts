import { splitArgs } from '../../match-command.js';

/** Takes `word value` out of an argument list, e.g. `aim 2`; returns the value if the word was there. */
export function takeNamed(args: string[], ...words: string[]): string | undefined {
  const i = args.findIndex((a) => words.includes(a.toLowerCase()));
  return i >= 0 && i + 1 < args.length ? args.splice(i, 2)[1] : undefined;
}

/**
 * Reads `"<title>" [aim <aim>] "<description>"`. Without quotes the whole text (less `aim …`) is the
 * title, so `idea add Pre-ADM checklist` does what it says.
 */
export function readAddArgs(rest: string): Record<string, string> {
  const args = splitArgs(rest);
  const aim = takeNamed(args, 'aim');
  const quoted = /["“]/.test(rest);
  const title = quoted ? args[0] : args.join(' ');
  const description = quoted ? args.slice(1).join(' ') : undefined;
  return defined({ title, aim, description });
}

/** Reads `[title "<t>"] [aim <a>] [description "<d>"]` after `idea <key> edit`. */
export function readEditArgs(args: string[]): Record<string, string> {
  const rest = [...args];
  return defined({
    title: takeNamed(rest, 'title'),
    aim: takeNamed(rest, 'aim'),
    description: takeNamed(rest, 'description', 'desc'),
  });
}

function defined(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
