import type { Turn } from './turn.js';

/**
 * Whether a reply may name children by case reference: only in a direct message. Channels and
 * threads are read by many, so there children are named by the date they reached a stage, or counted.
 */
export function mayNameChildren(turn: Pick<Turn, 'conversation'>): boolean {
  return turn.conversation.kind === 'direct';
}
