import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/store/collections.js';
import type { SlackCall } from '../fakes/fake-slack-api.js';
import { TEAM, deliver, slashCommand, viewSubmission } from '../fakes/slack-payloads.js';
import { useSlackTestApp } from '../helpers/slack-test-app.js';

const s = useSlackTestApp();

/** `/pace <text>` from Ada, over signed HTTP; resolves with everything posted to its response_url. */
async function pace(text: string): Promise<string> {
  const id = `cmd-${Math.random().toString(36).slice(2)}`;
  const res = await deliver(s.app.url, slashCommand({ text, response_url: s.fake.responseUrl(id) }));
  expect(res.status).toBe(200);
  const [answer] = await s.fake.waitFor(`response_url:${id}`);
  return JSON.stringify(answer!.body);
}

const member = (userId: string) => s.app.db.collection(COLLECTIONS.members).findOne({ workspaceId: TEAM, userId });
const group = (key: string) => s.app.db.collection(COLLECTIONS.groups).findOne({ workspaceId: TEAM, key });
const calls = (method: string) => s.fake.calls.filter((c: SlackCall) => c.method === method);

describe('Slack: adding people who have never written to the bot', () => {
  it('an @mention is looked up with users.info and the person is added as the lead, audited', async () => {
    await pace('setup programme "Alpha PACE"');
    await pace('group add "Health"');
    s.fake.users.set('U0SAM1234', 'Sam Lee');
    const said = await pace('group health lead <@U0SAM1234|sam>');
    expect(said).toContain('Sam Lee is now a lead of *Health*');
    expect(calls('users.info').map((c) => c.body.user)).toContain('U0SAM1234');
    expect(await member('U0SAM1234')).toMatchObject({ name: 'Sam Lee', addedBy: 'U-ADA', roles: [] });
    expect((await group('health'))!.leads).toEqual(['U0SAM1234']);
    const audit = await s.app.db.collection(COLLECTIONS.audit).find({ workspaceId: TEAM, entityId: 'U0SAM1234' }).toArray();
    expect(audit.map((a) => a.action)).toEqual(['add_person']);
  });

  it('a work e-mail is looked up with users.lookupByEmail; any other e-mail is refused as an identifier', async () => {
    s.fake.users.set('U0KIM1234', 'Kim Ode');
    s.fake.emails.set('kim@example.org', 'U0KIM1234');
    const said = await pace('person add <mailto:kim@example.org|kim@example.org> as member of health');
    expect(said).toContain('*Kim Ode* is added to pacebot');
    expect(said).toContain('Kim Ode is now a member of *Health*');
    expect(calls('users.lookupByEmail').map((c) => c.body.email)).toEqual(['kim@example.org']);
    expect(await member('U0KIM1234')).toMatchObject({ name: 'Kim Ode', email: 'kim@example.org' });

    // Not a colleague on Slack: it could be anyone's, so the identifier guard refuses it.
    expect(await pace('person add nobody@example.org')).toContain('That looks like an email address');
    expect(await pace('person add Zed')).toMatch(/I don't know \\"Zed\\" yet\. Pick them with an @mention \(or give their work e-mail\)/);
    expect(await s.app.db.collection(COLLECTIONS.members).countDocuments({ workspaceId: TEAM })).toBe(3);
  });

  it('the group form has user pickers; people picked there are looked up and added', async () => {
    await deliver(s.app.url, slashCommand({ text: 'group new', trigger_id: 'trig-group-new' }));
    const [opened] = await s.fake.waitFor('views.open');
    const elements = opened!.body.view.blocks.map((b: { element?: { type: string; action_id: string } }) => b.element).filter(Boolean);
    expect(elements).toEqual(expect.arrayContaining([
      { type: 'multi_users_select', action_id: 'addLeads' },
      { type: 'multi_users_select', action_id: 'addMembers' },
    ]));
    s.fake.users.set('U0NIA1234', 'Nia Brown');
    const view = opened!.body.view;
    const values = {
      name: { name: { type: 'plain_text_input', value: 'Education' } },
      aimStatement: { aimStatement: { type: 'plain_text_input', value: 'More children stay at their school' } },
      aimTarget: { aimTarget: { type: 'plain_text_input', value: '90% within 12 weeks' } },
      aimTargetDate: { aimTargetDate: { type: 'datepicker', selected_date: '2027-12-31' } },
      addLeads: { addLeads: { type: 'multi_users_select', selected_users: ['U0NIA1234'] } },
      addMembers: { addMembers: { type: 'multi_users_select', selected_users: ['U0KIM1234', 'U0NIA1234'] } },
    };
    const answer = await deliver(s.app.url, viewSubmission({ callbackId: view.callback_id, privateMetadata: view.private_metadata, values }));
    expect(answer.status).toBe(200);
    await expect.poll(() => group('education'), { timeout: 5000 }).toBeTruthy();
    const education = await group('education');
    expect(education!.leads).toEqual(['U0NIA1234']);
    expect(education!.members).toEqual(expect.arrayContaining(['U0NIA1234', 'U0KIM1234']));
    expect(await member('U0NIA1234')).toMatchObject({ name: 'Nia Brown' });
  });
});
