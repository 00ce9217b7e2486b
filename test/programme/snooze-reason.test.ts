import { describe, expect, it } from 'vitest';
import { IdentifierError } from '../../src/domain/identifiers/index.js';
import { snoozeReason } from '../../src/programme/alerts/snooze-reason.js';

// The model checks a snooze's reason itself, whichever edge it came through (a form, a job, an import).
const NOW = new Date('2026-11-20T10:00:00Z');

describe('a snooze reason', () => {
  it('is kept with its kind when it names no one', () => {
    expect(snoozeReason('  awaiting   court date ', NOW)).toEqual({ category: 'court', text: 'awaiting court date' });
    expect(snoozeReason('panel booked for January', NOW).category).toBe('panel');
    expect(snoozeReason('kinship assessment under way', NOW).category).toBe('assessment');
    expect(snoozeReason('waiting on the other local authority', NOW).category).toBe('other');
  });

  it('is refused, naming the kind of identifier, when it holds one', () => {
    expect(() => snoozeReason('mum moved to EH1 1YZ', NOW)).toThrow(IdentifierError);
    expect(() => snoozeReason('dob 03/04/2015, awaiting court', NOW)).toThrow(/looks like a date of birth/);
  });

  it('is required and short', () => {
    expect(() => snoozeReason(' ', NOW)).toThrow(/Say why the wait is expected/);
    expect(() => snoozeReason('x'.repeat(201), NOW)).toThrow(/under 200 characters/);
  });
});
