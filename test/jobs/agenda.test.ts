import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { createScheduler, type JobDefinition } from '../../src/scheduler.js';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

let testDb: TestDb;
beforeAll(async () => {
  testDb = await openTestDb('agenda');
});
afterAll(async () => {
  await testDb.drop();
});

/** Resolves when the named job completes, with its data; attach before triggering (agenda's runJobAndWait). */
function ranOnce(scheduler: ReturnType<typeof createScheduler>, name: string): Promise<unknown> {
  return new Promise((resolve) => {
    scheduler.agenda.on(`complete:${name}`, (job: { attrs: { data: unknown } }) => resolve(job.attrs.data));
  });
}

describe('Agenda on our own Db', () => {
  it('schedules a job and observes it run', async () => {
    const seen: unknown[] = [];
    const jobs: JobDefinition[] = [{ name: 'say-hello', handler: async (job) => void seen.push(job.attrs.data) }];
    const scheduler = createScheduler(testDb.db, createLogger('silent'), jobs, { processEvery: 100 });
    const done = ranOnce(scheduler, 'say-hello');
    await scheduler.start();
    await scheduler.agenda.now('say-hello', { to: 'champions' });
    expect(await done).toEqual({ to: 'champions' });
    expect(seen).toEqual([{ to: 'champions' }]);
    await scheduler.stop();
    // The client is ours, not Agenda's: still usable after Agenda stops.
    expect(await testDb.db.collection('agenda_jobs').countDocuments({ name: 'say-hello' })).toBe(1);
  });

  it('runs after a restart a job that was scheduled before it', async () => {
    const ran: string[] = [];
    const jobs = (instance: string): JobDefinition[] => [{ name: 'later', handler: async () => void ran.push(instance) }];
    const first = createScheduler(testDb.db, createLogger('silent'), jobs('first'), { processEvery: 100 });
    await first.start();
    await first.agenda.schedule(new Date(Date.now() + 1_500), 'later', {});
    await first.stop(); // the process "restarts" before the job is due
    expect(ran).toEqual([]);

    const second = createScheduler(testDb.db, createLogger('silent'), jobs('second'), { processEvery: 100 });
    const done = ranOnce(second, 'later');
    await second.start();
    await done;
    expect(ran).toEqual(['second']);
    await second.stop();
  });
});
