import { milestoneSettings } from '../cases/milestone-settings.js';
import type { ModelContext } from '../model-context.js';
import type { TrackerSettings } from '../tracker/tracker-types.js';

/** A tracker is read with the same milestones, reference pattern and date limits as a sentence. */
export function trackerSettings(ctx: Pick<ModelContext, 'programme' | 'now'>): TrackerSettings {
  const { catalogue, pattern, today, maxYearsBack, maxYearsAhead, caseRefExample } = milestoneSettings(ctx);
  return { catalogue, pattern, today, maxYearsBack, maxYearsAhead, caseRefExample };
}
