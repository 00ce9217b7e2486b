import { refuseIdentifiers } from '../../domain/identifiers/index.js';
import { ValidationError } from '../../errors.js';

/** What kind of wait a snooze is for, so leads can count them without reading every reason. */
export type ReasonCategory = 'court' | 'panel' | 'legal' | 'assessment' | 'family' | 'other';

const CATEGORIES: [ReasonCategory, RegExp][] = [
  ['court', /\b(court|sheriff|hearing|proof|reporter|scra)\b/i],
  ['panel', /\b(panel|adm|decision maker)\b/i],
  ['legal', /\b(legal|solicitor|lawyer|advice)\b/i],
  ['assessment', /\b(assessment|report|review)\b/i],
  ['family', /\b(family|kinship|parent|placement|carer)\b/i],
];

export interface SnoozeReason {
  category: ReasonCategory;
  /** The reason as understood, kept only because the identifier check found nothing in it. */
  text: string;
}

/**
 * A snooze's reason, checked before anything is kept: required, short, and free of anything that
 * identifies a child or family (the one identifier check; its refusal names the kind, never the
 * text). Only then is it kept, with its category, in the audit trail.
 */
export function snoozeReason(said: string, now: Date): SnoozeReason {
  const text = said.replace(/\s+/g, ' ').trim();
  if (text.length < 3) {
    throw new ValidationError('reason_required', 'Say why the wait is expected, e.g. “awaiting court date”.', { field: 'reason' });
  }
  if (text.length > 200) {
    throw new ValidationError('reason_too_long', 'Keep the reason under 200 characters, e.g. “awaiting court date”.', { field: 'reason' });
  }
  refuseIdentifiers({ reason: text }, now);
  const category = CATEGORIES.find(([, words]) => words.test(text))?.[0] ?? 'other';
  return { category, text };
}
