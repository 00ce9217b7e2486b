import { describe, expect, it } from 'vitest';
import { describeChanges } from '../../src/programme/export/audit-changes.js';

// The export's Audit sheet, read by a DPO: adding a lead read "leads: [] → —; members: [] → —;
// leads[0]: — → local-sam-lee", as if the lists had been removed (a try-out).
describe('what an audit entry changed, in the export', () => {
  it('gives a list of names or ids as one value, "none" when empty', () => {
    const before = { name: 'Permanence', leads: [], members: ['U1'] };
    const after = { name: 'Permanence', leads: ['local-sam-lee'], members: ['U1', 'U2'] };
    expect(describeChanges(before, after)).toBe('leads: none → local-sam-lee; members: U1 → U1, U2');
  });

  it('a list emptied reads as none', () => {
    expect(describeChanges({ leads: ['U1'] }, { leads: [] })).toBe('leads: U1 → none');
  });

  it('still gives a changed date by its path, and leaves unchanged lists out', () => {
    const before = { milestones: { accommodated: { actual: '2026-10-03' } }, tags: ['a'] };
    const after = { milestones: { accommodated: { actual: '2026-10-04' } }, tags: ['a'] };
    expect(describeChanges(before, after)).toBe('milestones.accommodated.actual: 2026-10-03 → 2026-10-04');
  });

  it('a list of records says how many, then gives each record item by item', () => {
    const before = { phases: [] };
    const after = { phases: [{ startPeriod: '2026-03', reason: 'new panel' }] };
    expect(describeChanges(before, after)).toBe(
      'phases: none → 1 item; phases[0].startPeriod: — → 2026-03; phases[0].reason: — → new panel',
    );
  });

  it('names people the programme holds, by their chat user id, and leaves other values as they are', () => {
    const named = (value: string) => ({ U1: 'Sam Lee', U2: 'Kim Ode' })[value];
    expect(describeChanges({ leads: ['U1'], name: 'U1 team' }, { leads: ['U1', 'U2', 'U9'], name: 'U2' }, named)).toBe(
      'leads: Sam Lee → Sam Lee, Kim Ode, U9; name: U1 team → Kim Ode',
    );
  });
});
