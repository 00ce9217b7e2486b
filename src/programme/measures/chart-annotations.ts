import type { RunChartAnnotation } from '../../charts/run-chart-spec.js';
import type { MeasurePoint } from '../../domain/measures/index.js';
import { cycleId } from '../pdsa/cycle-id.js';
import type { LinkedTest } from '../pdsa/queries.js';
import { comparePeriods } from './chart-settings.js';

/** A test of change that started before the chart's first point: listed with it, not drawn. */
export interface EarlierTest {
  /** "T-4 Key-dates tracker with the North team", as typed (not yet made safe for markdown). */
  label: string;
  startedOn: string;
}

export interface ChartTests {
  /**
   * Markers at the first point on or after each test's start, in date order, labelled with the
   * test's number only: titles took up to half a phone-sized chart, so they are listed under it.
   */
  drawn: RunChartAnnotation[];
  /** The drawn tests with their titles, for the list under the chart. */
  marked: EarlierTest[];
  earlier: EarlierTest[];
}

/**
 * The tests of change a measure's chart shows. Only tests linked to the measure count: the PDSA form
 * says that linking a measure is what puts a test on its chart, and a group's other tests may be
 * about something else. Each is marked at the first point on or after its start; one that started
 * before the first point has no place on the chart (marking it there would date it wrongly), and one
 * that started after the last point has nothing to mark yet.
 */
export function chartAnnotations(linked: readonly LinkedTest[], points: readonly MeasurePoint[]): ChartTests {
  const first = points[0];
  const tests: ChartTests = { drawn: [], marked: [], earlier: [] };
  if (!first) return tests;
  for (const cycle of linked) {
    const label = `${cycleId(cycle.number)} ${cycle.title}`;
    if (comparePeriods(first.period, cycle.startedOn) > 0) {
      tests.earlier.push({ label, startedOn: cycle.startedOn });
      continue;
    }
    const index = points.findIndex((p) => comparePeriods(p.period, cycle.startedOn) >= 0);
    if (index >= 0) {
      tests.drawn.push({ index, label: cycleId(cycle.number) });
      tests.marked.push({ label, startedOn: cycle.startedOn });
    }
  }
  return tests;
}
