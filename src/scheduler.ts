import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda, type Job } from 'agenda';
import type { Db } from 'mongodb';
import type { Logger } from './log.js';
import { jobRunsTotal } from './metrics/metrics.js';

/** One Agenda job: its name (= file name in jobs/) and handler. */
/** How long a stop waits for running jobs before unlocking them for another instance. */
const DRAIN_MS = 10_000;

export interface JobDefinition {
  name: string;
  handler: (job: Job) => Promise<void>;
  /** Recurring schedule, e.g. '5 minutes'; omitted for jobs scheduled at a specific time. */
  every?: string;
  /** How long a job may hold its lock before another instance may take it over (ms). */
  lockLifetime?: number;
}

export interface Scheduler {
  agenda: Agenda;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Agenda on our own `Db` (it neither owns nor closes the connection). Pass processEvery in
 * milliseconds as a number: Agenda's human-interval reads '300 milliseconds' as 300 seconds.
 * Agenda's lock makes exactly one
 * instance run each job; a job scheduled before a restart is in MongoDB and runs after it.
 */
export function createScheduler(db: Db, logger: Logger, jobs: JobDefinition[], options: { processEvery?: string | number } = {}): Scheduler {
  const agenda = new Agenda({
    backend: new MongoBackend({ mongo: db, collection: 'agenda_jobs' }),
    processEvery: options.processEvery ?? '15 seconds',
    name: `pacebot-${process.pid}`,
  });
  for (const job of jobs) {
    agenda.define(job.name, job.handler, job.lockLifetime ? { lockLifetime: job.lockLifetime } : {});
  }
  const known = new Set(jobs.map((job) => job.name));
  const jobLabel = (job: Job) => (known.has(job.attrs.name) ? job.attrs.name : 'other');
  // Agenda's boundary: log once with the job name; the job's own retry logic decides what happens next.
  agenda.on('fail', (error: Error, job: Job) => {
    jobRunsTotal.inc({ job: jobLabel(job), outcome: 'failure' });
    logger.error({ err: error, job: job.attrs.name }, 'job failed');
  });
  agenda.on('success', (job: Job) => jobRunsTotal.inc({ job: jobLabel(job), outcome: 'success' }));
  agenda.on('error', (error: Error) => logger.error({ err: error }, 'scheduler error'));
  return {
    agenda,
    async start() {
      await agenda.start();
      for (const job of jobs) if (job.every) await agenda.every(job.every, job.name);
    },
    async stop() {
      // Agenda creates its indexes from the constructor on; closing the client under that (a start-up
      // that failed to listen) would be an uncaught MongoClientClosedError.
      await agenda.ready.catch(() => undefined);
      // Let a running job finish (a delivery marked sent settles its digest right after): stopping
      // under it would leave that second write to the repair at the next start. Bounded, so a hung
      // job cannot hold the shutdown; whatever is still running then is unlocked for another
      // instance, as stop() always did.
      const drained = await agenda.drain({ timeout: DRAIN_MS, closeConnection: false });
      if (drained.running > 0) await agenda.stop(false);
    },
  };
}
