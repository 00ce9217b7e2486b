import { loadOnce } from '../src/load-once.js';

/**
 * A job's run function whose module is imported on its first call and kept, so registering the job
 * loads none of its code at start-up (issue 14). Should the import fail, every run fails with that
 * error, which Agenda logs as the job's.
 */
export function loadOnFirstRun<D>(load: () => Promise<(deps: D) => Promise<unknown>>): (deps: D) => Promise<void> {
  const loaded = loadOnce(load);
  return async (deps) => {
    await (await loaded())(deps);
  };
}
