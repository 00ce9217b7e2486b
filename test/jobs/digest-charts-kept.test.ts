import type { Binary } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerJobs } from '../../jobs/register.js';
import { nextDigestSlot } from '../../src/digest/due-digest.js';
import { createLogger } from '../../src/log.js';
import { createScheduler, type Scheduler } from '../../src/scheduler.js';
import type { Digest } from '../../src/store/schemas/digest.js';
import type { Programme } from '../../src/store/schemas/programme.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { createTestBot, LEAD, replyText, type TestBot } from '../helpers/test-bot.js';
import { SETUP_AT, WORKSPACE, seedDigestProgramme } from './digest-fixture.js';
import { fakeSlackNotifier } from './slack-notifier-fixture.js';

// The real scheduler runs the real jobs; only the clock they read is driven, meeting by meeting.

const KEPT = 2;
let bot: TestBot;
let fake: FakeSlackApi;
let scheduler: Scheduler;
let now = new Date(SETUP_AT);

beforeAll(async () => {
  bot = await createTestBot({ workspaceId: WORKSPACE });
  await seedDigestProgramme(bot);
  fake = await FakeSlackApi.start();
  const notifiers = { slack: fakeSlackNotifier(fake, bot.db) };
  const logger = createLogger('silent');
  const jobs = registerJobs({ db: bot.db, logger, clock: () => now, notifiers, owner: 'kept-test', chartsKeptMeetings: KEPT });
  scheduler = createScheduler(bot.db, logger, jobs, { processEvery: 100 });
  // The recurring run that starting schedules comes first (nothing is due yet); the driven runs follow.
  const firstRun = new Promise((resolve) => scheduler.agenda.once('complete:plan-digests', resolve));
  await scheduler.start();
  await firstRun;
}, 60_000);
afterAll(async () => {
  await scheduler?.stop();
  await fake?.close();
  await bot?.drop();
});

type Completed = { attrs: { _id?: unknown } };

/** Runs the planner once through Agenda, at `at` by the driven clock, and waits for that run to finish. */
async function planAt(at: Date): Promise<void> {
  now = at;
  const finished = new Set<string>();
  const wanted = { id: '' };
  let listener: (job: Completed) => void = () => undefined;
  // Listening before the job exists: it may finish before `now()` returns its id.
  const done = new Promise<void>((resolve) => {
    listener = (job) => {
      finished.add(String(job.attrs._id));
      if (finished.has(wanted.id)) resolve();
    };
    scheduler.agenda.on('complete:plan-digests', listener);
  });
  const job = await scheduler.agenda.now('plan-digests');
  wanted.id = String(job.attrs._id);
  if (!finished.has(wanted.id)) await done;
  scheduler.agenda.off('complete:plan-digests', listener);
}

const digests = () =>
  bot.db.collection<Digest>('digests').find({ workspaceId: WORKSPACE }, { sort: { meetingDate: 1 } }).toArray();
// The driver hands stored PNGs back as BSON Binary.
const imageBytes = (d: Digest) => d.images.reduce((sum, i) => sum + (i.png as unknown as Binary).length(), 0);

describe("old digests' chart images", () => {
  it(`are kept for the last ${KEPT} meetings only, as meeting after meeting goes by`, async () => {
    const meetings: string[] = [];
    const dueTimes: Date[] = [];
    for (let cycle = 0; cycle < 4; cycle++) {
      const programme = (await bot.db.collection<Programme>('programmes').findOne({ workspaceId: WORKSPACE }))!;
      const slot = nextDigestSlot(programme, now)!;
      meetings.push(slot.meeting.localDate);
      dueTimes.push(slot.dueAt);
      await planAt(slot.dueAt);
      const all = await digests();
      expect(all.map((d) => d.meetingLocalDate)).toEqual(meetings);
      // Everyone got each digest before the next: only sent digests lose their charts.
      expect(all.map((d) => d.status)).toEqual(all.map(() => 'sent'));
      const withCharts = all.filter((d) => d.images.length > 0).map((d) => d.meetingLocalDate);
      expect(withCharts).toEqual(meetings.slice(-KEPT));
      for (const [i, d] of all.slice(0, -KEPT).entries()) {
        expect(imageBytes(d)).toBe(0);
        // The meeting pack (a PDF of the same charts) goes too: `meeting pack` rebuilds one.
        expect(d.pack).toBeUndefined();
        // Thinned by the run that planned the digest KEPT meetings later.
        expect(d.chartsRemovedAt).toEqual(dueTimes[i + KEPT]);
      }
      for (const d of all.slice(-KEPT)) {
        expect(imageBytes(d)).toBeGreaterThan(10_000);
        expect(d.pack?.fileName).toMatch(/\.pdf$/);
      }
      // The meeting is over before the next digest's time comes.
      now = new Date(slot.meeting.at.getTime() + 3_600_000);
    }
    expect(meetings).toEqual(['2027-04-01', '2027-05-13', '2027-06-24', '2027-08-05']);
  }, 120_000);

  it('leave the old digest readable: its text, with each chart described where it was', async () => {
    const replies = await bot.say(LEAD, 'digest show 1 Apr 2027');
    expect(replies.some((r) => r.kind === 'image')).toBe(false);
    const text = replyText(replies);
    expect(text).toMatch(/Sent .* for the champions' meeting on Thu 1 Apr 2027/);
    expect(text).toMatch(/Permanence milestones: Accommodation to permanence recommendation: _Chart not kept: digests keep their charts for the last 2 meetings\._/);
    // The newest digest still has its charts.
    const latest = await bot.say(LEAD, 'digest last');
    expect(latest.filter((r) => r.kind === 'image').length).toBeGreaterThan(0);
  });
});
