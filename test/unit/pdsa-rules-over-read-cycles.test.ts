import { describe, expect, it } from 'vitest';
import { changesSince, linkedTests, overdueForStudy } from '../../src/programme/pdsa/queries.js';
import type { PdsaCycle } from '../../src/store/schemas/pdsa.js';

/** A cycle as the store holds it; only what the rules read is filled in. */
function cycle(fields: Partial<PdsaCycle> & { number: number }): PdsaCycle {
  return {
    title: `Test ${fields.number}`,
    ownerName: 'Ann',
    groupKey: 'legal',
    stage: 'plan',
    linkedMeasures: [],
    stageDates: {},
    ...fields,
  } as PdsaCycle;
}

// The digest reads a programme's tests of change once and applies these rules to them; the store
// queries of the chat apply the same rules to what they read (issue 15).
describe('the tests-of-change rules over cycles already read', () => {
  it('marks a measure’s linked tests by start date, then number, and only those with a start date', () => {
    const cycles = [
      cycle({ number: 3, linkedMeasures: ['m1'], startedOn: '2026-10-02' }),
      cycle({ number: 1, linkedMeasures: ['m1', 'm2'], startedOn: '2026-10-02' }),
      cycle({ number: 2, linkedMeasures: ['m1'], startedOn: '2026-09-30' }),
      cycle({ number: 4, linkedMeasures: ['m1'] }),
      cycle({ number: 5, linkedMeasures: ['m1'], startedOn: null as unknown as string }),
      cycle({ number: 6, linkedMeasures: ['m2'], startedOn: '2026-09-01' }),
      cycle({ number: 7, linkedMeasures: undefined as unknown as string[], startedOn: '2026-09-01' }),
    ];
    expect(linkedTests(cycles, 'm1').map((t) => [t.number, t.startedOn])).toEqual([
      [2, '2026-09-30'],
      [1, '2026-10-02'],
      [3, '2026-10-02'],
    ]);
  });

  it('finds a group’s tests carried out long enough ago and not studied, oldest first', () => {
    const carried = (on: unknown) => ({ do: { carriedOutOn: on, whatHappened: 'ran it' } }) as Partial<PdsaCycle>;
    const cycles = [
      cycle({ number: 1, stage: 'do', ...carried('2026-10-20') }),
      cycle({ number: 2, stage: 'do', ...carried('2026-10-01') }),
      cycle({ number: 3, stage: 'do', ...carried('2026-11-01') }),
      cycle({ number: 4, stage: 'study', ...carried('2026-09-01') }),
      cycle({ number: 5, stage: 'do', groupKey: 'panel', ...carried('2026-09-01') }),
      cycle({ number: 6, stage: 'do', ...carried(null) }),
    ];
    const now = new Date('2026-11-02T10:00:00Z');
    expect(overdueForStudy(cycles, now, 7, 'legal').map((c) => c.number)).toEqual([2, 1]);
    expect(overdueForStudy(cycles, now, 7).map((c) => c.number)).toEqual([5, 2, 1]);
  });

  it('lists a group’s changes since an instant in time order, the group’s only', () => {
    const at = (iso: string) => new Date(iso);
    const cycles = [
      cycle({ number: 1, stageDates: { plan: at('2026-10-01T09:00:00Z'), do: at('2026-10-20T09:00:00Z') } }),
      cycle({ number: 2, stageDates: { plan: at('2026-10-15T09:00:00Z') } }),
      cycle({ number: 3, groupKey: 'panel', stageDates: { plan: at('2026-10-16T09:00:00Z') } }),
    ];
    const changes = changesSince(cycles, 'legal', at('2026-10-10T00:00:00Z'));
    expect(changes.map((c) => [c.number, c.event])).toEqual([
      [2, 'planned'],
      [1, 'carried_out'],
    ]);
  });
});
