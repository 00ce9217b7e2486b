import type { Db } from 'mongodb';
import type { Logger } from '../src/log.js';
import { finishStoppedImports } from '../src/programme/imports/finish-stopped-imports.js';
import type { JobDefinition } from '../src/scheduler.js';

/** 'finish-imports': every few minutes, completes a tracker import a crash or a restart stopped. */
export function finishImportsJob(deps: { db: Db; logger: Logger; clock: () => Date }): JobDefinition {
  const handler = async () => {
    const finished = await finishStoppedImports(deps.db, deps.clock());
    if (finished > 0) deps.logger.info({ code: 'imports_finished', finished }, 'finished stopped imports');
  };
  return { name: 'finish-imports', every: '5 minutes', handler };
}
