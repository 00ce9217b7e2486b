import { beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/store/collections.js';
import type { SlackCall } from '../fakes/fake-slack-api.js';
import { blockActions, deliver, slackEvent, slashCommand, viewSubmission } from '../fakes/slack-payloads.js';
import { useSlackTestApp } from '../helpers/slack-test-app.js';

const s = useSlackTestApp();

/** `/pace <text>` from Ada; resolves with the HTTP answer and the response_url id used. */
async function pace(text: string, triggerId = `trig-${Math.random()}`) {
  const id = `cmd-${Math.random().toString(36).slice(2)}`;
  const res = await deliver(s.app.url, slashCommand({ text, trigger_id: triggerId, response_url: s.fake.responseUrl(id) }));
  expect(res.status).toBe(200);
  return { res, responseMethod: `response_url:${id}` };
}

/** Submits the modal the app opened, as the person would, with `values` by input id. */
function submit(opened: SlackCall, values: Record<string, Record<string, unknown>>) {
  const view = opened.body.view;
  const state = Object.fromEntries(Object.entries(values).map(([id, state]) => [id, { [id]: state }]));
  return deliver(s.app.url, viewSubmission({ callbackId: view.callback_id, privateMetadata: view.private_metadata, values: state }));
}

const typed = (value: string) => ({ type: 'plain_text_input', value });
const picked = (value: string) => ({ type: 'static_select', selected_option: { value } });

describe('/pace and modals: the programme', () => {
  it('/pace setup opens the programme form with the trigger id, and its submission saves the programme', async () => {
    const { res, responseMethod } = await pace('setup', 'trig-setup-1');
    expect(await res.text()).toBe('');
    const [opened] = await s.fake.waitFor('views.open');
    expect(opened!.body.trigger_id).toBe('trig-setup-1');
    expect(opened!.body.view).toMatchObject({ type: 'modal', callback_id: 'programme-settings' });
    expect(JSON.parse(opened!.body.view.private_metadata)).toMatchObject({ a: { verb: 'setup.programme.save' }, c: 'C-GENERAL' });

    const answer = await submit(opened!, {
      name: typed('Northshire PACE'),
      timeZone: typed('Europe/London'),
      caseRefPattern: typed('^[A-Za-z]{1,3}\\d{3,8}$'),
      ruleSet: picked('ihi'),
    });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe(''); // an empty ack closes the modal
    const programme = await s.app.db.collection(COLLECTIONS.programmes).findOne({ workspaceId: 'T-ALPHA' });
    expect(programme).toMatchObject({ name: 'Northshire PACE', timeZone: 'Europe/London', ruleSet: 'ihi' });
    // The confirmation goes back, ephemerally, to where /pace was typed.
    const [confirmation] = await s.fake.waitFor(responseMethod);
    expect(confirmation!.body).toMatchObject({ response_type: 'ephemeral' });
    expect(confirmation!.body.text).toContain('Northshire PACE');
  });
});

describe('/pace and modals: a test of change', () => {
  beforeAll(async () => {
    const { responseMethod } = await pace('group add "Permanence milestones"');
    const [done] = await s.fake.waitFor(responseMethod);
    expect(done!.body.text).toContain('Permanence milestones');
  });

  it('/pace pdsa new opens the Plan modal; a bad title comes back as an inline error on its block', async () => {
    await pace('pdsa new', 'trig-pdsa-1');
    const [opened] = await s.fake.waitFor('views.open');
    expect(opened!.body).toMatchObject({ trigger_id: 'trig-pdsa-1', view: { callback_id: 'pdsa-plan' } });
    const blockIds = opened!.body.view.blocks.map((b: { block_id?: string }) => b.block_id);
    expect(blockIds).toEqual(expect.arrayContaining(['title', 'groupKey', 'objective', 'prediction']));

    const answer = await submit(opened!, {
      title: typed('ab'),
      changeIdea__other: typed('Agenda at 72-hour meetings'),
      groupKey: picked('permanence-milestones'),
      objective: typed('See whether a set agenda helps'),
      prediction: typed('4 of 5 meetings use it'),
    });
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(['title']);
    expect(body.errors.title).toMatch(/at least 3 characters/);
    expect(await s.app.db.collection(COLLECTIONS.pdsa).countDocuments({ workspaceId: 'T-ALPHA' })).toBe(0);
  });

  it('a valid Plan submission saves the PDSA cycle and confirms it with a card', async () => {
    const { responseMethod } = await pace('pdsa new');
    const [opened] = await s.fake.waitFor('views.open');
    const answer = await submit(opened!, {
      title: typed('Agenda at 72-hour meetings'),
      changeIdea__other: typed('Set agenda for 72-hour meetings'),
      groupKey: picked('permanence-milestones'),
      objective: typed('See whether a set agenda helps'),
      prediction: typed('4 of 5 meetings use it'),
    });
    expect(answer.status).toBe(200);
    const cycle = await s.app.db.collection(COLLECTIONS.pdsa).findOne({ workspaceId: 'T-ALPHA' });
    expect(cycle).toMatchObject({ number: 1, title: 'Agenda at 72-hour meetings', ownerId: 'U-ADA', stage: 'plan' });
    const [confirmation] = await s.fake.waitFor(responseMethod);
    expect(confirmation!.body.blocks.length).toBeGreaterThan(0);
    expect(confirmation!.body.text).toContain('T-1');
  });
  it('runs a button delivered twice with one trigger_id once', async () => {
    const click = blockActions({ value: JSON.stringify({ verb: 'pdsa.show', data: { number: 1 } }), triggerId: 'trig-twice' });
    expect((await deliver(s.app.url, click)).status).toBe(200);
    expect((await deliver(s.app.url, click)).status).toBe(200);
    const [post] = await s.fake.waitFor('chat.postMessage');
    expect(post!.body.text).toContain('T-1');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('the 3-second deadline', () => {
  it('acks /pace before any slow work, then answers', async () => {
    s.fake.slowDown('users.info', 1500);
    const started = Date.now();
    const res = await deliver(s.app.url, slashCommand({ text: 'help', user_id: 'U-SLOW', response_url: s.fake.responseUrl('slow') }));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(s.fake.callsTo('response_url:slow')).toHaveLength(0);
    const [answer] = await s.fake.waitFor('response_url:slow');
    expect(answer!.body.text).toContain('What you can do');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });
});

describe('a form asked for in a DM (no trigger_id)', () => {
  it('posts an "Open form" button whose click opens the modal', async () => {
    await deliver(s.app.url, slackEvent({ event: { text: 'setup' } }));
    const [post] = await s.fake.waitFor('chat.postMessage');
    const buttons = post!.body.blocks.filter((b: { type: string }) => b.type === 'actions').flatMap((b: { elements: unknown[] }) => b.elements);
    const open = buttons.find((b: { text: { text: string } }) => b.text.text === 'Open form');
    expect(open).toBeDefined();
    expect(s.fake.callsTo('views.open')).toHaveLength(0);

    const click = await deliver(s.app.url, blockActions({ value: open.value, actionId: open.action_id, triggerId: 'trig-click-1' }));
    expect(click.status).toBe(200);
    const [opened] = await s.fake.waitFor('views.open');
    expect(opened!.body).toMatchObject({ trigger_id: 'trig-click-1', view: { callback_id: 'programme-settings' } });
  });
});
