import { describe, expect, it } from 'vitest';
import { plain } from '../../cards/plain-text.js';
import { DEFAULT_MILESTONE_CATALOGUE } from '../../src/domain/milestone-catalogue.js';
import { driftListText } from '../../src/programme/alerts/drift-list.js';
import { LIST_LINES, type DriftFacts } from '../../src/programme/alerts/drift-lines.js';

const TODAY = '2026-11-03';
const NAMES = new Map([
  ['permanence-milestones', 'Permanence milestones'],
  ['early-permanence', 'Early *permanence*'],
]);

/** n children accommodated a day apart from 1 Mar 2026 (35 weeks before 3 Nov, give or take), the first waiting longest. */
function alerts(n: number, groupKey = 'permanence-milestones'): DriftFacts[] {
  return Array.from({ length: n }, (_, i) => ({
    caseRef: `C${5001 + i}`,
    groupKey,
    from: 'accommodated',
    milestone: 'permanence_recommendation',
    startedOn: `2026-03-${String(1 + i).padStart(2, '0')}`,
  }));
}

const items = (text: string) => text.split('\n').filter((line) => line.startsWith('- '));

describe('a morning’s list of drift alerts', () => {
  it('names every child when they fit, longest wait first, whatever order they came in', () => {
    const text = driftListText([...alerts(5)].reverse(), DEFAULT_MILESTONE_CATALOGUE, TODAY, NAMES);
    expect(text.split('\n')[0]).toBe('*5 children have waited past their group’s alert time*');
    expect(items(text)).toEqual([
      '- *C5001*: 35 weeks 2 days since accommodation, no permanence recommendation yet',
      '- *C5002*: 35 weeks 1 day since accommodation, no permanence recommendation yet',
      '- *C5003*: 35 weeks since accommodation, no permanence recommendation yet',
      '- *C5004*: 34 weeks 6 days since accommodation, no permanence recommendation yet',
      '- *C5005*: 34 weeks 5 days since accommodation, no permanence recommendation yet',
    ]);
    expect(text).not.toMatch(/more — say/);
    expect(text).toMatch(/`snooze C5001 4 weeks "awaiting court date"` or `hand on C5001 to @name`/);
  });

  it('names at most LIST_LINES and counts the rest', () => {
    const text = driftListText(alerts(LIST_LINES + 7), DEFAULT_MILESTONE_CATALOGUE, TODAY, NAMES);
    expect(items(text)).toHaveLength(LIST_LINES);
    expect(text).toMatch(/…and 7 more — say `alerts` to see them all, 15 to a message\./);
    expect(text).not.toContain(`C${5001 + LIST_LINES}`);
  });

  it('names each child’s group only when the list spans several, as plain text', () => {
    const text = driftListText([...alerts(2), ...alerts(2, 'early-permanence').map((a, i) => ({ ...a, caseRef: `C60${i}1` }))], DEFAULT_MILESTONE_CATALOGUE, TODAY, NAMES);
    expect(items(text).filter((line) => line.endsWith('(Permanence milestones)'))).toHaveLength(2);
    expect(items(text).filter((line) => line.endsWith(`(${plain('Early *permanence*')})`))).toHaveLength(2);
  });

  it('counts and names each child once when a child in no group is past two groups’ times', () => {
    // find-drift.ts gives such a child one alert per group's threshold: a lead of both holds two.
    const both = (caseRef: string, day: number) => ['permanence-milestones', 'early-permanence'].map((groupKey) => ({ ...alerts(1, groupKey)[0]!, caseRef, startedOn: `2026-03-0${day}` }));
    const text = driftListText(
      [...both('C5001', 1), ...both('C5002', 2), { ...alerts(1)[0]!, caseRef: 'C5003', startedOn: '2026-03-03' }, { ...alerts(1, 'early-permanence')[0]!, caseRef: 'C5004', startedOn: '2026-03-04' }],
      DEFAULT_MILESTONE_CATALOGUE,
      TODAY,
      NAMES,
    );
    expect(text.split('\n').slice(0, 2)).toEqual([
      '*4 children have waited past their group’s alert time*',
      'Here they are in one message rather than one each, longest wait first:',
    ]);
    expect(items(text)).toEqual([
      `- *C5001*: 35 weeks 2 days since accommodation, no permanence recommendation yet (Permanence milestones, ${plain('Early *permanence*')})`,
      `- *C5002*: 35 weeks 1 day since accommodation, no permanence recommendation yet (Permanence milestones, ${plain('Early *permanence*')})`,
      '- *C5003*: 35 weeks since accommodation, no permanence recommendation yet (Permanence milestones)',
      `- *C5004*: 34 weeks 6 days since accommodation, no permanence recommendation yet (${plain('Early *permanence*')})`,
    ]);
  });

  it('says each of a child’s waits when their groups’ stages differ', () => {
    const waits = [
      { ...alerts(1)[0]!, caseRef: 'C5009' },
      { caseRef: 'C5009', groupKey: 'early-permanence', from: 'permanence_recommendation', milestone: 'permanence_panel', startedOn: '2026-06-01' },
    ];
    const [line] = items(driftListText(waits, DEFAULT_MILESTONE_CATALOGUE, TODAY, NAMES));
    expect(line).toMatch(/^- \*C5009\*: 35 weeks 2 days since accommodation, no permanence recommendation yet \(Permanence milestones\); 22 weeks 1 day since .*, no .* yet \(/);
  });

  it('speaks of one child as one, with no "rather than" (what is left of a list after its other children moved on)', () => {
    const text = driftListText(alerts(1), DEFAULT_MILESTONE_CATALOGUE, TODAY, NAMES);
    expect(text.split('\n')[0]).toBe('*1 child has waited past their group’s alert time*');
    expect(text).not.toMatch(/rather than|children/);
  });
});
