import { describe, expect, it } from 'vitest';
import { BUSY_MESSAGE } from '../../src/turn-queue.js';
import { blockActions, deliver, slackEvent, slashCommand, viewSubmission } from '../fakes/slack-payloads.js';
import { useSlackTestApp } from '../helpers/slack-test-app.js';

// Bounded work (issue 15): three turns at once (at most two per workspace), four waiting per
// workspace. Replies to the flooding workspace hang at the fake Slack, so its turns stay busy until
// the test lets them go.
const s = useSlackTestApp({
  SLACK_BOT_TOKEN: 'xoxb-test',
  TURNS_RUNNING: '3',
  TURNS_RUNNING_PER_WORKSPACE: '2',
  TURNS_WAITING_PER_WORKSPACE: '4',
  TURNS_WAITING_TOTAL: '100',
});

const FLOOD = 12;
const ACCEPTED = 2 + 4; // running + waiting for the flooding workspace
const isBusy = (text: unknown) => String(text ?? '').includes("I'm busy right now");

describe('a flood of turns in one workspace', () => {
  it('takes on what fits, tells the rest "busy" at once, answers another workspace and /healthz meanwhile, and loses nothing', async () => {
    s.fake.hang((call) => call.method === 'chat.postMessage' && String(call.body.channel).startsWith('D-FLOOD') && !isBusy(call.body.text));
    const dms = Array.from({ length: FLOOD }, (_, i) =>
      slackEvent({ event: { user: `U-FLOOD${i}`, channel: `D-FLOOD${i}`, text: 'help' } }),
    );
    const acks = await Promise.all(dms.map((dm) => deliver(s.app.url, dm)));
    expect(acks.map((r) => r.status)).toEqual(dms.map(() => 200));

    // Everyone over the bound hears "busy" straight away, in their own conversation.
    await new Promise((r) => setTimeout(r, 3000)); console.log(JSON.stringify(s.fake.calls.map((c) => [c.method, c.body.channel, String(c.body.text ?? "").slice(0, 20)])));
    const busyPosts = () => s.fake.callsTo('chat.postMessage').filter((c) => isBusy(c.body.text));
    await expect.poll(() => busyPosts().length, { timeout: 10_000, interval: 25 }).toBe(FLOOD - ACCEPTED);
    const told = busyPosts().map((c) => c.body.channel as string);
    expect(busyPosts()[0]!.body.text).toBe(BUSY_MESSAGE);

    // A slash command to the full workspace gets "busy" in its own ack, shown only to the person.
    const command = await deliver(s.app.url, slashCommand({ user_id: 'U-CMD', channel_id: 'C-CMD', text: 'help' }));
    expect(command.status).toBe(200);
    expect(await command.json()).toEqual({ response_type: 'ephemeral', text: BUSY_MESSAGE });

    // A modal submitted meanwhile stays open, the words beside its first input: nothing typed is lost.
    const values = { title: { title: { type: 'plain_text_input', value: 'Try a huddle' } } };
    const view = await deliver(s.app.url, viewSubmission({ callbackId: 'pdsa_new', privateMetadata: '', values }));
    expect(view.status).toBe(200);
    expect(await view.json()).toEqual({ response_action: 'errors', errors: { title: BUSY_MESSAGE } });

    // A button pressed meanwhile is acknowledged and told, in the conversation it was pressed in.
    const button = await deliver(s.app.url, blockActions({ value: JSON.stringify({ verb: 'help' }), channelId: 'C-BUTTON', userId: 'U-BUTTON' }));
    expect(button.status).toBe(200);
    await expect
      .poll(() => s.fake.callsTo('chat.postMessage').some((c) => c.body.channel === 'C-BUTTON' && isBusy(c.body.text)), { timeout: 5000, interval: 25 })
      .toBe(true);

    // Another workspace is not stuck behind the flood: it has a place of its own.
    const other = await deliver(s.app.url, slackEvent({ teamId: 'T-BETA', event: { user: 'U-BETA', channel: 'D-BETA', text: 'help' } }));
    expect(other.status).toBe(200);
    await expect
      .poll(() => s.fake.callsTo('chat.postMessage').some((c) => c.body.channel === 'D-BETA'), { timeout: 10_000, interval: 25 })
      .toBe(true);

    // Liveness answers while the flood waits (the time is only a sanity bound; speed is in bench/).
    const started = performance.now();
    const health = await fetch(`${s.app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);

    // Slack answers again: every accepted turn gets its reply; nobody is both answered and told busy.
    s.fake.release();
    await expect
      .poll(() => s.fake.callsTo('chat.postMessage').filter((c) => String(c.body.channel).startsWith('D-FLOOD') && !isBusy(c.body.text)).length, {
        timeout: 15_000,
        interval: 50,
      })
      .toBe(ACCEPTED);
    const answered = s.fake
      .callsTo('chat.postMessage')
      .filter((c) => String(c.body.channel).startsWith('D-FLOOD') && !isBusy(c.body.text));
    for (const reply of answered) expect(reply.body.text).toContain('What you can do');
    const answeredChannels = answered.map((c) => c.body.channel as string);
    expect(new Set(answeredChannels).size).toBe(ACCEPTED);
    expect(answeredChannels.filter((c) => told.includes(c))).toEqual([]);
    expect(new Set([...answeredChannels, ...told]).size).toBe(FLOOD);
    await expect.poll(() => s.app.app.turns.stats(), { timeout: 5000, interval: 25 }).toEqual({ running: 0, waiting: 0 });
  });
});
