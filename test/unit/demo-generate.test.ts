import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERVAL_MEASURES, intervalMeasure } from '../../src/domain/measures/index.js';
import { nextMeeting } from '../../src/domain/meetings/index.js';
import { DEFAULT_MILESTONE_CATALOGUE } from '../../src/domain/milestone-catalogue.js';
import { expectedOrder } from '../../src/domain/milestone-order.js';
import { median } from '../../src/domain/runchart/median.js';
import { effectStart } from '../../src/demo/demo-cycles.js';
import { generateDemo } from '../../src/demo/generate-demo.js';

const NOW = new Date('2026-11-19T10:00:00Z');
const demo = generateDemo({ now: NOW });

describe('the demo generator', () => {
  it('gives the same programme for the same seed and day, and another one for another seed', () => {
    expect(generateDemo({ now: NOW })).toEqual(demo);
    const other = generateDemo({ now: NOW, seed: 'another area' });
    expect(other.cases.map((c) => c.milestones)).not.toEqual(demo.cases.map((c) => c.milestones));
  });

  it('makes about 150 children with pseudonymous references only, in journey order', () => {
    const refs = demo.cases.map((c) => c.caseRef);
    expect(refs).toHaveLength(150);
    expect(refs[0]).toBe('C1001');
    expect(refs.at(-1)).toBe('C1150');
    expect(new Set(refs).size).toBe(150);
    expect(demo.cases.every((c) => c.demo === true && Object.keys(c).every((k) => !/name|birth|address/i.test(k)))).toBe(true);
  });

  it('never records an actual date in the future or out of the expected order', () => {
    const pairs = expectedOrder(DEFAULT_MILESTONE_CATALOGUE);
    for (const c of demo.cases) {
      const actual = Object.fromEntries(Object.entries(c.milestones).flatMap(([k, d]) => (d.actual ? [[k, d.actual]] : [])));
      for (const date of Object.values(actual)) expect(date < demo.today).toBe(true);
      for (const { earlier, later } of pairs) {
        if (actual[earlier] && actual[later]) expect(actual[earlier] <= actual[later], `${c.caseRef} ${earlier} → ${later}`).toBe(true);
      }
    }
  });

  it.each([
    ['accommodated-to-permanence-recommendation'],
    ['accommodated-to-first-lac-review'],
    ['adm-decision-to-application-lodged'],
  ])('shortens %s after its first test of change starts', (key) => {
    const measure = DEFAULT_INTERVAL_MEASURES.find((m) => m.id === key)!;
    const start = effectStart(key, demo.today)!;
    const { intervals } = intervalMeasure(demo.cases, { from: measure.from, to: measure.to });
    const before = intervals.filter((i) => i.end < start).map((i) => i.days);
    const after = intervals.filter((i) => i.end >= start).map((i) => i.days);
    expect(before.length).toBeGreaterThanOrEqual(8);
    expect(after.length).toBeGreaterThanOrEqual(20);
    expect(median(before)!).toBeGreaterThan(median(after)! * 1.2);
  });

  it('has about 20 tests of change in ramps, most with Do, Study and Act filled', () => {
    const { cycles } = demo;
    expect(cycles.length).toBeGreaterThanOrEqual(18);
    expect(cycles.map((c) => c.number)).toEqual(cycles.map((_, i) => i + 1));
    const decided = cycles.filter((c) => c.stage === 'act');
    expect(decided.length).toBeGreaterThanOrEqual(15);
    for (const c of decided) expect(c.do && c.study && c.act).toBeTruthy();
    const ramps = cycles.filter((c) => c.previousNumber !== undefined);
    expect(ramps.length).toBeGreaterThanOrEqual(6);
    for (const c of ramps) {
      const previous = cycles.find((p) => p.number === c.previousNumber)!;
      expect(previous.changeIdea).toBe(c.changeIdea);
      expect(c.rampPosition).toBe(previous.rampPosition + 1);
      expect(previous.startedOn! < c.startedOn!).toBe(true);
    }
  });

  it('links tests only to measures that exist', () => {
    const known = new Set([...DEFAULT_INTERVAL_MEASURES.map((m) => m.id), ...demo.measures.map((m) => m.key)]);
    for (const c of demo.cycles) for (const key of c.linkedMeasures) expect(known, key).toContain(key);
    for (const g of demo.groups) expect(known, g.key).toContain(g.aim!.measureKey);
  });

  it('puts the next champions’ meeting a few days from now', () => {
    const next = nextMeeting({ ...demo.programme.meeting!, timeZone: demo.programme.timeZone }, NOW)!;
    const days = (next.at.getTime() - NOW.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(2);
    expect(days).toBeLessThan(6);
  });

  it('gives the custom measures monthly values for the last two years', () => {
    const health = demo.dataPoints.filter((p) => p.measureKey === 'health-assessment-within-4-weeks');
    expect(health).toHaveLength(23);
    expect(health.at(-1)!.period).toBe('2026-10');
    const start = effectStart('health-assessment-within-4-weeks', demo.today)!.slice(0, 7);
    const before = health.filter((p) => p.period < start).map((p) => p.value);
    const after = health.filter((p) => p.period > start).map((p) => p.value);
    expect(median(before)!).toBeLessThan(median(after)!);
  });
});
