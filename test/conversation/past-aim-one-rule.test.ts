import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import { nextDigestSlot } from '../../src/digest/due-digest.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { LOCAL_WORKSPACE_ID } from '../../src/demo/demo-people.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import { createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';

// A phone try-out on the demo: `alerts` said 33 children were past their group's time, `overdue`
// and the digest 32 past 30 weeks. The extra child, C1129, had waited 30 weeks 4 days: past a
// 30-week aim by days, not by whole weeks rounded down. One rule now, and the weeks said in full.
const NOW = '2026-12-06T10:00:00Z';
const LEAD = { id: 'demo-lead', name: 'Fiona MacLeod' };
let bot: TestBot;

beforeAll(async () => {
  bot = await createTestBot({ now: NOW, workspaceId: LOCAL_WORKSPACE_ID });
  await loadDemo(bot.db, LOCAL_WORKSPACE_ID, { now: new Date(NOW) });
}, 60_000);
afterAll(() => bot?.drop());

const cases = () => bot.db.collection('cases');
const accommodated = (caseRef: string, date: string) =>
  cases().updateOne({ workspaceId: LOCAL_WORKSPACE_ID, caseRef }, { $set: { 'milestones.accommodated.actual': date } });

/** The children each of the three counts as past the permanence group's 30 weeks, as of NOW. */
async function pastBy() {
  const replies = await bot.say(LEAD, 'alerts');
  const alerts = replies.map((r) => replyText([r])).join('\n');
  const alertsCount = Number(/(\d+) children are past their group’s time/.exec(alerts)?.[1]);
  const alertsNamed = [...alerts.matchAll(/^- \*(C\d{4})\*/gm)].map((m) => m[1]!);
  const overdue = (await bot.say(LEAD, 'overdue')).map((r) => replyText([r])).join('\n');
  const overdueCount = Number(/(\d+) past 30 weeks/.exec(overdue)?.[1]);
  const overdueNamed = [...overdue.matchAll(/^- (C\d{4}):/gm)].map((m) => m[1]!);
  const store = workspaceStore(bot.db, LOCAL_WORKSPACE_ID);
  const programme = (await store.programmes.findOne({}))!;
  const slot = nextDigestSlot(programme, new Date(NOW))!;
  const digest = await buildDigest(store, programme, { at: slot.meeting.at, localDate: slot.meeting.localDate }, new Date(NOW));
  const gaps = digest.groups.find((g) => g.key === 'permanence-milestones')!.gaps;
  return { alerts, alertsCount, alertsNamed, overdue, overdueCount, overdueNamed, gaps };
}

describe('one rule for "past the aim": alerts, overdue and the digest', () => {
  it('all three count a child at 30 weeks 4 days as past a 30-week aim, and say why', async () => {
    const c1129 = await cases().findOne({ workspaceId: LOCAL_WORKSPACE_ID, caseRef: 'C1129' });
    // 214 days before 6 Dec 2026: the case the try-out met, as the demo writes it.
    expect(c1129?.milestones.accommodated.actual).toBe('2026-05-06');
    const seen = await pastBy();
    expect(seen.gaps.thresholdWeeks).toBe(30);
    expect(seen.overdueCount).toBe(seen.alertsCount);
    expect(seen.gaps.pastThreshold).toHaveLength(seen.alertsCount);
    expect(new Set(seen.overdueNamed)).toEqual(new Set(seen.alertsNamed));
    expect(new Set(seen.gaps.pastThreshold.map((g) => g.caseRef))).toEqual(new Set(seen.alertsNamed));
    expect(seen.alerts).toContain('- *C1129*: 30 weeks 4 days since accommodation');
    expect(seen.overdue).toMatch(/^- C1129: 30 weeks 4 days\b/m);
    expect(seen.gaps.pastThreshold.find((g) => g.caseRef === 'C1129')?.detail).toMatch(/^30 weeks 4 days since /);
  });

  it('none of the three counts a child at exactly 30 weeks; all three count one a day later', async () => {
    await accommodated('C1129', '2026-05-10'); // 210 days: exactly 30 weeks
    const exactly = await pastBy();
    expect(exactly.alertsNamed).not.toContain('C1129');
    expect(exactly.overdueNamed).not.toContain('C1129');
    expect(exactly.gaps.pastThreshold.map((g) => g.caseRef)).not.toContain('C1129');
    expect(exactly.overdueCount).toBe(exactly.alertsCount);
    await accommodated('C1129', '2026-05-09'); // 211 days
    const dayLater = await pastBy();
    expect(dayLater.alerts).toContain('- *C1129*: 30 weeks 1 day since accommodation');
    expect(dayLater.overdue).toMatch(/^- C1129: 30 weeks 1 day\b/m);
    expect(dayLater.gaps.pastThreshold.map((g) => g.caseRef)).toContain('C1129');
    expect(dayLater.overdueCount).toBe(dayLater.alertsCount);
  });
});
