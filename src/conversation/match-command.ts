import type { Command } from './registry.js';

/** Strips what platforms put in front of a command: "/pace", "pace", "@pacebot", leading punctuation. */
export function normaliseCommandText(text: string): string {
  return text
    .replace(/^\s*\/pace\b/i, '')
    .replace(/^\s*@?pace(bot)?\b[:,]?/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Longest-prefix match of command words, case-insensitive. Returns the text after the words. */
export function matchCommand(commands: Command[], text: string): { command: Command; rest: string } | null {
  const tokens = text.split(' ');
  let best: { command: Command; rest: string } | null = null;
  for (const command of commands) {
    const n = command.words.length;
    if (tokens.length < n) continue;
    const head = tokens.slice(0, n).map((t) => t.toLowerCase());
    if (head.every((word, i) => word === command.words[i])) {
      if (!best || n > best.command.words.length) best = { command, rest: tokens.slice(n).join(' ') };
    }
  }
  return best;
}

/** Splits arguments, keeping "quoted phrases" together. */
export function splitArgs(rest: string): string[] {
  return [...rest.matchAll(/"([^"]*)"|“([^”]*)”|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}
