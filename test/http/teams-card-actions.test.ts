import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/store/collections.js';
import {
  postActivity,
  TENANT_A,
  teamsCardAction,
  teamsCardSubmit,
  teamsMessage,
  teamsUser,
} from '../fakes/teams-activities.js';
import { useTeamsHarness } from '../helpers/teams-harness.js';

const h = useTeamsHarness();

type AcNode = {
  type: string;
  id?: string;
  text?: string;
  color?: string;
  verb?: string;
  data?: Record<string, unknown>;
  body?: AcNode[];
  items?: AcNode[];
  actions?: AcNode[];
};

const admin = teamsUser('Alex Admin');
const member = teamsUser('Mo Member');

function nodes(card: AcNode): AcNode[] {
  const children = [...(card.body ?? []), ...(card.items ?? []), ...(card.actions ?? [])];
  return [card, ...children.flatMap(nodes)];
}

/** The card of the first posted activity, as Teams would render it. */
function postedCard(): AcNode {
  const body = h.connector.posts()[0]!.body as {
    attachments?: { contentType: string; content: AcNode }[];
  };
  expect(body.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return body.attachments![0]!.content;
}

const programme = () =>
  h.bot.db.collection(COLLECTIONS.programmes).findOne({ workspaceId: TENANT_A });

describe('Teams card actions over HTTP', () => {
  let submitData: Record<string, unknown> = {};

  it('sends the first user (the admin) the programme form as an Adaptive Card on "setup"', async () => {
    await postActivity(
      h.bot.url,
      teamsMessage('setup', { serviceUrl: h.connector.url, user: admin }),
    );
    const card = postedCard();
    const inputs = nodes(card)
      .filter((n) => n.type.startsWith('Input.'))
      .map((n) => n.id);
    expect(inputs).toEqual(
      expect.arrayContaining(['name', 'timeZone', 'caseRefPattern', 'ruleSet']),
    );
    const save = nodes(card).find(
      (n) => n.type === 'Action.Execute' && n.verb === 'setup.programme.save',
    );
    expect(save).toBeDefined();
    submitData = save!.data!;
  });

  it('answers an invalid submit in the HTTP response, telling the admin what to fix, and saves nothing', async () => {
    const invoke = teamsCardAction(
      'setup.programme.save',
      {
        ...submitData,
        name: 'X',
        timeZone: 'Europe/London',
        caseRefPattern: '^[A-Za-z]{1,3}\\d{3,8}$',
        ruleSet: 'ihi',
      },
      { serviceUrl: h.connector.url, user: admin },
    );
    const { status, body } = await postActivity(h.bot.url, invoke);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
    });
    expect((body as { value: string }).value).toMatch(/name needs at least 2 characters/);
    expect(await programme()).toBeNull();
    expect(h.connector.posts()).toEqual([]);
  });

  it('saves the programme from an Action.Execute invoke and answers with a message in the HTTP response', async () => {
    const values = {
      name: 'Northshire PACE',
      timeZone: 'Europe/London',
      caseRefPattern: '^[A-Za-z]{1,3}\\d{3,8}$',
      ruleSet: 'anhoej',
    };
    const { status, body } = await postActivity(
      h.bot.url,
      teamsCardAction(
        'setup.programme.save',
        { ...submitData, ...values },
        { serviceUrl: h.connector.url, user: admin },
      ),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
    });
    expect((body as { value: string }).value).toContain('Programme Northshire PACE saved');
    expect(await programme()).toMatchObject({
      name: 'Northshire PACE',
      ruleSet: 'anhoej',
      timeZone: 'Europe/London',
    });
  });

  it('handles the Action.Submit fallback (a message with value) the same way, replying at the connector', async () => {
    const values = {
      name: 'Northshire PACE 2027',
      timeZone: 'Europe/London',
      caseRefPattern: '^[A-Za-z]{1,3}\\d{3,8}$',
      ruleSet: 'ihi',
    };
    const { status } = await postActivity(
      h.bot.url,
      teamsCardSubmit(
        'setup.programme.save',
        { ...submitData, ...values },
        { serviceUrl: h.connector.url, user: admin },
      ),
    );
    expect(status).toBe(200);
    expect(await programme()).toMatchObject({ name: 'Northshire PACE 2027', ruleSet: 'ihi' });
    expect((h.connector.posts()[0]!.body as { text: string }).text).toContain(
      'Northshire PACE 2027',
    );
  });

  it('replaces the pressed card with the card a button returns, in the HTTP response (status 200, card.adaptive)', async () => {
    await postActivity(
      h.bot.url,
      teamsMessage('group add "Permanence milestones"', {
        serviceUrl: h.connector.url,
        user: admin,
      }),
    );
    const group = await h.bot.db.collection(COLLECTIONS.groups).findOne({ workspaceId: TENANT_A });
    expect(group).not.toBeNull();
    h.connector.clear();
    const { status, body } = await postActivity(
      h.bot.url,
      teamsCardAction(
        'setup.group.edit',
        { key: group!.key },
        { serviceUrl: h.connector.url, user: admin },
      ),
    );
    expect(status).toBe(200);
    const answer = body as { statusCode: number; type: string; value: AcNode };
    expect(answer).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
    });
    expect(answer.value.type).toBe('AdaptiveCard');
    const name = nodes(answer.value).find(
      (n) => n.type === 'Input.Text' && n.id === 'name',
    ) as AcNode & { value?: string };
    expect(name?.value).toBe('Permanence milestones');
    expect(h.connector.posts()).toEqual([]);
  });

  it('tells a member who presses an admin button who may do it, in the invoke answer', async () => {
    await postActivity(
      h.bot.url,
      teamsMessage('hello', { serviceUrl: h.connector.url, user: member }),
    );
    h.connector.clear();
    const invoke = teamsCardAction(
      'setup.programme.save',
      { ...submitData, name: 'Hijacked' },
      { serviceUrl: h.connector.url, user: member },
    );
    const { status, body } = await postActivity(h.bot.url, invoke);
    expect(status).toBe(200);
    expect(body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect((body as { value: string }).value).toMatch(/Only an admin can set up the programme/);
    expect(await programme()).toMatchObject({ name: 'Northshire PACE 2027' });
  });

  it('answers an unreadable invoke through the error boundary with an apology, never internals', async () => {
    const invoke = teamsCardAction(
      'setup.programme.save',
      { name: 'Anything' },
      { serviceUrl: h.connector.url, user: admin },
    );
    delete (invoke.channelData as { tenant?: unknown }).tenant;
    delete (invoke.conversation as { tenantId?: unknown }).tenantId;
    const { status, body } = await postActivity(h.bot.url, invoke);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
    });
    expect((body as { value: string }).value).toMatch(/^Sorry/);
    expect(JSON.stringify(body)).not.toMatch(/source code|\.ts:\d+|stack/i);
  });
});
