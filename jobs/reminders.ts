import type { Db } from 'mongodb';
import { allProgrammes } from '../src/digest/programmes.js';
import type { Logger } from '../src/log.js';
import { planReminders } from '../src/reminders/plan-reminders.js';
import { planHappenedNudges } from '../src/programme/nudges/plan-happened-nudges.js';

export interface RemindersDeps {
  db: Db;
  logger: Logger;
  clock: () => Date;
  /** Called when reminders were queued, to send them at once rather than at the next poll. */
  onQueued?: () => Promise<void>;
}

/** This week's reminders for every programme: tests overdue for Study, planned dates passed. */
export async function runReminders(deps: RemindersDeps): Promise<number> {
  const now = deps.clock();
  let queued = 0;
  for (const programme of await allProgrammes(deps.db)) {
    // "Did it happen?" first, so a plan asked about this morning is held from the lead's reminder.
    queued += await planHappenedNudges(deps.db, programme, now);
    queued += await planReminders(deps.db, programme, now);
  }
  if (queued > 0) {
    deps.logger.info({ queued }, 'reminders queued');
    await deps.onQueued?.();
  }
  return queued;
}
