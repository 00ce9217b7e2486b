import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { runPlanDigests } from '../../jobs/plan-digests.js';
import { runSendDeliveries } from '../../jobs/send-deliveries.js';
import { DEFAULT_LEASE_MS } from '../../src/deliveries/retry-policy.js';
import { createLogger } from '../../src/log.js';
import { fakeSlackNotifier } from './slack-notifier-fixture.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { createTestBot, type TestBot } from '../helpers/test-bot.js';
import { DIGEST_DUE, WORKSPACE, seedDigestProgramme } from './digest-fixture.js';

const CRASH_SENDER = fileURLToPath(new URL('./crash-sender.ts', import.meta.url));
const KILL_AFTER = 4;
let bot: TestBot;
let fake: FakeSlackApi;
const logger = createLogger('silent');

beforeAll(async () => {
  bot = await createTestBot({ workspaceId: WORKSPACE });
  await seedDigestProgramme(bot);
  fake = await FakeSlackApi.start();
  expect(await runPlanDigests({ db: bot.db, logger, owner: 'planner', clock: () => new Date(DIGEST_DUE) })).toEqual({ [WORKSPACE]: 'planned' });
}, 60_000);
afterAll(async () => {
  await fake.close();
  await bot.drop();
});

/** What landed in Slack, by the key each message carries (metadata, or an upload's file name). */
function landed(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of fake.messages) {
    const key = (m.metadata?.event_payload.key as string | undefined) ?? m.files?.[0]?.name ?? '?';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('a process killed in the middle of a digest', () => {
  it('dies right after Slack accepted a chart, before recording it', async () => {
    const uri = new URL(inject('mongoUri'));
    const child = spawn(process.execPath, ['--import', 'tsx', CRASH_SENDER], {
      env: { ...process.env, MONGO_URI: uri.toString(), DB_NAME: bot.db.databaseName, SLACK_API_URL: fake.url, KILL_AFTER: String(KILL_AFTER), NOW: DIGEST_DUE },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
    expect({ code, signal, stderr }).toMatchObject({ code: null, signal: 'SIGKILL' });
    expect(fake.messages).toHaveLength(KILL_AFTER);
    // The fourth message of the channel's part is the first chart: an upload, known by its file name.
    expect(fake.messages[KILL_AFTER - 1]!.files?.[0]?.name).toMatch(/^pacebot-.+\.3\.png$/);
    const channel = await bot.db.collection('deliveries').findOne({ part: 'channel' });
    expect(channel).toMatchObject({ status: 'sending', sentParts: KILL_AFTER - 1, attemptingPart: KILL_AFTER - 1 });
  }, 60_000);

  it('is completed by the restart once the lease lapses, with nothing sent twice', async () => {
    const slack = fakeSlackNotifier(fake, bot.db);
    const restart = (ms: number) => {
      const clock = () => new Date(new Date(DIGEST_DUE).getTime() + ms);
      return runSendDeliveries({ db: bot.db, logger, owner: 'restarted', clock, notifiers: { slack } });
    };
    expect(await restart(DEFAULT_LEASE_MS - 1000)).toEqual({ sent: 2 });
    expect(await bot.db.collection('deliveries').findOne({ part: 'channel' })).toMatchObject({ status: 'sending' });
    expect(await restart(DEFAULT_LEASE_MS + 1000)).toEqual({ sent: 1 });
    const deliveries = await bot.db.collection('deliveries').find({}).toArray();
    expect(deliveries.map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);
    const expected = deliveries.reduce((sum, d) => sum + d.sentParts, 0);
    const counts = landed();
    expect(counts.size).toBe(expected);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(await bot.db.collection('digests').findOne({})).toMatchObject({ status: 'sent' });
  });
});
