import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { ADMIN, createTestBot, LEAD, type TestBot } from '../helpers/test-bot.js';
import { CHAMPIONS, LEGAL_LEAD, SETUP_COMMANDS, WORKSPACE } from './digest-fixture.js';

// Two `npm start` processes on one database, with a digest due the moment they start: between
// them, Agenda's lock and the delivery records must get every message out exactly once.

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
/** Header and one card per group to the channel; header and the group's card to each of two leads. */
const EXPECTED_POSTS = 3 + 2 + 2;
let bot: TestBot;
let fake: FakeSlackApi;
const servers: ChildProcess[] = [];

beforeAll(async () => {
  // Real time: the children run on the wall clock. The next meeting is tomorrow at 10:00, so its
  // digest (two working days before, 09:00) is already due.
  const now = new Date();
  bot = await createTestBot({ workspaceId: WORKSPACE, now: now.toISOString() });
  await bot.say(ADMIN, 'whoami');
  for (const user of [LEAD, LEGAL_LEAD]) await bot.say(user, 'whoami');
  const tomorrow = DateTime.fromJSDate(now, { zone: 'Europe/London' }).plus({ days: 1 }).toFormat('d LLL yyyy');
  const commands = SETUP_COMMANDS.map((c) => (c.startsWith('meeting set') ? `meeting set every 6 weeks from ${tomorrow} 10:00` : c));
  for (const command of commands) await bot.say(ADMIN, command);
  await bot.db.collection('programmes').updateOne({ workspaceId: WORKSPACE }, { $set: { championsChannel: { platform: 'slack', conversationId: CHAMPIONS } } });
  fake = await FakeSlackApi.start();
});
afterAll(async () => {
  for (const server of servers) if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  await fake?.close();
  await bot?.drop();
});

/** Starts `src/main.ts` as `npm start` does, on the shared database, and waits for its listening line. */
async function startServer(): Promise<ChildProcess> {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    MONGODB_URI: inject('mongoUri'),
    MONGODB_DB: bot.db.databaseName,
    SLACK_SIGNING_SECRET: 'two-servers-secret',
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: fake.url,
    SCHEDULER_ENABLED: 'true',
  };
  const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  servers.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  await new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => line.includes('listening on') && resolve());
    child.once('exit', () => reject(new Error(`server exited before listening: ${stderr}`)));
  });
  return child;
}

describe('two server processes sharing one database', () => {
  it('deliver the due digest exactly once', async () => {
    const [a, b] = await Promise.all([startServer(), startServer()]);
    await fake.waitFor('chat.postMessage', EXPECTED_POSTS, 60_000);
    const deliveries = bot.db.collection('deliveries');
    await expect.poll(() => deliveries.countDocuments({ status: 'sent' }), { timeout: 20_000, interval: 100 }).toBe(3);
    for (const server of [a, b]) server.kill('SIGTERM');
    const exits = await Promise.all([a, b].map((s) => once(s, 'exit')));
    expect(exits.map(([code]) => code)).toEqual([0, 0]);
    const keys = fake.callsTo('chat.postMessage').map((c) => c.body.metadata?.event_payload?.key as string);
    expect(keys).toHaveLength(EXPECTED_POSTS);
    expect(new Set(keys).size).toBe(EXPECTED_POSTS);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.body.channel === CHAMPIONS)).toHaveLength(3);
    expect(await bot.db.collection('digests').countDocuments({})).toBe(1);
    expect(await bot.db.collection('digests').findOne({})).toMatchObject({ status: 'sent' });
    expect(fake.unhandled).toEqual([]);
  }, 120_000);
});
