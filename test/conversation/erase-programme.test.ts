import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/store/collections.js';
import { KEPT_ON_WORKSPACE_ERASE } from '../../src/programme/privacy/erase-workspace.js';
import { ADMIN, MEMBER, firstCard, replyText } from '../helpers/test-bot.js';
import { recordAndConfirm } from './milestones-helpers.js';
import { planCycle, planValues, useProgrammeBot } from './pdsa-scenario.js';

// A DPO review: an area ending its contract had no way to have its data erased.
const bot = useProgrammeBot();
const WORKSPACE = 'T-TEST';

async function heldByWorkspace(): Promise<Record<string, number>> {
  const held: Record<string, number> = {};
  for (const [key, name] of Object.entries(COLLECTIONS)) {
    const filter = key === 'workspaces' ? { _id: WORKSPACE as never } : key === 'counters' ? { _id: { $regex: `^${WORKSPACE}:` } as never } : { workspaceId: WORKSPACE };
    const count = await bot().db.collection(name).countDocuments(filter);
    if (count > 0) held[key] = count;
  }
  return held;
}

const pendingOf = (replies: Awaited<ReturnType<ReturnType<typeof bot>['say']>>, id: string) =>
  firstCard(replies).buttons!.find((b) => b.id === id)!.action;

describe('erase programme', () => {
  it('is for an admin, in a direct message', async () => {
    expect(replyText(await bot().say(MEMBER, 'erase programme'))).toMatch(/^Only an admin can erase the programme\./);
    expect(replyText(await bot().say(ADMIN, 'erase programme', { kind: 'channel' }))).toMatch(/in a direct message with me, not in a channel/);
  });

  it('asks first with the counts; Cancel changes nothing', async () => {
    await recordAndConfirm(bot(), 'C1042 accommodated 3 Oct');
    await planCycle(bot(), MEMBER, planValues());
    const before = await heldByWorkspace();
    const asked = await bot().say(ADMIN, 'erase programme');
    expect(firstCard(asked).facts).toEqual(
      expect.arrayContaining([{ label: 'Children', value: '1' }, { label: 'Tests of change', value: '1' }]),
    );
    const cancel = pendingOf(asked, 'keep');
    expect(replyText(await bot().act(ADMIN, cancel.verb, cancel.data!))).toMatch(/Nothing changed/);
    const after = await heldByWorkspace();
    // The cancelled question is the only difference.
    expect({ ...after, pending: 0 }).toEqual({ ...before, pending: 0 });
  });

  it("deletes everything the workspace holds, and nothing of another's", async () => {
    await bot().db.collection(COLLECTIONS.cases).insertOne({ workspaceId: 'T-OTHER', caseRef: 'C9999', milestones: {}, version: 1 });
    const asked = await bot().say(ADMIN, 'erase programme');
    const erase = pendingOf(asked, 'erase');
    // A member cannot press the admin's button.
    expect(replyText(await bot().act(MEMBER, erase.verb, erase.data!))).toMatch(/Only an admin can erase the programme/);
    expect(Object.keys(await heldByWorkspace())).toContain('cases');
    expect(replyText(await bot().act(ADMIN, erase.verb, erase.data!))).toMatch(/Everything pacebot held for this workspace is deleted \(\d+ records\), and the store has rewritten its files/);
    expect(await heldByWorkspace()).toEqual({});
    expect(await bot().db.collection(COLLECTIONS.cases).countDocuments({ workspaceId: 'T-OTHER' })).toBe(1);
    // The button again: the question went with everything else.
    expect(replyText(await bot().act(ADMIN, erase.verb, erase.data!))).toMatch(/already answered, or it expired/);
  });

  it('says why each collection it leaves is not the area\'s', () => {
    expect(Object.keys(KEPT_ON_WORKSPACE_ERASE).sort()).toEqual(['migrations', 'processedEvents', 'slackInstallations']);
  });
});
