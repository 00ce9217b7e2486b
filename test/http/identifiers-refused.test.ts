import type { Db } from 'mongodb';
import { ObjectId } from 'mongodb';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { postActivity, teamsCardAction, teamsMessage, teamsUser, TENANT_A } from '../fakes/teams-activities.js';
import { deliver, slackEvent, slashCommand, TEAM, viewSubmission } from '../fakes/slack-payloads.js';
import { everythingStored, namesKind, PLANTED, secretsIn } from '../helpers/planted-identifiers.js';
import { useSlackTestApp } from '../helpers/slack-test-app.js';
import { useTeamsHarness } from '../helpers/teams-harness.js';
import { startTestApp } from '../helpers/test-app.js';

// One identifier of each kind, typed into free text through the real server on each surface: the
// answer names the kind and never holds the value, and afterwards the value is in no collection and
// in no log line. Tests through the core cover every field (test/conversation/identifiers-refused).

function capturedLogs() {
  const lines: string[] = [];
  return { lines, logger: pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) }) };
}

async function expectNothingKept(db: Db, lines: string[]): Promise<void> {
  expect(secretsIn(await everythingStored(db))).toEqual([]);
  // The refusals were logged, by kind only.
  expect(lines.filter((line) => line.includes('identifier_refused')).length).toBeGreaterThanOrEqual(PLANTED.length);
  expect(secretsIn(lines.join('\n'))).toEqual([]);
}

/** A prompt already sent to a channel, whose thread replies are kept for the coach. */
async function sentPrompt(db: Db, workspaceId: string, platform: string, conversationId: string, messageId: string) {
  const at = new Date();
  const promptId = new ObjectId();
  await db.collection('prompts').insertOne({
    _id: promptId, workspaceId, number: 7, kind: 'prompt', groupKey: 'legal-processes', text: 'What did your last test teach you?',
    createdBy: { userId: 'U-CORA', name: 'Cora Coach' }, schedule: { kind: 'once', at }, status: 'done', createdAt: at, updatedAt: at,
  });
  await db.collection('deliveries').insertOne({
    workspaceId, idempotencyKey: `prompt|${promptId.toHexString()}`, kind: 'prompt', sourceId: promptId.toHexString(), occurrence: at.toISOString(),
    recipient: { platform, kind: 'channel', id: conversationId }, status: 'sent', attempts: 0, nextAttemptAt: at, sentParts: 1,
    conversationId, messageIds: [messageId], createdAt: at, updatedAt: at, sentAt: at,
  });
}

