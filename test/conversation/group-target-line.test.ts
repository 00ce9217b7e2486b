import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/turn.js';
import { ADMIN, LEAD, MEMBER, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';
import { DIGEST_DUE, WORKSPACE, seedDigestProgramme } from '../jobs/digest-fixture.js';

// A phone try-out: the group form's "Target line (weeks)" was stored and echoed but drawn nowhere,
// and a group whose aim is in weeks with no key measure read "Still waiting after 4 weeks: none".
type ImageReply = Extract<Reply, { kind: 'image' }>;
const images = (replies: Reply[]) => replies.filter((r): r is ImageReply => r.kind === 'image');
type FileReply = Extract<Reply, { kind: 'file' }>;
const files = (replies: Reply[]) => replies.filter((r): r is FileReply => r.kind === 'file');

const ACC_REC = 'accommodated-to-permanence-recommendation';
const aimForm = (name: string, target: string, line: string) => ({
  name,
  aimStatement: 'Reduce time from accommodation to permanence recommendation',
  aimTarget: target,
  aimTargetDate: '2027-12-31',
  aimMeasureKey: ACC_REC,
  aimTargetValue: line,
});

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ workspaceId: WORKSPACE });
  await seedDigestProgramme(bot);
  // The fixture's lead's group gets a target line of 30 weeks on its form (its aim says 26)...
  await bot.act(ADMIN, 'setup.group.save', { key: 'permanence-milestones' }, aimForm('Permanence milestones', '95% within 26 weeks', '30'));
  // ...and a second group shares the same key measure with a target line of its own.
  await bot.act(ADMIN, 'setup.group.save', {}, aimForm('Court', '80% within 20 weeks', '20'));
  // An aim in weeks with no key measure: nothing can be timed.
  await bot.say(ADMIN, 'group add "Health" aim "Assess health sooner" target "4 weeks" by June 2027');
  bot.setNow(DIGEST_DUE);
}, 60_000);
afterAll(async () => {
  await bot?.drop();
});

describe("a group's target line", () => {
  it("is drawn on its key measure's chart when its lead asks, and named as the group's", async () => {
    const [chart] = images(await bot.say(LEAD, 'chart acc-rec'));
    expect(chart!.alt).toMatch(/Target 30 weeks \(aim of Permanence milestones\)\./);
    expect(chart!.alt).not.toMatch(/Court/);
  });

  it('is the named group’s when a group is named, and none when the group cannot be told', async () => {
    const [court] = images(await bot.say(ADMIN, 'chart acc-rec group court'));
    expect(court!.alt).toMatch(/Target 20 weeks \(aim of Court\)\./);
    // The admin leads no group and two groups draw this measure with different lines.
    const replies = await bot.say(ADMIN, 'chart acc-rec');
    expect(images(replies)[0]!.alt).not.toMatch(/Target/);
    expect(replyText(replies)).toMatch(/Court and Permanence milestones have target lines for it: add the group, e.g. `chart acc-rec group court`/);
  });

  it("is drawn in each group's own part of the digest, though the groups share the measure", async () => {
    const alts = images(await bot.say(LEAD, 'digest preview', { kind: 'channel' })).map((i) => i.alt);
    expect(alts.filter((a) => /Target 30 weeks \(aim of Permanence milestones\)/.test(a))).toHaveLength(1);
    expect(alts.filter((a) => /Target 20 weeks \(aim of Court\)/.test(a))).toHaveLength(1);
  });

  it('is in the meeting pack’s key-measure chart', async () => {
    const html = files(await bot.say(MEMBER, 'meeting pack', { kind: 'channel' })).find((f) => f.mimeType === 'text/html');
    const page = html!.data.toString('utf8');
    expect(page).toMatch(/Target 30 weeks \(aim of Permanence milestones\)/);
    expect(page).toMatch(/Target 20 weeks \(aim of Court\)/);
  });
});

describe('a group whose aim is in weeks with no key measure', () => {
  it('gets no "still waiting after" count in the digest, but is told the aim needs a key measure', async () => {
    const said = replyText(await bot.say(LEAD, 'digest preview', { kind: 'channel' }));
    const health = said.slice(said.indexOf('Health'));
    expect(health).not.toMatch(/Still waiting after 4 weeks \(the aim’s time\): none/);
    expect(health).toMatch(/Still waiting after 4 weeks \(the aim’s time\): not timed until the aim has a key measure \(`group health measure <measure>`\)/);
  });

  it('gets none in the meeting pack either', async () => {
    const html = files(await bot.say(MEMBER, 'meeting pack', { kind: 'channel' })).find((f) => f.mimeType === 'text/html');
    const page = html!.data.toString('utf8').replace(/<[^>]+>/g, ' ');
    expect(page).not.toMatch(/Still waiting after 4 weeks \(the aim’s time\): none/);
    expect(page).toMatch(/Still waiting after 4 weeks \(the aim’s time\): not timed until the aim has a key measure/);
  });
});

describe('`group <g> measure` says which target line it draws', () => {
  it('names the form’s line as the one drawn on the chart', async () => {
    const said = replyText(await bot.say(ADMIN, 'group court measure acc-rec'));
    expect(said).toMatch(/Target line: 20 weeks, drawn on the key measure’s chart/);
  });
});
