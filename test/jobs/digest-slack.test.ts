import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { fakeSlackNotifier } from './slack-notifier-fixture.js';
import { FakeSlackApi, type SlackCall } from '../fakes/fake-slack-api.js';
import { createTestBot, LEAD, type TestBot } from '../helpers/test-bot.js';
import { runPlanDigests } from '../../jobs/plan-digests.js';
import { runSendDeliveries } from '../../jobs/send-deliveries.js';
import { renderPdf } from '../helpers/poppler.js';
import { compileCaseRefPattern, findCaseReferences } from '../../src/domain/case-reference.js';
import { CHAMPIONS, DIGEST_DUE, LEGAL_LEAD, OUT_OF_ORDER, PLANNED_PASSED, WAITING, WORKSPACE, seedDigestProgramme } from './digest-fixture.js';

let bot: TestBot;
let fake: FakeSlackApi;
const logger = createLogger('silent');

beforeAll(async () => {
  bot = await createTestBot({ workspaceId: WORKSPACE });
  await seedDigestProgramme(bot);
  fake = await FakeSlackApi.start();
  const notifier = fakeSlackNotifier(fake, bot.db);
  const deps = { db: bot.db, logger, owner: 'test', clock: () => new Date(DIGEST_DUE) };
  expect(await runPlanDigests(deps)).toEqual({ [WORKSPACE]: 'planned' });
  expect(await runSendDeliveries({ ...deps, notifiers: { slack: notifier } })).toEqual({ sent: 3 });
}, 60_000);
afterAll(async () => {
  await fake?.close();
  await bot?.drop();
});

/** Everything a person would read in a message: its fallback text and every block's text. */
const said = (call: SlackCall) => JSON.stringify([call.body.text, call.body.blocks ?? []]);
const postsTo = (channel: string) => fake.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
const CASE_REF = /\bC\d{4}\b/;

describe("the digest in the champions' Slack channel", () => {
  it('posts a header and one card per aim group, each marked with its delivery key', () => {
    const posts = postsTo(CHAMPIONS);
    expect(posts).toHaveLength(3);
    expect(said(posts[0]!)).toMatch(/Digest for the champions’ meeting, Thu 1 Apr 2027, 10:00/);
    expect(said(posts[1]!)).toMatch(/Legal processes/);
    expect(said(posts[2]!)).toMatch(/Permanence milestones/);
    for (const post of posts) expect(post.body.metadata).toMatchObject({ event_type: 'pacebot_delivery', event_payload: { key: expect.any(String) } });
  });

  it("gives the group's run-chart signals with the rule set named, tests of change and the coach's question", () => {
    const text = said(postsTo(CHAMPIONS)[2]!);
    expect(text).toMatch(/Accommodation to permanence recommendation\*: IHI rules/);
    expect(text).toMatch(/Started\*: T-1 Agenda at 72-hour meetings/);
    expect(text).toMatch(/Decided\*: T-3 Review at two weeks \(Mo Member: \*adopt\*\)/);
    expect(text).toMatch(/Overdue for Study\* \(done over 14 days ago\): T-2 Tracker of key dates/);
    expect(text).toMatch(/What stops the 72-hour meeting agreeing a plan\?/);
  });

  it('suppresses small numbers and names no case', () => {
    const text = said(postsTo(CHAMPIONS)[2]!);
    expect(text).toMatch(/Accommodation to permanence recommendation\*: fewer than 5 waiting/);
    expect(text).toMatch(/Milestones out of order or missing: fewer than 5 children/);
    expect(text).toMatch(/Planned dates passed with no date: fewer than 5 children/);
    expect(text).toMatch(/bar chart went to the leads only/);
    for (const post of postsTo(CHAMPIONS)) expect(said(post)).not.toMatch(CASE_REF);
  });

  it('uploads the run charts into the channel through the three-step flow, but not the waiting bars', () => {
    const methods = fake.calls.map((c) => c.method).filter((m) => /^files\.|^upload$/.test(m));
    expect(methods.slice(0, 3)).toEqual(['files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']);
    const shared = fake.callsTo('files.completeUploadExternal').filter((c) => c.body.channel_id === CHAMPIONS);
    const titles = shared.map((c) => c.body.files[0].title);
    expect(titles.slice(0, 2)).toEqual(['Permanence milestones: Accommodation to permanence recommendation', 'Permanence milestones: % within 26 weeks: Accommodation to permanence recommendation']);
    expect(fake.callsTo('upload').every((c) => (c.bytes ?? 0) > 10_000)).toBe(true);
  });

  it('ends with the meeting pack: a PDF naming no child, its file name carrying the delivery key', () => {
    const shared = fake.callsTo('files.completeUploadExternal').filter((c) => c.body.channel_id === CHAMPIONS);
    const pack = shared.at(-1)!;
    expect(pack.body.files[0].title).toBe('Meeting pack for the champions’ meeting, Thu 1 Apr 2027, 10:00');
    expect(pack.body.initial_comment).toMatch(/two A4 landscape pages for each of the 2 aim groups.*No child is named/);
    const fileId = pack.body.files[0].id;
    const name = fake.messages.find((m) => m.files?.some((f) => f.id === fileId))?.files?.[0]?.name;
    expect(name).toMatch(/^pacebot-.+\.pdf$/);
    const pdf = renderPdf(fake.uploads.get(fileId)!);
    expect(pdf.pages).toHaveLength(5);
    expect(pdf.text).toContain('Champions’ meeting pack');
    expect(findCaseReferences(pdf.text, compileCaseRefPattern())).toEqual([]);
    // The leads' direct messages do not repeat it.
    const toLeads = fake.callsTo('files.completeUploadExternal').filter((c) => String(c.body.channel_id).startsWith('D-'));
    expect(toLeads.map((c) => c.body.files[0].title)).not.toContainEqual(expect.stringMatching(/Meeting pack/));
  });
});

