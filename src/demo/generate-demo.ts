import type { Member } from '../store/schemas/member.js';
import { demoCycles, effectStart, type DemoCycle } from './demo-cycles.js';
import { demoGroups, type DemoGroup } from './demo-groups.js';
import { baselineMeasure, customDataPoints, customMeasures, type DemoDataPoint, type DemoMeasure } from './demo-measures.js';
import { DEMO_PEOPLE } from './demo-people.js';
import { demoPrompts, type DemoPrompt } from './demo-prompts.js';
import { demoProgramme, demoToday, nextMeetingDate, type DemoProgramme } from './demo-programme.js';
import { generateCases, type DemoCase } from './generate-cases.js';
import { createRandom } from './random.js';

export type DemoMember = Omit<Member, 'workspaceId' | '_id'>;

export interface DemoData {
  today: string;
  programme: DemoProgramme;
  members: DemoMember[];
  groups: DemoGroup[];
  cases: DemoCase[];
  cycles: DemoCycle[];
  measures: DemoMeasure[];
  dataPoints: DemoDataPoint[];
  prompts: DemoPrompt[];
}

export const DEFAULT_DEMO_SEED = 'glenmoray';

/**
 * The whole fictional programme of Glenmoray, computed without I/O. The same seed and the same day
 * give the same data; dates are laid out backwards from today so the charts always look current.
 */
export function generateDemo(options: { seed?: string; now: Date }): DemoData {
  const { now } = options;
  const random = createRandom(options.seed ?? DEFAULT_DEMO_SEED);
  const today = demoToday(now);
  const start = (key: string) => {
    const date = effectStart(key, today);
    if (!date) throw new Error(`no demo test of change is linked to ${key}`);
    return date;
  };
  const cases = generateCases(
    random,
    today,
    {
      firstReview: start('accommodated-to-first-lac-review'),
      recommendation: start('accommodated-to-permanence-recommendation'),
      lodging: start('adm-decision-to-application-lodged'),
    },
    now,
  );
  const baselines = [
    baselineMeasure('accommodated-to-permanence-recommendation', cases, start('accommodated-to-permanence-recommendation'), 'demo-lead', now),
    baselineMeasure('accommodated-to-first-lac-review', cases, start('accommodated-to-first-lac-review'), 'demo-lead-assessment', now),
  ].filter((m): m is DemoMeasure => m !== null);
  return {
    today,
    programme: demoProgramme(today, now),
    members: DEMO_PEOPLE.map((p) => ({ userId: p.userId, name: p.name, roles: [...p.roles], createdAt: now })),
    groups: demoGroups(nextMeetingDate(today), now),
    cases,
    cycles: demoCycles(today),
    measures: [...baselines, ...customMeasures(now)],
    dataPoints: customDataPoints(random, today, (key) => effectStart(key, today), now),
    prompts: demoPrompts(today, now),
  };
}
