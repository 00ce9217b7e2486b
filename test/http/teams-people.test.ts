import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/store/collections.js';
import { BOT, postActivity, TEAM_ID, TENANT_A, teamsCardAction, teamsMessage, teamsUser } from '../fakes/teams-activities.js';
import { useTeamsHarness } from '../helpers/teams-harness.js';

const h = useTeamsHarness();
const admin = teamsUser('Alex Admin');
const sam = teamsUser('Sam Lee');
const nia = teamsUser('Nia Brown');
const rosterEntry = (user: typeof sam, email: string) => ({ id: user.id, name: user.name, aadObjectId: user.aadObjectId, email, userPrincipalName: email });

/** Everything the bot posted back, as one string, for reading like a person would. */
const posted = () => JSON.stringify(h.connector.posts().map((p) => p.body));
const say = async (text: string, options: { scope?: 'personal' | 'channel'; user?: typeof admin; extra?: Record<string, unknown> } = {}) => {
  const res = await postActivity(h.bot.url, teamsMessage(text, { serviceUrl: h.connector.url, user: options.user ?? admin, scope: options.scope ?? 'personal', ...(options.extra && { extra: options.extra }) }));
  expect(res.status).toBe(200);
};
const member = (userId: string) => h.bot.db.collection(COLLECTIONS.members).findOne({ workspaceId: TENANT_A, userId });
const group = (key: string) => h.bot.db.collection(COLLECTIONS.groups).findOne({ workspaceId: TENANT_A, key });

describe('Teams: adding people from the team’s roster', () => {
  it('an @mention in a channel is found in the roster (TeamsInfo) and added as the lead, by their AAD id', async () => {
    await say('setup programme "Tenant PACE"');
    await say('group add "Health"');
    h.connector.roster = [rosterEntry(sam, 'sam@contoso.org'), rosterEntry(nia, 'nia@contoso.org')];
    const botMention = `<at>${BOT.name}</at>`;
    const text = `${botMention} group health lead <at>Sam Lee</at>`;
    await say('', {
      scope: 'channel',
      extra: {
        text,
        entities: [
          { type: 'mention', text: botMention, mentioned: BOT },
          { type: 'mention', text: '<at>Sam Lee</at>', mentioned: { id: sam.id, name: 'Sam Lee' } },
        ],
      },
    });
    expect(posted()).toMatch(/Sam Lee is now a lead of \*\*Health\*\*/);
    expect(h.connector.calls.some((c) => c.method === 'GET' && c.path.endsWith('/pagedmembers'))).toBe(true);
    expect(await member(sam.aadObjectId)).toMatchObject({ name: 'Sam Lee', email: 'sam@contoso.org' });
    expect((await group('health'))!.leads).toEqual([sam.aadObjectId]);

    // Sam, writing to the bot for the first time, is the same person.
    h.connector.clear();
    await say('whoami', { user: sam });
    expect(posted()).toContain('You are Sam Lee: lead of Health');
  });

  it('the group form’s people picker (AAD ids) adds the picked people, read from the roster', async () => {
    const values = {
      name: 'Education',
      aimStatement: 'More children stay at their school',
      aimTarget: '90% within 12 weeks',
      aimTargetDate: '2027-12-31',
      addMembers: `${nia.aadObjectId},${sam.aadObjectId}`,
    };
    const res = await postActivity(h.bot.url, teamsCardAction('setup.group.save', values, { serviceUrl: h.connector.url, user: admin }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('Education');
    const education = await group('education');
    expect(education!.members).toEqual(expect.arrayContaining([nia.aadObjectId, sam.aadObjectId]));
    expect(await member(nia.aadObjectId)).toMatchObject({ name: 'Nia Brown', addedBy: admin.aadObjectId });
  });

  it('someone named who is not in the roster is not added, and the answer says how', async () => {
    h.connector.roster = [];
    await say('person add "Zoe Quinn"');
    expect(posted()).toMatch(/I don't know \\"Zoe Quinn\\" yet\. Pick them with an @mention/);
    expect(await h.bot.db.collection(COLLECTIONS.members).countDocuments({ workspaceId: TENANT_A, name: 'Zoe Quinn' })).toBe(0);
  });
});

describe('Teams: finding a colleague from the personal chat', () => {
  const kim = teamsUser('Kim Ode');
  const personal = `a:1personal-${admin.aadObjectId}`;
  const pagedFrom = () => h.connector.calls.filter((c) => c.method === 'GET' && c.path.endsWith('/pagedmembers')).map((c) => c.conversationId);
  const pickKim = () =>
    postActivity(h.bot.url, teamsCardAction('setup.group.save', { name: 'Kinship', addMembers: kim.aadObjectId }, { serviceUrl: h.connector.url, user: admin }));

  it('falls back to the team of the channel linked to the programme, as a personal chat lists only its user', async () => {
    // As Teams answers: the personal chat's roster is the person writing; the team's is everyone.
    h.connector.roster = [];
    h.connector.rosters.set(personal, [rosterEntry(admin, 'alex@contoso.org')]);
    h.connector.rosters.set(TEAM_ID, [rosterEntry(admin, 'alex@contoso.org'), rosterEntry(kim, 'kim@contoso.org')]);

    // No channel linked yet: nobody to fall back to, so Kim is not found, and nothing is added.
    const before = await pickKim();
    expect(before.status).toBe(200);
    expect(pagedFrom()).toEqual([personal]);
    expect(await member(kim.aadObjectId)).toBeNull();
    expect(await group('kinship')).toBeNull();

    await say('champions channel', { scope: 'channel' });
    h.connector.clear();
    const res = await pickKim();
    expect(res.status).toBe(200);
    expect(pagedFrom()).toEqual([personal, TEAM_ID]);
    expect(await member(kim.aadObjectId)).toMatchObject({ name: 'Kim Ode', email: 'kim@contoso.org', addedBy: admin.aadObjectId });
    expect((await group('kinship'))!.members).toContain(kim.aadObjectId);
  });
});
