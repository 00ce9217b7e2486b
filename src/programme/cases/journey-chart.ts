import type { RenderedChart } from '../../charts/render-png.js';
import { NotFoundError } from '../../errors.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { toCaseMilestones } from './case-milestones.js';
import { loadOnce } from '../../load-once.js';

const journeyRenderer = loadOnce(() => import('../../charts/render-journey-timeline.js'));

/** One child's milestones on a date axis: actual dates, then planned ones, in date order. */
export async function journeyChart(
  store: Pick<WorkspaceStore, 'cases'>,
  caseRef: string,
  catalogue: readonly { key: string; label: string }[],
  asOf?: string,
): Promise<RenderedChart> {
  const found = await store.cases.findOne({ caseRef });
  if (!found) throw new NotFoundError(`There is no case ${caseRef} yet.`, 'unknown_case');
  const { milestones } = toCaseMilestones([found])[0]!;
  const order = new Map(catalogue.map((m, i) => [m.key, i]));
  const entries = Object.entries(milestones).flatMap(([key, dates]) => {
    const label = (catalogue.find((m) => m.key === key)?.label ?? key.replace(/_/g, ' ')).slice(
      0,
      40,
    );
    // A reached milestone's date is what happened; a plan for it no longer matters.
    if (dates.actual) return [{ key, label, date: dates.actual, planned: false }];
    return dates.planned ? [{ key, label, date: dates.planned, planned: true }] : [];
  });
  if (entries.length === 0)
    throw new NotFoundError(`${caseRef} has no milestone dates yet.`, 'no_milestones');
  entries.sort(
    (a, b) => a.date.localeCompare(b.date) || (order.get(a.key) ?? 99) - (order.get(b.key) ?? 99),
  );
  // Loaded on first use: the chart libraries take a second or more to load, which start-up should not pay.
  const { renderJourneyTimeline } = await journeyRenderer();
  return renderJourneyTimeline({
    caseRef,
    title: `${caseRef}: journey to permanence`,
    milestones: entries.map(({ label, date, planned }) => ({ label, date, planned })),
    ...(asOf ? { asOf } : {}),
  });
}
