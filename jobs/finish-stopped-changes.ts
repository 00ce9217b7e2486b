import type { Db } from 'mongodb';
import type { Logger } from '../src/log.js';
import { finishStoppedChanges } from '../src/programme/repair/finish-stopped-changes.js';
import type { JobDefinition } from '../src/scheduler.js';

/**
 * 'finish-stopped-changes': every minute, finishes what a crash or a restart stopped half-way
 * (audit entries, confirmations, erasures, imports). It also runs once at start-up (main.ts).
 */
export function finishStoppedChangesJob(deps: { db: Db; logger: Logger; clock: () => Date }): JobDefinition {
  const handler = async () => {
    const repaired = await finishStoppedChanges(deps.db, deps.clock());
    if (Object.values(repaired).some((n: number) => n > 0)) {
      deps.logger.info({ code: 'changes_finished', ...repaired }, 'finished changes a stop left half-way');
    }
  };
  return { name: 'finish-stopped-changes', every: '1 minute', handler };
}
