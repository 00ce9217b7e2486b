import type { Db } from 'mongodb';
import { allProgrammes } from '../src/digest/programmes.js';
import type { Logger } from '../src/log.js';
import { applyRetention } from '../src/programme/retention/apply-retention.js';
import { forgetFinishedQuestions } from '../src/programme/retention/forget-finished-questions.js';

export interface RetentionDeps {
  db: Db;
  logger: Logger;
  clock: () => Date;
  /** Called when notices were queued, to send them at once. */
  onQueued?: () => Promise<void>;
}

/**
 * Every programme's retention rule: erases what is due, tells admins of what is due soon; then, in
 * every workspace, deletes questions answered or expired more than a week ago.
 */
export async function runRetention(deps: RetentionDeps): Promise<{ erased: number; noticed: number }> {
  const total = { erased: 0, noticed: 0 };
  for (const programme of await allProgrammes(deps.db)) {
    const run = await applyRetention(deps.db, programme, deps.clock());
    total.erased += run.erased;
    total.noticed += run.noticed;
  }
  const questionsDeleted = await forgetFinishedQuestions(deps.db, deps.clock());
  if (total.erased + total.noticed + questionsDeleted > 0) {
    deps.logger.info({ code: 'retention', ...total, questionsDeleted }, 'retention applied');
    if (total.noticed > 0) await deps.onQueued?.();
  }
  return total;
}
