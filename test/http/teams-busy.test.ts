import { expect, it } from 'vitest';
import { BUSY_MESSAGE } from '../../src/turn-queue.js';
import { postActivity, teamsMessage, teamsUser } from '../fakes/teams-activities.js';
import { useTeamsHarness } from '../helpers/teams-harness.js';

// One turn at a time and one waiting per tenant; replies hang at the connector until released.
const h = useTeamsHarness({
  env: { TURNS_RUNNING: '1', TURNS_RUNNING_PER_WORKSPACE: '1', TURNS_WAITING_PER_WORKSPACE: '1', TURNS_WAITING_TOTAL: '10' },
});

const textOf = (body: unknown) => String((body as { text?: unknown }).text ?? '');

it('tells a Teams user "busy" at once when the tenant has no place left, and answers everyone it took on', async () => {
  h.connector.hang((call) => call.method === 'POST' && call.path.includes('/activities') && !textOf(call.body).includes("I'm busy"));
  const people = ['Ada', 'Grace', 'Edsger'].map((name) => teamsUser(name));
  const messages = people.map((user) => teamsMessage('help', { serviceUrl: h.connector.url, user }));
  // The first runs (its reply hangs), the second waits; the third is told at once.
  const running = postActivity(h.bot.url, messages[0]);
  await expect.poll(() => h.connector.calls.length, { timeout: 5000, interval: 20 }).toBeGreaterThan(0);
  const waiting = postActivity(h.bot.url, messages[1]);
  await expect.poll(() => h.bot.app.turns.stats(), { timeout: 5000, interval: 20 }).toEqual({ running: 1, waiting: 1 });
  const refused = await postActivity(h.bot.url, messages[2]);
  expect(refused.status).toBe(200);
  const busy = h.connector.posts().filter((p) => textOf(p.body).includes("I'm busy"));
  expect(busy).toHaveLength(1);
  expect(textOf(busy[0]!.body)).toContain(BUSY_MESSAGE.slice(0, 30));
  expect(busy[0]!.activityId).toBe(messages[2]!.id);

  h.connector.release();
  expect((await running).status).toBe(200);
  expect((await waiting).status).toBe(200);
  const answered = h.connector.posts().filter((p) => !textOf(p.body).includes("I'm busy"));
  expect(answered.map((p) => p.activityId).sort()).toEqual([messages[0]!.id, messages[1]!.id].sort());
});
