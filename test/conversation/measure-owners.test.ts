import { beforeAll, describe, expect, it } from 'vitest';
import { COACH, LEAD, replyText } from '../helpers/test-bot.js';
import { useProgrammeBot } from './pdsa-scenario.js';

// A phone try-out: a lead of one group dismissed a proposed phase on another group's key measure,
// because catalogue measures belong to no group. Whose measure it is decides who reads its chart.
const bot = useProgrammeBot();
const LEGAL_KEY = 'adm-decision-to-application-lodged';

beforeAll(async () => {
  const groups = bot().db.collection('groups');
  await groups.updateOne({ key: 'permanence-milestones' }, { $set: { 'aim.measureKey': 'accommodated-to-permanence-recommendation' } });
  await groups.updateOne(
    { key: 'legal-processes' },
    { $set: { aim: { statement: 'Lodge applications sooner', target: '12 weeks', targetDate: '2027-12-31', measureKey: LEGAL_KEY } } },
  );
});

describe("who decides how a catalogue measure's chart is read", () => {
  it("refuses a lead of another group the key measure's baseline, naming its group", async () => {
    const said = replyText(await bot().say(LEAD, `measure ${LEGAL_KEY} baseline 12 "before the new checklist"`));
    expect(said).toMatch(/^Only a lead of Legal processes, a coach or an admin can change how the .* is read\./);
    expect(await bot().db.collection('measures').countDocuments({ key: LEGAL_KEY })).toBe(0);
  });

  it("lets the coach, and the lead of the measure's own group, past the same check", async () => {
    expect(replyText(await bot().say(COACH, `measure ${LEGAL_KEY} baseline 12 "before the new checklist"`))).not.toMatch(/^Only/);
    expect(replyText(await bot().say(LEAD, 'measure accommodated-to-permanence-recommendation baseline 12 "before the agenda"'))).not.toMatch(/^Only/);
  });

  it('lets any lead read a measure no group has taken on', async () => {
    expect(replyText(await bot().say(LEAD, 'measure accommodated-to-first-lac-review baseline 12 "before the agenda"'))).not.toMatch(/^Only/);
  });
});
