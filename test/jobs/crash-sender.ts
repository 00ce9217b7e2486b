/**
 * A sender process that dies: it sends due deliveries and, right after the platform accepted its
 * KILL_AFTER-th message and before that is recorded, kills itself with SIGKILL — the moment a crash
 * leaves the outcome unknown. Run by killed-mid-digest.test.ts with `node --import tsx`.
 */
import { MongoClient } from 'mongodb';
import { runSendDeliveries } from '../../jobs/send-deliveries.js';
import { createLogger } from '../../src/log.js';
import { fakeSlackNotifier } from './slack-notifier-fixture.js';

const { MONGO_URI, DB_NAME, SLACK_API_URL, KILL_AFTER, NOW } = process.env;
const client = await new MongoClient(MONGO_URI!).connect();
const db = client.db(DB_NAME);
const slack = fakeSlackNotifier({ url: SLACK_API_URL! }, db);
let sent = 0;
await runSendDeliveries({
  db,
  logger: createLogger('silent'),
  owner: `crash-sender-${process.pid}`,
  clock: () => new Date(NOW!),
  notifiers: { slack },
  afterSend: () => {
    if (++sent === Number(KILL_AFTER)) process.kill(process.pid, 'SIGKILL');
  },
});
await client.close();
