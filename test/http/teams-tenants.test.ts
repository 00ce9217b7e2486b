import { beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/store/collections.js';
import {
  postActivity,
  TENANT_A,
  TENANT_B,
  teamsCardAction,
  teamsMessage,
  teamsUser,
} from '../fakes/teams-activities.js';
import { useTeamsHarness } from '../helpers/teams-harness.js';

const h = useTeamsHarness();

const alex = teamsUser('Alex Admin');
const bea = teamsUser('Bea Other');

beforeAll(async () => {
  await postActivity(
    h.bot.url,
    teamsMessage('setup programme "Riverside PACE"', { serviceUrl: h.connector.url, user: alex }),
  );
  await postActivity(
    h.bot.url,
    teamsMessage('group add "Permanence milestones"', { serviceUrl: h.connector.url, user: alex }),
  );
});

const asBea = { user: bea, tenantId: TENANT_B };
const shownToBea = () => JSON.stringify(h.connector.posts().map((p) => p.body));

describe('Teams tenants are separate workspaces', () => {
  it('has tenant A set up', async () => {
    expect(
      await h.bot.db.collection(COLLECTIONS.programmes).findOne({ workspaceId: TENANT_A }),
    ).toMatchObject({ name: 'Riverside PACE' });
    expect(
      await h.bot.db.collection(COLLECTIONS.groups).countDocuments({ workspaceId: TENANT_A }),
    ).toBe(1);
  });

  it('gives the first person of tenant B an empty world of their own, as its admin', async () => {
    await postActivity(h.bot.url, teamsMessage('setup', { ...asBea, serviceUrl: h.connector.url }));
    const card = shownToBea();
    expect(card).toContain('Set up your programme');
    expect(card).not.toContain('Riverside');
    await postActivity(
      h.bot.url,
      teamsMessage('groups', { ...asBea, serviceUrl: h.connector.url }),
    );
    expect(shownToBea()).not.toContain('Permanence milestones');
    expect(
      await h.bot.db
        .collection(COLLECTIONS.members)
        .findOne({ workspaceId: TENANT_B, userId: bea.aadObjectId }),
    ).toMatchObject({ roles: ['admin'] });
  });

  it("cannot reach tenant A's group with A's key from a card action", async () => {
    const group = await h.bot.db.collection(COLLECTIONS.groups).findOne({ workspaceId: TENANT_A });
    const { status, body } = await postActivity(
      h.bot.url,
      teamsCardAction(
        'setup.group.edit',
        { key: group!.key },
        { ...asBea, serviceUrl: h.connector.url },
      ),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(JSON.stringify(body)).not.toContain('Permanence milestones');
  });

  it("saves tenant B's programme beside A's without touching it", async () => {
    await postActivity(
      h.bot.url,
      teamsMessage('setup programme "Hillside PACE"', { ...asBea, serviceUrl: h.connector.url }),
    );
    const programmes = await h.bot.db
      .collection(COLLECTIONS.programmes)
      .find({}, { projection: { _id: 0, workspaceId: 1, name: 1 } })
      .sort({ workspaceId: 1 })
      .toArray();
    expect(programmes).toEqual([
      { workspaceId: TENANT_A, name: 'Riverside PACE' },
      { workspaceId: TENANT_B, name: 'Hillside PACE' },
    ]);
  });
});
