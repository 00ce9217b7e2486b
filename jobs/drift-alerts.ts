import type { Db } from 'mongodb';
import { planDriftAlerts } from '../src/programme/alerts/plan-drift-alerts.js';
import { allProgrammes } from '../src/digest/programmes.js';
import type { Logger } from '../src/log.js';

export interface DriftAlertsDeps {
  db: Db;
  logger: Logger;
  clock: () => Date;
  /** Called when alerts were queued, to send them at once rather than at the next poll. */
  onQueued?: () => Promise<void>;
}

/** Every programme's drift alerts: children past their aim group's threshold, told to the lead privately. */
export async function runDriftAlerts(deps: DriftAlertsDeps): Promise<number> {
  const now = deps.clock();
  let queued = 0;
  for (const programme of await allProgrammes(deps.db)) {
    queued += await planDriftAlerts(deps.db, programme, now);
  }
  if (queued > 0) {
    deps.logger.info({ queued }, 'drift alerts queued');
    await deps.onQueued?.();
  }
  return queued;
}
