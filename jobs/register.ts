import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from 'mongodb';
import type { Platform } from '../src/conversation/turn.js';
import type { DigestComposer } from '../src/digest/compose-digest.js';
import type { SendDeps } from '../src/deliveries/send-delivery.js';
import type { Logger } from '../src/log.js';
import type { Notifier } from '../src/notify.js';
import type { JobDefinition } from '../src/scheduler.js';
import { loadOnFirstRun } from './load-on-first-run.js';
import * as schedules from './schedules.js';

export interface JobsDeps {
  db: Db;
  logger: Logger;
  clock: () => Date;
  /** One per platform that can send proactively. */
  notifiers: Partial<Record<Platform, Notifier>>;
  /** Names this process on claims and leases; default host:pid:random. */
  owner?: string;
  afterSend?: SendDeps['afterSend'];
  /** How digests are composed: the app passes its digest process's (src/digest/digest-worker-pool.ts). */
  composeDigest?: DigestComposer;
  /** Meetings whose digests keep their chart images (DIGEST_CHARTS_KEPT_MEETINGS). */
  chartsKeptMeetings?: number;
}

// Each job's module (and the model code it imports) loads on the job's first run, not when it is
// registered: together they were about 130 modules of the compiled start (issue 14).
const planDigests = loadOnFirstRun(async () => (await import('./plan-digests.js')).runPlanDigests);
const sendDeliveries = loadOnFirstRun(async () => (await import('./send-deliveries.js')).runSendDeliveries);
const coachPrompts = loadOnFirstRun(async () => (await import('./coach-prompts.js')).runCoachPrompts);
const reminders = loadOnFirstRun(async () => (await import('./reminders.js')).runReminders);
const driftAlerts = loadOnFirstRun(async () => (await import('./drift-alerts.js')).runDriftAlerts);
const finishStopped = loadOnFirstRun(async () => (await import('./finish-stopped-changes.js')).runFinishStoppedChanges);
const retention = loadOnFirstRun(async () => (await import('./retention.js')).runRetention);

/** A job definition from its schedule and the run it does with these dependencies. */
function job<D>(schedule: schedules.JobSchedule, run: (deps: D) => Promise<void>, deps: D): JobDefinition {
  return { ...schedule, handler: () => run(deps) };
}

/** Every scheduled job, one per file in jobs/, each named after its file (schedules.ts). */
export function registerJobs(deps: JobsDeps): JobDefinition[] {
  const owner = deps.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const { db, logger, clock, notifiers, afterSend } = deps;
  const base = { db, logger, clock, owner };
  const send = { ...base, notifiers, ...(afterSend && { afterSend }) };
  // A planned digest starts going out in the same run, not at the next send-deliveries poll.
  const sendNow = () => sendDeliveries(send);
  return [
    job(schedules.planDigestsSchedule, planDigests, {
      ...base,
      onPlanned: sendNow,
      ...(deps.composeDigest && { compose: deps.composeDigest }),
      ...(deps.chartsKeptMeetings && { chartsKeptMeetings: deps.chartsKeptMeetings }),
    }),
    job(schedules.sendDeliveriesSchedule, sendDeliveries, send),
    job(schedules.coachPromptsSchedule, coachPrompts, { ...base, onQueued: sendNow }),
    job(schedules.remindersSchedule, reminders, { ...base, onQueued: sendNow }),
    job(schedules.driftAlertsSchedule, driftAlerts, { ...base, onQueued: sendNow }),
    job(schedules.finishStoppedChangesSchedule, finishStopped, base),
    job(schedules.retentionSchedule, retention, { ...base, onQueued: sendNow }),
  ];
}
