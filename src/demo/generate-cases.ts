import type { Case, MilestoneDates } from '../store/schemas/case.js';
import { addDays, daysFrom } from './dates.js';
import type { Random } from './random.js';

export type DemoCase = Omit<Case, 'workspaceId' | '_id'>;

export const DEMO_CASE_COUNT = 150;
const FIRST_REF = 1001;
/** A planned date is recorded for the next milestone when it is this close. */
const PLANNED_HORIZON_DAYS = 42;

/** When each stage started to improve: the first linked test of change (demo-cycles.ts `effectStart`). */
export interface DemoEffects {
  firstReview: string;
  recommendation: string;
  lodging: string;
}

type Journey = { start: string; route: Case['route']; dates: [string, string][] };

/**
 * About 150 children over two years, C1001 upwards in the order their journeys began. Six in ten
 * go on to permanence, a quarter return home, the rest are at home on a supervision order (Aim 1).
 * Intervals shorten once the linked test of change has started; a journey that straddles the start
 * improves in proportion to the share of it that came after, so the charts shift gradually.
 */
export function generateCases(random: Random, today: string, effects: DemoEffects, now: Date): DemoCase[] {
  const journeys: Journey[] = [];
  for (let i = 0; i < DEMO_CASE_COUNT; i++) {
    const kind = random.weighted([['permanence', 60], ['home', 25], ['cso', 15]] as const);
    journeys.push(kind === 'cso' ? supervisionJourney(random, today) : accommodatedJourney(random, today, effects, kind));
  }
  journeys.sort((a, b) => a.start.localeCompare(b.start));
  return journeys.map((journey, i) => ({
    caseRef: `C${FIRST_REF + i}`,
    route: journey.route,
    milestones: milestonesUpTo(journey.dates, today),
    // Version 1, as a case first written with its dates is (write-case.ts): version 0 is a case
    // with no dates yet, whose first change starts the child's journey.
    version: 1,
    demo: true,
    createdAt: now,
    updatedAt: now,
  }));
}

function accommodatedJourney(random: Random, today: string, effects: DemoEffects, kind: 'permanence' | 'home'): Journey {
  // Children on the way to permanence take a year or more to reach a decision, so their journeys
  // start further back: enough of them reach each milestone inside the charts' two-year window.
  const accommodated = addDays(today, -random.int(10, kind === 'permanence' ? 900 : 730));
  const after = (days: number, from = accommodated) => addDays(from, days);
  const firstReviewDays =
    accommodated >= effects.firstReview
      ? random.chance(0.9) ? random.int(7, 14) : random.int(15, 24)
      : random.int(17, 45);
  const dates: [string, string][] = [['accommodated', accommodated], ['first_lac_review', after(firstReviewDays)]];
  if (random.chance(0.95)) dates.push(['planning_meeting_72h', after(random.int(1, 3))]);
  const undecided = daysFrom(accommodated, today) < 70;
  if (kind === 'home') {
    if (random.chance(0.4)) dates.push(['cso_at_home', after(random.int(8, 30) * 7)]);
    return { start: accommodated, route: undecided ? 'unknown' : 'home', dates };
  }
  const recommendation = after(improved(random.int(30, 54) * 7 + random.int(0, 6), accommodated, effects.recommendation, 0.4));
  const panel = addDays(recommendation, random.int(5, 12) * 7);
  const adm = addDays(panel, random.int(1, 4) * 7 + random.int(0, 4));
  const lodged = addDays(adm, improved(random.int(12, 24) * 7, adm, effects.lodging, 0.55));
  dates.push(
    ['legal_advice', addDays(recommendation, -random.int(2, 8) * 7)],
    ['permanence_recommendation', recommendation],
    ['permanence_panel', panel],
    ['adm_decision', adm],
    ['application_lodged', lodged],
    ['order_granted', addDays(lodged, random.int(10, 26) * 7)],
  );
  const route = random.weighted([['permanence_order', 40], ['adoption', 35], ['kinship', 25]] as const);
  return { start: accommodated, route: undecided ? 'unknown' : route, dates };
}

/** Aim 1: children at home on a supervision order; most are reviewed soon after two years. */
function supervisionJourney(random: Random, today: string): Journey {
  const start = addDays(today, -random.int(400, 1400));
  const dates: [string, string][] = [['cso_at_home', start]];
  if (random.chance(0.7)) dates.push(['cso_review', addDays(start, random.int(104, 125) * 7)]);
  return { start, route: 'home', dates };
}

/** `days` cut by up to `cut` (a share), in proportion to how much of the interval came after `effect`. */
function improved(days: number, from: string, effect: string, cut: number): number {
  const afterEffect = Math.min(Math.max(daysFrom(effect, from) + days, 0), days);
  return Math.round(days * (1 - (cut * afterEffect) / days));
}

/** Past dates are actual; the next milestone is planned when it is close; later ones are not known yet. */
function milestonesUpTo(dates: [string, string][], today: string): Record<string, MilestoneDates> {
  const milestones: Record<string, MilestoneDates> = {};
  let plannedOne = false;
  for (const [key, date] of [...dates].sort((a, b) => a[1].localeCompare(b[1]))) {
    if (date < today) milestones[key] = { actual: date };
    else if (!plannedOne && daysFrom(today, date) <= PLANNED_HORIZON_DAYS) {
      milestones[key] = { planned: date };
      plannedOne = true;
    } else break;
  }
  return milestones;
}
