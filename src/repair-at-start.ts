import type { App } from './app.js';
import { CONFIRM_LEASE_MS } from './programme/cases/apply-pending-records.js';
import { ERASE_LEASE_MS } from './programme/cases/erase-case-records.js';
import { finishStoppedChanges } from './programme/repair/finish-stopped-changes.js';

/**
 * At start-up, finishes what the last stop left half-way: at once (audit entries, and anything
 * whose lease has run out), and again as each kind of lease a stopped process could still hold
 * runs out. Another instance may be mid-change, which is why leases are waited for, not broken.
 */
export function repairAtStart(app: App): () => Promise<void> {
  let current: Promise<void> = Promise.resolve();
  const run = () =>
    (current = finishStoppedChanges(app.store.db, app.conversation.clock())
      .then((repaired) => {
        if (Object.values(repaired).some((n) => n > 0)) {
          app.logger.info({ code: 'changes_finished', ...repaired }, 'finished changes a stop left half-way');
        }
      })
      .catch((error: unknown) => app.logger.error({ err: error, code: 'repair_failed' }, 'repair at start failed')));
  void run();
  const timers = [CONFIRM_LEASE_MS, ERASE_LEASE_MS].map((lease) => setTimeout(() => void run(), lease + 1000));
  for (const timer of timers) timer.unref();
  // Stopping: no more runs, and the one under way finishes before the database closes.
  return async () => {
    timers.forEach(clearTimeout);
    await current;
  };
}
