import type { Db } from 'mongodb';
import type { Logger } from '../src/log.js';
import { finishStoppedChanges } from '../src/programme/repair/finish-stopped-changes.js';

/**
 * Finishes what a crash or a restart stopped half-way (audit entries, confirmations, erasures,
 * imports). Scheduled every minute (schedules.ts); it also runs once at start-up (main.ts).
 */
export async function runFinishStoppedChanges(deps: { db: Db; logger: Logger; clock: () => Date }): Promise<void> {
  const repaired = await finishStoppedChanges(deps.db, deps.clock());
  if (Object.values(repaired).some((n: number) => n > 0)) {
    deps.logger.info({ code: 'changes_finished', ...repaired }, 'finished changes a stop left half-way');
  }
}
