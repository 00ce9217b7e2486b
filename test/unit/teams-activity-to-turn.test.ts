import { describe, expect, it } from 'vitest';
import { toTurn } from '../../adapters/teams/to-turn.js';
import {
  BOT,
  CHANNEL_ID,
  TENANT_A,
  teamsActivity,
  teamsCardAction,
  teamsCardSubmit,
  teamsMessage,
  teamsUser,
} from '../fakes/teams-activities.js';

const at = new Date('2026-11-19T10:00:00Z');
const serviceUrl = 'http://127.0.0.1:9/';
const ana = teamsUser('Ana Smith', '22222222-2222-4222-8222-222222222222');

describe('Teams activity → Turn', () => {
  it('keys a personal message by tenant and Entra object id, as a direct conversation', () => {
    const activity = teamsMessage('help', { serviceUrl, user: ana });
    const turn = toTurn(activity, at);
    expect(turn).toMatchObject({
      platform: 'teams',
      workspaceId: TENANT_A,
      user: { id: ana.aadObjectId, name: 'Ana Smith' },
      conversation: { id: (activity.conversation as { id: string }).id, kind: 'direct' },
      text: 'help',
      eventId: activity.id,
      receivedAt: at,
    });
  });

  it('reads the tenant from conversation.tenantId when channelData has none', () => {
    const activity = teamsMessage('help', { serviceUrl, tenantId: 'tenant-from-conversation' });
    delete (activity.channelData as { tenant?: unknown }).tenant;
    expect(toTurn(activity, at).workspaceId).toBe('tenant-from-conversation');
  });

  it('gives Bot Framework Emulator sessions (no tenant) a local workspace, and only them', () => {
    const emulator = teamsMessage('help', {
      serviceUrl,
      extra: { channelId: 'emulator', channelData: {} },
    });
    delete (emulator.conversation as { tenantId?: unknown }).tenantId;
    expect(toTurn(emulator, at).workspaceId).toBe('emulator-local');
  });

  it('strips the bot mention in a channel thread and keeps other people as quoted names', () => {
    const activity = teamsMessage('group perm lead <at>Ana Smith</at>', {
      serviceUrl,
      scope: 'channel',
      threadId: '1700000000042',
    });
    const turn = toTurn(activity, at);
    expect(turn.text).toBe('group perm lead "Ana Smith"');
    expect(turn.conversation).toEqual({
      id: CHANNEL_ID,
      kind: 'thread',
      threadId: '1700000000042',
    });
  });

  it('treats a channel post outside a reply chain as the channel and a group chat as a channel', () => {
    expect(toTurn(teamsMessage('help', { serviceUrl, scope: 'channel' }), at).conversation).toEqual(
      { id: CHANNEL_ID, kind: 'channel' },
    );
    expect(
      toTurn(teamsMessage('help', { serviceUrl, scope: 'groupChat' }), at).conversation.kind,
    ).toBe('channel');
  });

  it('strips a bare <at> tag of the bot even without a mention entity', () => {
    const activity = teamsActivity({
      serviceUrl,
      scope: 'groupChat',
      extra: { text: `<at>${BOT.name}</at>&nbsp;whoami` },
    });
    expect(toTurn(activity, at).text).toBe('whoami');
  });

  it('turns the Action.Submit fallback into an action: verb, data, and string inputs as values with "other" folded', () => {
    const activity = teamsCardSubmit(
      'pdsa.plan.save',
      { formId: 'pdsa-plan', groupKey: 'perm', n: 3, idea: '', idea__other: ' Weekly huddle ' },
      { serviceUrl },
    );
    const turn = toTurn(activity, at);
    expect(turn.text).toBeUndefined();
    expect(turn.action).toEqual({
      verb: 'pdsa.plan.save',
      data: { groupKey: 'perm', n: 3, idea: '', idea__other: ' Weekly huddle ' },
      values: { groupKey: 'perm', idea: 'Weekly huddle' },
    });
  });

  it('turns an adaptiveCard/action invoke into the same action from value.action', () => {
    const turn = toTurn(
      teamsCardAction(
        'setup.programme.save',
        { formId: 'programme-settings', name: 'Northshire PACE' },
        { serviceUrl },
      ),
      at,
    );
    expect(turn.action).toEqual({
      verb: 'setup.programme.save',
      data: { name: 'Northshire PACE' },
      values: { name: 'Northshire PACE' },
    });
  });

  it('refuses an activity without a tenant or without sender with a ValidationError', () => {
    const noTenant = teamsMessage('help', { serviceUrl });
    delete (noTenant.channelData as { tenant?: unknown }).tenant;
    delete (noTenant.conversation as { tenantId?: unknown }).tenantId;
    expect(() => toTurn(noTenant, at)).toThrow(expect.objectContaining({ code: 'no_tenant' }));
    const noSender = { ...teamsMessage('help', { serviceUrl }), from: undefined };
    expect(() => toTurn(noSender, at)).toThrow(
      expect.objectContaining({ code: 'invalid_activity', field: 'from' }),
    );
  });
});
