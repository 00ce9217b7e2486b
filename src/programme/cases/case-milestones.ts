import type { CaseMilestones, MilestoneDates } from '../../domain/measures/index.js';
import { isCalendarDate } from '../../domain/measures/calendar.js';
import { checkedAsBuilt } from '../../domain/measures/parse-cases.js';
import type { Filter } from 'mongodb';
import type { Case } from '../../store/schemas/case.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';

// The date schema's own test (IsoDateSchema), without a schema pass per date.
const real = (date: unknown): date is string => typeof date === 'string' && isCalendarDate(date);

/**
 * Stored cases as the measures need them. A date that is not a real calendar day cannot have been
 * entered through the bot (it refuses them); one that arrived by import is left out here rather than
 * stopping every chart of the workspace. Every date is checked here, so the list comes back
 * frozen and already checked: the measures do not check it again (parseCases).
 */
export function toCaseMilestones(
  cases: readonly Pick<Case, 'caseRef' | 'milestones'>[],
): readonly CaseMilestones[] {
  return checkedAsBuilt(cases.map(({ caseRef, milestones }) => ({
    caseRef,
    milestones: Object.fromEntries(
      Object.entries(milestones).map(([key, dates]): [string, MilestoneDates] => [
        key,
        {
          ...(real(dates.actual) ? { actual: dates.actual } : {}),
          ...(real(dates.planned) ? { planned: dates.planned } : {}),
        },
      ]),
    ),
  })));
}

/** Every case of the workspace (or of one team), only the fields the measures read. */
export async function loadCaseMilestones(
  store: Pick<WorkspaceStore, 'cases'>,
  filter: Filter<Case> = {},
): Promise<readonly CaseMilestones[]> {
  const cases = await store.cases.find(filter, { projection: { caseRef: 1, milestones: 1 } }).toArray();
  return toCaseMilestones(cases);
}
