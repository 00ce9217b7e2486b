import { describe, expect, it } from 'vitest';
import { changeLines } from '../../src/digest/render-lines.js';
import type { CycleChange } from '../../src/programme/pdsa/queries.js';

const change = (number: number, event: CycleChange['event'], day: number, extra: Partial<CycleChange> = {}): CycleChange => ({
  number,
  title: number === 12 ? 'Key-dates tracker' : 'Drift check',
  ownerName: 'Callum Reid',
  event,
  at: new Date(`2026-11-${String(day).padStart(2, '0')}T10:00:00Z`),
  ...extra,
});

describe('tests of change in the digest', () => {
  it('lists a test that moved on several times once, at its stage now, with the steps it took', () => {
    const lines = changeLines([
      change(12, 'decided', 20, { decision: 'adopt' }),
      change(20, 'planned', 12),
      change(12, 'carried_out', 3),
      change(12, 'studied', 10),
    ]);
    expect(lines.join('\n').match(/T-12/g)).toHaveLength(1);
    expect(lines).toEqual([
      '- *Started*: T-20 Drift check (Callum Reid)',
      '- *Decided*: T-12 Key-dates tracker (Callum Reid: *adopt*) — carried out, then studied, then decided',
    ]);
  });
});
