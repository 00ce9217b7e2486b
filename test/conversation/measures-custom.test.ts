import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/turn.js';
import { COACH, firstCard, LEAD, MEMBER, replyText, type TestBot } from '../helpers/test-bot.js';
import { imageOf, pngSize, startMeasuresBot } from './measures-seed.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startMeasuresBot();
});
afterAll(() => bot.drop());

const points = () =>
  bot.db
    .collection('data_points')
    .find({ workspaceId: 'T-TEST' }, { sort: { period: 1 } })
    .toArray();
const storedValue = async (period: string) =>
  (await bot.db.collection('data_points').findOne({ measureKey: 'template-use', period }))?.value;
function button(replies: Reply[], label: string) {
  const found = firstCard(replies).buttons?.find((b) => b.label === label);
  if (!found) throw new Error(`no ${label} button in ${replyText(replies)}`);
  return found.action;
}

describe('defining a custom measure', () => {
  it('is for leads, coaches and admins only', async () => {
    expect(replyText(await bot.say(MEMBER, 'measure new "Template use" unit % better up'))).toMatch(
      /Only a lead, a coach or an admin can define measures/,
    );
    expect(await bot.db.collection('measures').countDocuments()).toBe(0);
  });

  it('needs a unit and the better direction, and says why', async () => {
    expect(replyText(await bot.say(LEAD, 'measure new "Template use" unit %'))).toMatch(
      /better up.*whether a shift is good news/,
    );
    expect(replyText(await bot.say(LEAD, 'measure new "Template use" better up'))).toMatch(
      /Say its unit/,
    );
    expect(
      replyText(await bot.say(LEAD, 'measure new "Template use" unit % better up target 120')),
    ).toMatch(/between 0 and 100/);
    expect(await bot.db.collection('measures').countDocuments()).toBe(0);
  });

  it('creates it, audited, and refuses the same name twice', async () => {
    const reply = replyText(
      await bot.say(
        LEAD,
        'measure new "Template use" unit % better up target 80 group permanence-milestones monthly',
      ),
    );
    expect(reply).toMatch(
      /Measure \*Template use\* created \(`template-use`\): values are a percentage from 0 to 100, higher is better, target 80%, monthly, for Permanence milestones/,
    );
    expect(await bot.db.collection('measures').findOne({ key: 'template-use' })).toMatchObject({
      kind: 'custom',
      unit: '%',
      groupKey: 'permanence-milestones',
      target: 80,
    });
    expect(
      await bot.db
        .collection('audit')
        .findOne({ entity: 'measure', entityId: 'template-use', action: 'create' }),
    ).toMatchObject({ actor: { userId: LEAD.id } });
    expect(replyText(await bot.say(COACH, 'measure new "template use" unit % better up'))).toMatch(
      /already a measure called \*Template use\*/,
    );
    expect(
      replyText(await bot.say(COACH, 'measure new "Reports on time" unit reports better up')),
    ).toMatch(/a whole number of reports/);
  });
});