describe("the leads' direct messages", () => {
  it('opens a DM with each lead and sends only their own groups', () => {
    expect(fake.callsTo('conversations.open').map((c) => c.body.users).sort()).toEqual([LEAD.id, LEGAL_LEAD.id].sort());
    const lee = postsTo('D-LEAD').map(said).join('\n');
    expect(lee).toMatch(/Permanence milestones/);
    expect(lee).not.toMatch(/Legal processes/);
    const lou = postsTo('D-LEGAL').map(said).join('\n');
    expect(lou).toMatch(/Legal processes/);
    expect(lou).not.toMatch(CASE_REF);
  });

  it("names the cases behind the lead's data gaps and waits", () => {
    const lee = postsTo('D-LEAD').map(said).join('\n');
    for (const ref of [...WAITING, OUT_OF_ORDER, PLANNED_PASSED]) expect(lee).toContain(ref);
    expect(lee).toMatch(/C4001 permanence recommendation \(1 Aug 2026\) before accommodated \(1 Sept? 2026\)/);
    expect(lee).toMatch(/C3001 41 weeks 1 day since accommodated/);
    expect(lee).toMatch(/C4002 first LAC review planned for 15 Mar 2027/);
  });

  it('gives the lead the waiting bar chart the channel did not get', () => {
    const leeUploads = fake.callsTo('files.completeUploadExternal').filter((c) => c.body.channel_id === 'D-LEAD');
    expect(leeUploads.map((c) => c.body.files[0].title)).toContain('Permanence milestones: children still waiting');
  });
});

describe('the stored digest', () => {
  it('is kept, marked sent, and its question is not asked again', async () => {
    const digest = await bot.db.collection('digests').findOne({ workspaceId: WORKSPACE });
    expect(digest).toMatchObject({ status: 'sent', meetingLocalDate: '2027-04-01', dueAt: new Date(DIGEST_DUE) });
    expect(await bot.db.collection('prompts').findOne({ kind: 'question' })).toMatchObject({ status: 'done', usedInDigest: digest!._id });
  });
});
