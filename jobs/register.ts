import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from 'mongodb';
import type { Platform } from '../src/conversation/turn.js';
import type { SendDeps } from '../src/deliveries/send-delivery.js';
import type { Logger } from '../src/log.js';
import type { Notifier } from '../src/notify.js';
import type { JobDefinition } from '../src/scheduler.js';
import { coachPromptsJob } from './coach-prompts.js';
import { finishStoppedChangesJob } from './finish-stopped-changes.js';
import { planDigestsJob } from './plan-digests.js';
import { remindersJob } from './reminders.js';
import { retentionJob } from './retention.js';
import { runSendDeliveries, sendDeliveriesJob } from './send-deliveries.js';

export interface JobsDeps {
  db: Db;
  logger: Logger;
  clock: () => Date;
  /** One per platform that can send proactively. */
  notifiers: Partial<Record<Platform, Notifier>>;
  /** Names this process on claims and leases; default host:pid:random. */
  owner?: string;
  afterSend?: SendDeps['afterSend'];
}

/** Every scheduled job, one per file in jobs/, each named after its file. */
export function registerJobs(deps: JobsDeps): JobDefinition[] {
  const owner = deps.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const { db, logger, clock, notifiers, afterSend } = deps;
  const base = { db, logger, clock, owner };
  const send = { ...base, notifiers, ...(afterSend && { afterSend }) };
  // A planned digest starts going out in the same run, not at the next send-deliveries poll.
  const sendNow = async () => void (await runSendDeliveries(send));
  return [
    planDigestsJob({ ...base, onPlanned: sendNow }),
    sendDeliveriesJob(send),
    coachPromptsJob({ ...base, onQueued: sendNow }),
    remindersJob({ ...base, onQueued: sendNow }),
    finishStoppedChangesJob(base),
    retentionJob({ ...base, onQueued: sendNow }),
  ];
}
