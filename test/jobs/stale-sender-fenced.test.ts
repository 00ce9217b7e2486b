import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimNextDelivery, claimStaleDelivery, LostClaimError, updateClaimed } from '../../src/deliveries/claim-delivery.js';
import { enqueueDelivery } from '../../src/deliveries/enqueue-delivery.js';
import { ensureIndexes } from '../../src/store/collections.js';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

// A sender that hung past its lease and wakes while another process holds a fresh claim must not
// be able to write the delivery: the claim token fences it out.

const NOW = new Date('2026-11-19T10:00:00Z');
const LEASE_MS = 60_000;
let testDb: TestDb;
beforeAll(async () => {
  testDb = await openTestDb('stale_sender');
  await ensureIndexes(testDb.db);
});
afterAll(() => testDb.drop());

describe('a stale sender that wakes', () => {
  it('cannot write while a fresh claim is live, and the fresh claim can', async () => {
    const delivery = {
      workspaceId: 'T-FENCE',
      kind: 'reminder' as const,
      sourceId: 'study:U1',
      occurrence: '2026-W47',
      recipient: { platform: 'slack' as const, kind: 'user' as const, id: 'U1' },
      replies: [{ kind: 'text' as const, text: 'Your test of change is due for Study.' }],
    };
    expect(await enqueueDelivery(testDb.db, delivery, NOW)).toBe(true);
    const first = (await claimNextDelivery(testDb.db, 'hung', NOW, LEASE_MS))!;
    expect(first).not.toBeNull();
    const later = new Date(NOW.getTime() + LEASE_MS + 1000);
    const fresh = (await claimStaleDelivery(testDb.db, 'fresh', later, LEASE_MS))!;
    expect(fresh.claim).not.toBe(first.claim);
    await expect(updateClaimed(testDb.db, first, { $set: { status: 'sent', updatedAt: later } })).rejects.toBeInstanceOf(LostClaimError);
    const held = await testDb.db.collection('deliveries').findOne({ _id: first._id });
    expect(held).toMatchObject({ status: 'sending', claimedBy: 'fresh', claim: fresh.claim });
    await updateClaimed(testDb.db, fresh, { $set: { status: 'sent', updatedAt: later } });
    expect(await testDb.db.collection('deliveries').findOne({ _id: first._id })).toMatchObject({ status: 'sent' });
  });
});
