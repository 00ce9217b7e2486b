import { describe, expect, it } from 'vitest';
import { ADMIN, LEAD, replyText } from '../helpers/test-bot.js';
import { insertCases } from './measures-seed.js';
import { useProgrammeBot } from './pdsa-scenario.js';

// A try-out: a key measure no child had reached the end of was drawn in the digest as an empty
// frame with a 0–1.2 axis. It is said as "no data yet", with no picture.
const bot = useProgrammeBot({ now: '2026-11-19T10:00:00Z' });

describe('a key measure with no data yet, in the digest', () => {
  it('is listed as no data yet, and no empty chart is drawn for it', async () => {
    await bot().db.collection('groups').updateOne(
      { key: 'legal-processes' },
      { $set: { leads: [LEAD.id], aim: { statement: 'Lodge sooner', target: '12 weeks', targetDate: '2027-12-31', measureKey: 'adm-decision-to-application-lodged' } } },
    );
    await insertCases(bot().db, 'T-TEST', [
      { caseRef: 'C8001', milestones: { accommodated: { actual: '2026-01-05' }, adm_decision: { actual: '2026-06-01' } } },
    ]);
    await bot().say(ADMIN, 'meeting set every 6 weeks from 3 Dec 2026 10:00');
    const replies = await bot().say(LEAD, 'digest preview', { kind: 'channel' });
    const alts = replies.flatMap((r) => (r.kind === 'image' ? [r.alt] : r.kind === 'card' ? (r.card.images ?? []).map((i) => i.alt) : []));
    expect(alts.join('\n')).not.toMatch(/ADM decision to court application lodged/i);
    expect(replyText(replies)).toMatch(/ADM decision to court application lodged[^\n]*: no data yet/);
  });
});