describe('Slack', () => {
  const logs = capturedLogs();
  const s = useSlackTestApp(undefined, { logger: logs.logger });
  let n = 0;
  const pace = async (text: string) => {
    const id = `cmd-${++n}`;
    const res = await deliver(s.app.url, slashCommand({ text, response_url: s.fake.responseUrl(id), trigger_id: `trig-${n}` }));
    expect(res.status).toBe(200);
    const [answer] = await s.fake.waitFor(`response_url:${id}`);
    return String(answer!.body.text);
  };

  it('refuses /pace with an identifier, naming the kind', async () => {
    expect(await pace('setup programme "Alpha PACE"')).toContain('Alpha PACE');
    for (const planted of PLANTED) {
      const answer = await pace(`group add "Group ${planted.text}"`);
      expect(answer).toContain(namesKind(planted.kind));
      expect(secretsIn(answer, [planted])).toEqual([]);
    }
  });

  it('keeps a modal open with the refusal beside the field', async () => {
    await deliver(s.app.url, slashCommand({ text: 'group new', trigger_id: 'trig-modal', response_url: s.fake.responseUrl('modal') }));
    const [opened] = await s.fake.waitFor('views.open');
    const view = opened!.body.view;
    for (const planted of PLANTED) {
      const typed = (value: string) => ({ type: 'plain_text_input', value });
      const values = { name: { name: typed(`Group ${planted.text}`) }, aimStatement: { aimStatement: typed('Reduce the time to panel') } };
      const answer = await deliver(s.app.url, viewSubmission({ callbackId: view.callback_id, privateMetadata: view.private_metadata, values }));
      const body = await answer.text();
      expect(JSON.parse(body)).toMatchObject({ response_action: 'errors', errors: { name: expect.stringContaining(namesKind(planted.kind)) } });
      expect(secretsIn(body, [planted])).toEqual([]);
    }
  });

  it('keeps no prompt-thread reply that holds one, and tells only its writer, in the thread', async () => {
    await sentPrompt(s.app.db, TEAM, 'slack', 'C-LEGAL', '1700000200.000001');
    for (const [i, planted] of PLANTED.entries()) {
      const event = { channel: 'C-LEGAL', channel_type: 'channel', text: `We tried it: ${planted.text}`, ts: `1700000300.00030${i}`, thread_ts: '1700000200.000001' };
      expect((await deliver(s.app.url, slackEvent({ event }))).status).toBe(200);
      const [note] = await s.fake.waitFor('chat.postEphemeral');
      expect(note!.body).toMatchObject({ channel: 'C-LEGAL', user: 'U-ADA', thread_ts: '1700000200.000001' });
      expect(note!.body.text).toContain(namesKind(planted.kind));
      expect(secretsIn(JSON.stringify(note!.body), [planted])).toEqual([]);
      s.fake.clear();
    }
    expect(await s.app.db.collection('prompt_responses').countDocuments()).toBe(0);
    expect(s.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('stores none of them, and logs none of them', async () => {
    await expectNothingKept(s.app.db, logs.lines);
  });
});

describe('Teams', () => {
  const logs = capturedLogs();
  const h = useTeamsHarness({ logger: logs.logger });
  const admin = teamsUser('Alex Admin');
  const shown = () => JSON.stringify(h.connector.posts().map((p) => p.body));

  it('refuses a message with an identifier, naming the kind', async () => {
    await postActivity(h.bot.url, teamsMessage('setup programme "Alpha PACE"', { serviceUrl: h.connector.url, user: admin }));
    expect(shown()).toContain('Alpha PACE');
    for (const planted of PLANTED) {
      h.connector.clear();
      const { status } = await postActivity(h.bot.url, teamsMessage(`group add "Group ${planted.text}"`, { serviceUrl: h.connector.url, user: admin }));
      expect(status).toBe(200);
      expect(shown()).toContain(namesKind(planted.kind));
      expect(secretsIn(shown(), [planted])).toEqual([]);
    }
  });

  it('answers a card submit with the form again, the refusal beside the field and the field emptied', async () => {
    for (const planted of PLANTED) {
      const values = { name: `Group ${planted.text}`, aimStatement: 'Reduce the time to panel', aimTarget: '28 weeks', aimTargetDate: '2027-12-31' };
      const { status, body } = await postActivity(h.bot.url, teamsCardAction('setup.group.save', values, { serviceUrl: h.connector.url, user: admin }));
      expect(status).toBe(200);
      expect(body).toMatchObject({ type: 'application/vnd.microsoft.card.adaptive' });
      expect(JSON.stringify(body)).toContain(namesKind(planted.kind));
      expect(JSON.stringify(body)).toContain('Reduce the time to panel');
      expect(secretsIn(JSON.stringify(body), [planted])).toEqual([]);
    }
  });

  it('stores none of them, and logs none of them', async () => {
    expect(await h.bot.db.collection('groups').countDocuments({ workspaceId: TENANT_A })).toBe(0);
    await expectNothingKept(h.bot.db, logs.lines);
  });
});

describe('the local web chat', () => {
  it('refuses a message and a form field with an identifier; stores and logs none of them', async () => {
    const logs = capturedLogs();
    const app = await startTestApp({ logger: logs.logger });
    try {
      const turn = async (body: unknown) => {
        const response = await fetch(`${app.url}/web/turn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        expect(response.status).toBe(200);
        return response.text();
      };
      expect(await turn({ as: 'demo-admin', text: 'setup programme "Alpha PACE"' })).toContain('Alpha PACE');
      for (const planted of PLANTED) {
        const said = await turn({ as: 'demo-admin', text: `group add "Group ${planted.text}"` });
        expect(said).toContain(namesKind(planted.kind).replace("'", '&#39;'));
        expect(secretsIn(said, [planted])).toEqual([]);
        const values = { name: 'Fine group', aimStatement: `Reduce delay, ${planted.text}`, aimTarget: '28 weeks', aimTargetDate: '2027-12-31' };
        const submitted = await turn({ as: 'demo-admin', action: { verb: 'setup.group.save', data: {}, values } });
        expect(submitted).toContain('form_errors');
        expect(secretsIn(submitted, [planted])).toEqual([]);
      }
      await expectNothingKept(app.db, logs.lines);
    } finally {
      await app.stop();
    }
  });
});
