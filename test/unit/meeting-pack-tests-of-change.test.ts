import { describe, expect, it } from 'vitest';
import { testsOfChangeLists } from '../../src/meeting-pack/pack-tests-of-change.js';
import type { CycleChange } from '../../src/programme/pdsa/queries.js';

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 10));
const step = (number: number, event: CycleChange['event'], day: number, extra: Partial<CycleChange> = {}): CycleChange => ({
  number,
  title: `Test ${number}`,
  ownerName: 'Sam',
  event,
  at: at(day),
  ...extra,
});

/**
 * The pack lists each test once, at the stage it reached since the last meeting, and a studied
 * test carries its prediction's verdict in learning words (a wrong prediction is a lesson).
 */
describe('tests of change in the meeting pack', () => {
  const lists = testsOfChangeLists(
    [
      step(3, 'carried_out', 2),
      step(3, 'studied', 9, { verdict: 'not_met' }),
      step(4, 'studied', 10, { verdict: 'met' }),
      step(5, 'planned', 11),
    ],
    [],
    (text) => text,
  );
  const items = (heading: string) => lists.find((l) => l.heading === heading)!.items;

  it('shows each studied test once, with its verdict and the steps it took', () => {
    expect(items('Studied')).toEqual([
      'T-3 Test 3, Sam, prediction not met — a lesson: the system works differently from how we thought (carried out, then studied)',
      'T-4 Test 4, Sam, prediction met',
    ]);
    expect(items('Carried out, to study next')).toEqual([]);
    expect(items('New')).toEqual(['T-5 Test 5, Sam']);
  });
});
