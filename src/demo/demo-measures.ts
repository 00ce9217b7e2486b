import { DEFAULT_INTERVAL_MEASURES } from '../domain/measures/index.js';
import type { DataPoint } from '../store/schemas/data-point.js';
import type { Measure } from '../store/schemas/measure.js';
import { addMonths } from './dates.js';
import { demoPerson } from './demo-people.js';
import type { DemoCase } from './generate-cases.js';
import type { Random } from './random.js';

export type DemoMeasure = Omit<Measure, 'workspaceId' | '_id'>;
export type DemoDataPoint = Omit<DataPoint, 'workspaceId' | '_id'>;

interface CustomSpec {
  key: string;
  name: string;
  groupKey: string;
  leadId: string;
  target: number;
  /** Typical monthly % before and after the test of change, and the month-to-month spread. */
  before: number | null;
  after: number;
  spread: number;
}

const CUSTOM: CustomSpec[] = [
  { key: 'health-assessment-within-4-weeks', name: 'Health assessment within 4 weeks', groupKey: 'health', leadId: 'demo-lead-health', target: 90, before: 55, after: 86, spread: 7 },
  // The template did not exist before its first test, so there is nothing to count before then.
  { key: 'hearing-reports-new-template', name: 'Hearing reports using the new template', groupKey: 'legal-processes', leadId: 'demo-lead-legal', target: 80, before: null, after: 80, spread: 5 },
  { key: 'education-plan-within-6-weeks', name: 'Education plan meeting within 6 weeks', groupKey: 'education', leadId: 'demo-lead-education', target: 75, before: 45, after: 71, spread: 7 },
];

const actor = (userId: string) => ({ userId, name: demoPerson(userId)?.name ?? userId });

/** The groups' own monthly measures. */
export function customMeasures(now: Date): DemoMeasure[] {
  return CUSTOM.map((spec) => ({
    key: spec.key,
    groupKey: spec.groupKey,
    kind: 'custom',
    name: spec.name,
    unit: '%',
    frequency: 'monthly',
    betterDirection: 'up',
    target: spec.target,
    settings: { phases: [], exclusions: [], astronomical: [] },
    version: 0,
    createdBy: actor(spec.leadId),
    createdAt: now,
    updatedAt: now,
  }));
}

/**
 * Monthly values for the last 23 complete months. After the linked test starts, values climb to
 * their new level over two months, as a change spreads through the teams.
 */
export function customDataPoints(random: Random, today: string, effectStart: (key: string) => string | undefined, now: Date): DemoDataPoint[] {
  const months = Array.from({ length: 23 }, (_, i) => addMonths(today, i - 23));
  return CUSTOM.flatMap((spec) => {
    const start = effectStart(spec.key)?.slice(0, 7) ?? months[0]!;
    return months.flatMap((period) => {
      const monthsIn = months.indexOf(period) - months.indexOf(start);
      if (monthsIn < 0 && spec.before === null) return [];
      const base = spec.before ?? spec.after / 2;
      const level = monthsIn < 0 ? base : base + (spec.after - base) * Math.min(1, (monthsIn + 1) / 3);
      const value = Math.min(100, Math.max(0, Math.round(level + (random.next() * 2 - 1) * spec.spread)));
      return [{ measureKey: spec.key, period, value, recordedBy: actor(spec.leadId), createdAt: now, updatedAt: now }];
    });
  });
}

/**
 * A frozen baseline on an interval measure: the median of the children who reached the end
 * milestone before the first test of change, as a lead would set it. Null without such children.
 */
export function baselineMeasure(key: string, cases: readonly DemoCase[], effect: string, leadId: string, now: Date): DemoMeasure | null {
  const definition = DEFAULT_INTERVAL_MEASURES.find((m) => m.id === key);
  if (!definition) throw new Error(`no default interval measure ${key}`);
  // The per-child chart's order: by the date each child reached the end milestone, then by reference.
  const before = cases
    .flatMap((c) => {
      const start = c.milestones[definition.from]?.actual;
      const end = c.milestones[definition.to]?.actual;
      return start && end && end < effect ? [{ caseRef: c.caseRef, end }] : [];
    })
    .sort((a, b) => a.end.localeCompare(b.end) || a.caseRef.localeCompare(b.caseRef));
  const last = before.at(-1);
  if (!last) return null;
  const { id, ...fields } = definition;
  return {
    key: id,
    kind: 'interval',
    frequency: 'per-child',
    ...fields,
    settings: {
      freeze: { count: before.length, throughPeriod: last.end, throughCaseRef: last.caseRef, reason: 'Baseline before our first test of change', by: actor(leadId), at: now },
      phases: [],
      exclusions: [],
      astronomical: [],
    },
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}
