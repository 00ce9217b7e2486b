import type { JobDefinition } from '../src/scheduler.js';

/** A job's name (= its file in jobs/) and when it runs: everything Agenda needs before its first run. */
export type JobSchedule = Omit<JobDefinition, 'handler'>;

// Apart from the jobs' code, so registering them loads none of it: their model code (digest
// composition, charts, measures, about 130 modules) loads on each job's first run, after the server
// answers /healthz (issue 14, bench/RESULTS.md).

/** Every five minutes, so a digest goes out within minutes of its time. */
export const planDigestsSchedule = { name: 'plan-digests', every: '5 minutes' } satisfies JobSchedule;

/** Every minute; retries wait out their backoff in `nextAttemptAt`. */
export const sendDeliveriesSchedule = { name: 'send-deliveries', every: '1 minute' } satisfies JobSchedule;

/** Every five minutes, so a prompt goes out within minutes of its time. */
export const coachPromptsSchedule = { name: 'coach-prompts', every: '5 minutes' } satisfies JobSchedule;

/** Every fifteen minutes; each person gets each kind at most once a week. */
export const remindersSchedule = { name: 'reminders', every: '15 minutes' } satisfies JobSchedule;

/** Every fifteen minutes on working days from 09:00; each alert once per child and threshold. */
export const driftAlertsSchedule = { name: 'drift-alerts', every: '15 minutes' } satisfies JobSchedule;

/** Every minute, so a change a crash or a restart stopped half-way is finished soon. */
export const finishStoppedChangesSchedule = { name: 'finish-stopped-changes', every: '1 minute' } satisfies JobSchedule;

/** Hourly; Agenda's lock runs it on one instance, and each erase is keyed, so once. */
export const retentionSchedule = { name: 'retention', every: '1 hour' } satisfies JobSchedule;
