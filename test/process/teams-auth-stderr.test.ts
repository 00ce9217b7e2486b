import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeBotFrameworkAuth, type Forgery } from '../fakes/fake-bot-framework-auth.js';
import { postActivity, teamsMessage } from '../fakes/teams-activities.js';
import { exited } from '../helpers/spawn-start.js';
import { type RunningMain, startMain } from '../helpers/start-main.js';

// Every refused Teams request used to print botbuilder's multi-line stack trace to stderr, outside
// the logger (issue 15): anyone on the internet could grow the logs. The whole process is watched
// here, as an operator's log collector would see it.

const APP_ID = '5a0c1c1e-0000-4000-8000-00000000b07a';
const SERVICE_URL = 'http://127.0.0.1:9/';

let auth: FakeBotFrameworkAuth;
let main: RunningMain;
let dataDir: string;
let stderr = '';
let stdout = '';

beforeAll(async () => {
  auth = await FakeBotFrameworkAuth.start();
  dataDir = mkdtempSync(join(tmpdir(), 'pacebot-teams-auth-'));
  main = await startMain(dataDir, {
    LOG_LEVEL: 'info',
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'secret',
    BOTFRAMEWORK_OPENID_METADATA_URL: auth.openIdUrl,
  });
  main.child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  main.child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
});

afterAll(async () => {
  if (main && main.child.exitCode === null) {
    main.child.kill('SIGTERM');
    await exited(main.child);
  }
  await auth?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it('refuses forged and missing tokens with 401, one JSON log line each and nothing on stderr', async () => {
  const activity = teamsMessage('help', { serviceUrl: SERVICE_URL });
  const claims = { aud: APP_ID, serviceUrl: SERVICE_URL };
  const kinds: Forgery[] = ['unknown-key', 'alg-none', 'hs256-with-public-key', 'not-yet-valid'];
  const tokens = [undefined, await auth.token({ ...claims, expiresIn: -600 }), ...(await Promise.all(kinds.map((k) => auth.forged(k, claims))))];
  for (const token of tokens) {
    const { status, body } = await postActivity(main.url, activity, token);
    expect(status).toBe(401);
    expect(body).toEqual({ code: 'unauthorized', message: 'This endpoint needs a valid Bot Framework token.' });
  }
  // The last refusal's line is written before its answer; a health check flushes nothing, so wait
  // for the count rather than guess a delay.
  const refusals = () => stdout.split('\n').filter((line) => line.includes('"teams_unauthorized"'));
  await expect.poll(() => refusals().length, { timeout: 5000, interval: 20 }).toBe(tokens.length);
  for (const line of refusals()) {
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 40, msg: 'Teams request refused: not authenticated' });
    expect(line).not.toMatch(/at .*\.js:\d+|stack|Error:/);
  }
  expect(stderr).toBe('');
});
