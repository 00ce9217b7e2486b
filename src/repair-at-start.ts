import type { App } from './app.js';

/** The repair and the leases it waits for: about twenty modules, imported once the server listens. */
async function loadRepair() {
  const [{ CONFIRM_LEASE_MS }, { ERASE_LEASE_MS }, { finishStoppedChanges }] = await Promise.all([
    import('./programme/cases/apply-pending-records.js'),
    import('./programme/cases/erase-case-records.js'),
    import('./programme/repair/finish-stopped-changes.js'),
  ]);
  return { finishStoppedChanges, leases: [CONFIRM_LEASE_MS, ERASE_LEASE_MS] };
}

/**
 * At start-up, finishes what the last stop left half-way: at once (audit entries, and anything
 * whose lease has run out), and again as each kind of lease a stopped process could still hold
 * runs out. Another instance may be mid-change, which is why leases are waited for, not broken.
 * Its code loads here, after listening, so it does not delay /healthz (issue 14).
 */
export function repairAtStart(app: App): () => Promise<void> {
  let stopped = false;
  const timers: NodeJS.Timeout[] = [];
  const fail = (error: unknown) => app.logger.error({ err: error, code: 'repair_failed' }, 'repair at start failed');
  let current: Promise<void> = loadRepair()
    .then(({ finishStoppedChanges, leases }) => {
      if (stopped) return;
      const run = () =>
        (current = finishStoppedChanges(app.store.db, app.conversation.clock())
          .then((repaired) => {
            if (Object.values(repaired).some((n) => n > 0)) {
              app.logger.info({ code: 'changes_finished', ...repaired }, 'finished changes a stop left half-way');
            }
          })
          .catch(fail));
      for (const lease of leases) timers.push(setTimeout(() => void run(), lease + 1000).unref());
      return run();
    })
    .catch(fail);
  // Stopping: no more runs, and the one under way (or the import before it) finishes before the
  // database closes.
  return async () => {
    stopped = true;
    timers.forEach(clearTimeout);
    await current;
  };
}
