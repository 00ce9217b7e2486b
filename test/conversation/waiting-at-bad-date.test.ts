import { describe, expect, it } from 'vitest';
import { LEAD, replyText } from '../helpers/test-bot.js';
import { insertCases } from './measures-seed.js';
import { useProgrammeBot } from './pdsa-scenario.js';

// A review: `waiting at` read days from a stored date that is no real day (an import may bring one:
// the schema checks its shape only), and threw, which a person gets as "something went wrong".
const bot = useProgrammeBot();

describe('waiting at, with a stored date that is no real day', () => {
  it('answers with the other children', async () => {
    await insertCases(bot().db, 'T-TEST', [
      { caseRef: 'C7001', milestones: { accommodated: { actual: '2026-02-30' } } },
      { caseRef: 'C7002', milestones: { accommodated: { actual: '2026-03-02' } } },
    ]);
    const said = replyText(await bot().say(LEAD, 'waiting at accommodated'));
    expect(said).toMatch(/Waiting at accommodated/);
    expect(said).toMatch(/C7002/);
  });
});
