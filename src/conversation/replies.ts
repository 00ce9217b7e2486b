import type { Card } from '../../cards/model.js';
import type { Reply } from './turn.js';

/** Wrap every value people typed (names, notes, titles) in `plain()` where it goes into reply markdown. */
export { plain } from '../../cards/plain-text.js';

/** What goes after a name to make it possessive: "Health's", but "Permanence milestones'" (never "milestones's"). */
export const possessive = (name: string): string => (/s$/i.test(name.trim()) ? "'" : "'s");

export const text = (value: string): Reply => ({ kind: 'text', text: value });
export const card = (value: Card, replaces = false): Reply => ({ kind: 'card', card: value, ...(replaces ? { replaces } : {}) });
export const form = (value: Card): Reply => ({ kind: 'form', card: value });

/** `example`: the area's own case reference (see programme/cases/case-ref-example.ts). */
export function notUnderstood(example: string): Reply[] {
  return [
    text(
      `Sorry, I didn't catch that. You can tell me a milestone date, e.g. *${example} accommodated 3 Oct*, or type \`help\` to see everything I can do.`,
    ),
  ];
}
