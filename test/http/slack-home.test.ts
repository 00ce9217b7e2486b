import { beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/store/collections.js';
import { blockActions, deliver, slackEvent, slashCommand } from '../fakes/slack-payloads.js';
import { useSlackTestApp } from '../helpers/slack-test-app.js';

const s = useSlackTestApp();

beforeAll(async () => {
  // Ada sets up team A: programme with a meeting cadence, an aim group, one open test of change.
  for (const text of ['setup programme "Alpha PACE"', 'meeting set every 6 weeks from 2030-01-10 10:00', 'group add "Permanence milestones"']) {
    const url = s.fake.responseUrl(`setup-${text.length}`);
    await deliver(s.app.url, slashCommand({ text, response_url: url }));
    await s.fake.waitFor(`response_url:setup-${text.length}`);
  }
  const now = new Date();
  await s.app.db.collection(COLLECTIONS.pdsa).insertOne({
    workspaceId: 'T-ALPHA', number: 7, title: 'Agenda at 72-hour meetings', changeIdea: 'Set agenda', groupKey: 'permanence-milestones',
    ownerId: 'U-ADA', ownerName: 'Ada Lovelace', stage: 'do', plan: { objective: 'See', prediction: 'Four of five' },
    rampPosition: 1, linkedMeasures: [], notes: [], stageDates: {}, createdAt: now, updatedAt: now,
  });
  // What the milestone feature writes when someone records a milestone for a case.
  await s.app.db.collection(COLLECTIONS.audit).insertOne({
    workspaceId: 'T-ALPHA', at: now, actor: { userId: 'U-ADA', name: 'Ada Lovelace' }, entity: 'case', entityId: 'C1042',
    action: 'record', before: null, after: null, source: { platform: 'slack', eventId: 'Ev1' },
  });
  // Later: the same case put in a team, and an earlier entry for it: neither is another row.
  await s.app.db.collection(COLLECTIONS.audit).insertMany([
    { workspaceId: 'T-ALPHA', at: new Date(now.getTime() + 1000), actor: { userId: 'U-ADA', name: 'Ada Lovelace' }, entity: 'case', entityId: 'C1042',
      action: 'team', before: { team: null }, after: { team: 'North' }, source: { platform: 'slack', eventId: 'Ev2' } },
    { workspaceId: 'T-ALPHA', at: new Date(now.getTime() - 1000), actor: { userId: 'U-ADA', name: 'Ada Lovelace' }, entity: 'case', entityId: 'C1042',
      action: 'record', before: null, after: null, source: { platform: 'slack', eventId: 'Ev0' } },
  ]);
  s.fake.clear();
});

const homeOpened = (user: string, teamId = 'T-ALPHA') =>
  slackEvent({ teamId, event: { type: 'app_home_opened', user, channel: `D-${user}`, tab: 'home', channel_type: undefined, text: undefined } });

const allText = (blocks: unknown[]) => JSON.stringify(blocks);

describe('App Home', () => {
  it('publishes the person\'s home: open tests, the next meeting, recent entries and action buttons', async () => {
    expect((await deliver(s.app.url, homeOpened('U-ADA'))).status).toBe(200);
    const [published] = await s.fake.waitFor('views.publish');
    expect(published!.body.user_id).toBe('U-ADA');
    expect(published!.body.view.type).toBe('home');
    const text = allText(published!.body.view.blocks);
    expect(text).toContain('T-7 Agenda at 72-hour meetings');
    expect(text).toContain('Thu 10 Jan 2030, 10:00');
    expect(text).toContain('*C1042*\\nmilestones recorded');
    // Milestone entries only, each case once.
    expect(text.match(/\*C1042\*/g)).toHaveLength(1);
    expect(text).not.toMatch(/\*C1042\*\\nteam/);
    const buttons = published!.body.view.blocks.filter((b: { type: string }) => b.type === 'actions').flatMap((b: { elements: { value: string }[] }) => b.elements);
    const verbs = buttons.map((b: { value: string }) => JSON.parse(b.value).verb);
    expect(verbs).toEqual(expect.arrayContaining(['pdsa.new', 'pdsa.stage', 'pdsa.show']));
  });

  it('a Home button opens its form with the click\'s trigger id', async () => {
    const value = JSON.stringify({ verb: 'pdsa.new', data: {} });
    const res = await deliver(s.app.url, blockActions({ value, triggerId: 'trig-home-1', container: { type: 'view', view_id: 'V-HOME' } }));
    expect(res.status).toBe(200);
    const [opened] = await s.fake.waitFor('views.open');
    expect(opened!.body).toMatchObject({ trigger_id: 'trig-home-1', view: { callback_id: 'pdsa-plan' } });
    // Opened from the Home tab, the answer to the form goes to the app's DM with Ada.
    expect(JSON.parse(opened!.body.view.private_metadata).c).toBe('U-ADA');
  });

  it('another workspace\'s home shows none of team A\'s data', async () => {
    await deliver(s.app.url, homeOpened('U-BEN', 'T-BETA'));
    const [published] = await s.fake.waitFor('views.publish');
    const text = allText(published!.body.view.blocks);
    expect(text).not.toContain('Alpha PACE');
    expect(text).not.toContain('T-7');
    expect(text).toContain('no programme yet');
  });
});

describe('workspaces are separate', () => {
  it('team B\'s first user sees none of team A\'s groups and becomes admin of team B', async () => {
    await deliver(s.app.url, slackEvent({ teamId: 'T-BETA', event: { user: 'U-BEN', channel: 'D-BEN', text: 'groups' } }));
    const [post] = await s.fake.waitFor('chat.postMessage');
    expect(post!.body.channel).toBe('D-BEN');
    expect(post!.body.text).not.toContain('Permanence');
    const ben = await s.app.db.collection(COLLECTIONS.members).findOne({ userId: 'U-BEN' });
    expect(ben).toMatchObject({ workspaceId: 'T-BETA', roles: ['admin'] });
    const ada = await s.app.db.collection(COLLECTIONS.members).findOne({ userId: 'U-ADA' });
    expect(ada).toMatchObject({ workspaceId: 'T-ALPHA', roles: ['admin'] });
  });

  it('keeps Enterprise Grid workspaces apart as enterprise:team', async () => {
    await deliver(s.app.url, slackEvent({ teamId: 'T-GRID', enterpriseId: 'E-ORG', event: { user: 'U-GIA', channel: 'D-GIA', text: 'help' } }));
    await s.fake.waitFor('chat.postMessage');
    expect(await s.app.db.collection(COLLECTIONS.members).findOne({ userId: 'U-GIA' })).toMatchObject({ workspaceId: 'E-ORG:T-GRID' });
  });
});

describe('the error boundary', () => {
  it('tells the person sorry, without internals, when Slack refuses the answer', async () => {
    s.fake.failNext('chat.postMessage', 'msg_too_long');
    await deliver(s.app.url, slackEvent({ event: { text: 'help' } }));
    const [, apology] = await s.fake.waitFor('chat.postMessage', 2);
    expect(apology!.body.channel).toBe('D-ADA');
    expect(apology!.body.text).toMatch(/^Sorry — something went wrong on our side/);
    expect(apology!.body.text).not.toMatch(/msg_too_long|at .*\.ts|Error/);
  });

  it('shows an AppError\'s own message when a button carries a broken value', async () => {
    await deliver(s.app.url, blockActions({ value: 'not json', channelId: 'D-ADA' }));
    const [post] = await s.fake.waitFor('chat.postMessage');
    expect(post!.body.text).toBe('That button has expired. Type `help` to see what you can do.');
  });
});