describe('recording values', () => {
  it('understands a value said in plain words, and audits it', async () => {
    expect(replyText(await bot.say(MEMBER, 'report template use October 64%'))).toMatch(
      /Recorded: \*Template use\* for October 2026 = 64%/,
    );
    expect(replyText(await bot.say(MEMBER, 'template use for Sep 2026 was 58%'))).toMatch(
      /September 2026 = 58%/,
    );
    expect(replyText(await bot.say(MEMBER, 'measure record template-use last month 61'))).toMatch(
      /already 64%|October 2026 already has a value/,
    );
    expect((await points()).map((p) => [p.period, p.value])).toEqual([
      ['2026-09', 58],
      ['2026-10', 64],
    ]);
    const audit = await bot.db
      .collection('audit')
      .findOne({ entity: 'data_point', entityId: 'template-use:2026-10', action: 'record' });
    expect(audit).toMatchObject({
      actor: { userId: MEMBER.id },
      before: null,
      after: { value: 64 },
    });
    // What was understood is the `after`; the message itself is not kept.
    expect(audit!.source).toEqual({ platform: 'web', eventId: expect.stringMatching(/^evt-/) });
  });

  it('asks before overwriting; Keep leaves the old value', async () => {
    const asked = await bot.say(MEMBER, 'template use for Oct 2026 was 70%');
    expect(replyText(asked)).toMatch(
      /October 2026 already has a value[\s\S]*Recorded: 64%[\s\S]*New: 70%/,
    );
    expect(await storedValue('2026-10')).toBe(64);
    const keep = button(asked, 'Keep');
    expect(replyText(await bot.act(MEMBER, keep.verb, keep.data))).toMatch(
      /Kept 64%.*Nothing changed/,
    );
    expect(await storedValue('2026-10')).toBe(64);
    expect(replyText(await bot.act(MEMBER, keep.verb, keep.data))).toMatch(/already been answered/);
  });

  it('asks before overwriting; Overwrite replaces it once, audited with the event that gave it', async () => {
    const asked = await bot.say(MEMBER, 'template use for Oct 2026 was 70%');
    const overwrite = button(asked, 'Overwrite');
    expect(replyText(await bot.act(MEMBER, overwrite.verb, overwrite.data))).toMatch(
      /now 70% \(was 64%\)/,
    );
    expect(await storedValue('2026-10')).toBe(70);
    expect(replyText(await bot.act(MEMBER, overwrite.verb, overwrite.data))).toMatch(
      /already been answered/,
    );
    const audit = await bot.db
      .collection('audit')
      .findOne({ entityId: 'template-use:2026-10', action: 'overwrite' });
    expect(audit).toMatchObject({
      before: { value: 64 },
      after: { value: 70 },
    });
    // The typed message's event, not the button press; never its words.
    const question = await bot.db.collection('pending_actions').findOne({ kind: 'measure.overwrite', status: 'done' });
    expect(question!.source).toEqual({ platform: 'web', eventId: expect.stringMatching(/^evt-/) });
    expect(audit!.source).toEqual(question!.source);
  });

  it('takes a typed answer to the question too', async () => {
    await bot.say(MEMBER, 'template use Sep 2026 60%');
    expect(replyText(await bot.say(MEMBER, 'overwrite'))).toMatch(
      /September 2026 is now 60% \(was 58%\)/,
    );
    expect(await storedValue('2026-09')).toBe(60);
  });

  it('refuses values that cannot be right, teaching the right form, and stores nothing', async () => {
    const before = (await points()).length;
    expect(replyText(await bot.say(MEMBER, 'template use Aug 2026 140%'))).toMatch(
      /percentage, so it must be between 0 and 100 — 140% can't be right.*Nothing was saved/,
    );
    expect(replyText(await bot.say(MEMBER, 'template use Dec 2026 50%'))).toMatch(
      /December 2026 hasn't happened yet.*Nothing was saved/,
    );
    expect(replyText(await bot.say(MEMBER, 'measure record widgets Oct 2026 5'))).toMatch(
      /couldn't tell which measure.*`template-use`/,
    );
    expect(replyText(await bot.say(MEMBER, 'measure record acc-rec Oct 2026 20'))).toMatch(
      /worked out from the children's milestone dates/,
    );
    expect(replyText(await bot.say(MEMBER, 'reports on time Oct 2026 2.5'))).toMatch(
      /must be a whole number/,
    );
    expect(replyText(await bot.say(MEMBER, 'reports on time Oct 2026 40%'))).toMatch(
      /counted in reports, not as a percentage/,
    );
    expect(replyText(await bot.say(MEMBER, 'template use 64%'))).toMatch(
      /Which month is that for\?/,
    );
    expect(await points()).toHaveLength(before);
  });

  it('leaves milestone-like sentences to others', async () => {
    expect(replyText(await bot.say(MEMBER, 'C1042 accommodated 3 Oct'))).not.toMatch(
      /Recorded|measure/i,
    );
  });

  it('draws the custom measure as a monthly run chart', async () => {
    const values = [52, 48, 55, 47, 50, 60, 45, 53];
    for (const [i, value] of values.entries())
      await bot.say(MEMBER, `template use ${i + 1}/2026 was ${value}%`);
    const replies = await bot.say(MEMBER, 'chart template use');
    const chart = imageOf(replies);
    expect(pngSize(chart.png).width).toBeGreaterThan(0);
    // With September 60 and October 70: median of the ten is (52 + 53) / 2.
    expect(chart.alt).toMatch(/January 2026 to October 2026: 10 points\. Median 52\.5 %/);
    expect(replyText(replies)).toMatch(
      /\*Template use\*: IHI rules: no signal — the ups and downs around the median \(52\.5%\)/,
    );
  });
});
