import type { Audience } from '../programme/measures/audience.js';
import type { Turn } from './turn.js';

/**
 * Whether a reply may name children by case reference: only in a direct message. Channels and
 * threads are read by many, so there children are named by the date they reached a stage, or counted.
 */
export function mayNameChildren(turn: Pick<Turn, 'conversation'>): boolean {
  return turn.conversation.kind === 'direct';
}

/** Who reads a measure's words in this conversation: one person, or a group (small counts hidden). */
export function audienceOf(turn: Pick<Turn, 'conversation'>): Audience {
  return mayNameChildren(turn) ? 'person' : 'group';
}
