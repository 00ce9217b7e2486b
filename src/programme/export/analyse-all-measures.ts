import type { Programme } from '../../store/schemas/programme.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { loadCaseMilestones } from '../cases/case-milestones.js';
import { analyseMeasure, type MeasureAnalysis } from '../measures/analyse-measure.js';
import { listMeasures } from '../measures/measure-catalogue.js';

type Store = Pick<WorkspaceStore, 'cases' | 'measures' | 'groups' | 'dataPoints'>;

// Before a programme is set up the charts read by the IHI rules, as a new programme does.
const NO_PROGRAMME: Pick<Programme, 'ruleSet' | 'milestones'> = { ruleSet: 'ihi' };

/**
 * Every measure with its points and run-chart analysis over all its data (the chat's charts show
 * the last two years; an export is the whole record), in each measure's usual view.
 */
export async function analyseAllMeasures(
  store: Store,
  programme: Programme | null,
  now: Date,
  today: string,
): Promise<MeasureAnalysis[]> {
  const [measures, cases] = await Promise.all([
    listMeasures(store, now),
    loadCaseMilestones(store),
  ]);
  const results: MeasureAnalysis[] = [];
  for (const measure of measures) {
    results.push(
      await analyseMeasure(store, programme ?? NO_PROGRAMME, measure, {
        audience: 'person',
        today,
        cases,
        window: { label: 'all data' },
      }),
    );
  }
  return results;
}
