import { timingSafeEqual } from 'node:crypto';
import type { Db, MongoClient } from 'mongodb';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics, served at GET /metrics when METRICS_TOKEN is set. One registry
 * per process (a process serves one app); labels are bounded sets (platform, outcome, job name,
 * command name, delivery status), never ids or text.
 */
export const registry = new Registry();
registry.setDefaultLabels({ service: 'pacebot' });
// Process CPU, memory, handles, GC and event-loop lag (nodejs_eventloop_lag_seconds and the
// nodejs_eventloop_lag_p99_seconds family).
collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });

export const turnsTotal = new Counter({
  name: 'pacebot_turns_total',
  help: 'Chat turns handled, by platform and outcome (replied, no_reply, error).',
  labelNames: ['platform', 'outcome'] as const,
  registers: [registry],
});

export const turnDuration = new Histogram({
  name: 'pacebot_turn_duration_seconds',
  help: 'Time from a turn reaching the conversation core to its replies being ready (sending them excluded).',
  labelNames: ['platform'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

/**
 * Time from a platform's request reaching its route to the HTTP answer going out. For Slack that is
 * the acknowledgement Slack wants within 3 s (the turn's work comes after it); for Teams the answer
 * follows the turn, since the Bot Connector waits for it.
 */
export const ackDuration = new Histogram({
  name: 'pacebot_ack_duration_seconds',
  help: 'Time from a Slack or Teams request reaching its route to the HTTP answer being sent, by platform.',
  labelNames: ['platform'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const turnsBusyTotal = new Counter({
  name: 'pacebot_turns_busy_total',
  help: 'Chat turns not taken on because too many were already waiting (the person was told to try again), by platform.',
  labelNames: ['platform'] as const,
  registers: [registry],
});

export const jobRunsTotal = new Counter({
  name: 'pacebot_job_runs_total',
  help: 'Scheduled job runs (Agenda), by job name and outcome (success, failure).',
  labelNames: ['job', 'outcome'] as const,
  registers: [registry],
});

export const storeCommandDuration = new Histogram({
  name: 'pacebot_store_command_duration_seconds',
  help: "Round-trip time of database commands as the driver's command monitoring sees them, by command.",
  labelNames: ['command', 'outcome'] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

/** The database the deliveries gauge reads on each scrape; the latest app started in this process. */
let deliveriesDb: Db | undefined;

new Gauge({
  name: 'pacebot_deliveries',
  help: 'Delivery records by status (pending, sending, sent, failed, …), counted in the store at scrape time.',
  labelNames: ['status'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    if (!deliveriesDb) return;
    try {
      const rows = await deliveriesDb
        .collection('deliveries')
        .aggregate<{ _id: unknown; n: number }>([{ $group: { _id: '$status', n: { $sum: 1 } } }], { maxTimeMS: 2_000 })
        .toArray();
      for (const { _id, n } of rows) this.set({ status: typeof _id === 'string' ? _id : 'unknown' }, n);
    } catch {
      // The store is down: /readyz says so; the scrape still answers with everything else.
    }
  },
});

/** Points the deliveries gauge at this database (null when the app stops). */
export function setMetricsStore(db: Db | null): void {
  deliveriesDb = db ?? undefined;
}

/** Times every command the driver sends; the client must be created with `monitorCommands: true`. */
export function observeStoreCommands(client: MongoClient): void {
  const started = new Map<number, string>();
  client.on('commandStarted', (event) => started.set(event.requestId, event.commandName));
  const finish = (outcome: 'ok' | 'error') => (event: { requestId: number; commandName: string; duration: number }) => {
    started.delete(event.requestId);
    storeCommandDuration.observe({ command: commandLabel(event.commandName), outcome }, event.duration / 1000);
  };
  client.on('commandSucceeded', finish('ok'));
  client.on('commandFailed', finish('error'));
}

/** Keeps the label set bounded: the commands pacebot and Agenda send, everything else as "other". */
const KNOWN_COMMANDS = new Set([
  'find', 'insert', 'update', 'delete', 'aggregate', 'count', 'distinct', 'findAndModify', 'getMore', 'killCursors',
  'createIndexes', 'listIndexes', 'dropIndexes', 'listCollections', 'create', 'drop', 'ping', 'hello', 'isMaster',
  'endSessions', 'commitTransaction', 'abortTransaction', 'compact', 'collStats', 'dbStats', 'buildInfo',
]);
function commandLabel(name: string): string {
  return KNOWN_COMMANDS.has(name) ? name : 'other';
}

/**
 * Runs one turn through `run`, counting it by platform and outcome and timing it. Adapters call the
 * core through `measuredHandleTurn` (src/metrics/measured-turn.ts), so the core stays unaware of metrics.
 */
export async function measureTurn<T extends unknown[]>(platform: string, run: () => Promise<T>): Promise<T> {
  const stop = turnDuration.startTimer({ platform });
  try {
    const replies = await run();
    turnsTotal.inc({ platform, outcome: replies.length > 0 ? 'replied' : 'no_reply' });
    return replies;
  } catch (error) {
    turnsTotal.inc({ platform, outcome: 'error' });
    throw error;
  } finally {
    stop();
  }
}

/** Whether an Authorization header carries exactly `Bearer <token>` (constant-time comparison). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
