import { DateTime } from 'luxon';
import type { Db } from 'mongodb';
import type { Reply } from '../../src/conversation/turn.js';
import { ADMIN, COACH, createTestBot, LEAD, replyText, type TestBot } from '../helpers/test-bot.js';

const day = (iso: string, plusDays: number) =>
  DateTime.fromISO(iso, { zone: 'utc' }).plus({ days: plusDays }).toISODate()!;

/** Weeks from accommodation to recommendation: 12 slow children (40–42), then 12 fast (20–22). */
export const SHIFT_WEEKS = Array.from({ length: 24 }, (_, i) => (i < 12 ? 40 : 20) + (i % 3));

/** Child i (C2001…C2024) reaches recommendation 14 days after child i−1, from 6 January 2025. */
export function shiftCases() {
  return SHIFT_WEEKS.map((weeks, i) => {
    const recommended = day('2025-01-06', 14 * i);
    return {
      caseRef: `C${2001 + i}`,
      milestones: {
        accommodated: { actual: day(recommended, -7 * weeks) },
        permanence_recommendation: { actual: recommended },
      },
    };
  });
}

/**
 * Children accommodated but not yet recommended. Two have had their first LAC review (after 2 and 3
 * weeks), so that measure has a latest value; as of 19 Nov 2026 they have waited 7, 37 and 76 weeks.
 */
export function waitingCases() {
  return [
    {
      caseRef: 'W3001',
      milestones: {
        accommodated: { actual: '2026-10-01' },
        first_lac_review: { actual: '2026-10-15' },
      },
    },
    {
      caseRef: 'W3002',
      milestones: {
        accommodated: { actual: '2026-03-02' },
        first_lac_review: { actual: '2026-03-23' },
        permanence_recommendation: { planned: '2026-12-01' },
      },
    },
    { caseRef: 'W3003', milestones: { accommodated: { actual: '2025-06-02' } } },
  ];
}

/** Writes cases straight into the store, shaped as the case schema stores them. */
export async function insertCases(
  db: Db,
  workspaceId: string,
  cases: { caseRef: string; milestones: object }[],
) {
  const at = new Date('2026-11-01T09:00:00Z');
  await db
    .collection('cases')
    .insertMany(
      cases.map((c) => ({ workspaceId, ...c, version: 0, createdAt: at, updatedAt: at })),
    );
}

/** A programme (IHI rules), one aim group led by LEAD, and a coach. */
async function setUpProgramme(bot: TestBot) {
  await bot.say(ADMIN, 'setup programme "Northshire PACE" rules ihi');
  // People exist once they have said something; only then can they be given roles.
  await bot.say(LEAD, 'whoami');
  await bot.say(COACH, 'whoami');
  await bot.say(
    ADMIN,
    'group add "Permanence milestones" aim "Reduce time from accommodation to permanence recommendation" target "28 weeks" by 2027-12-31',
  );
  await bot.say(ADMIN, 'group permanence-milestones lead Lee Lead');
  await bot.say(ADMIN, 'coach add Cora');
}

/** Width and height from a PNG's IHDR chunk, after checking its 8-byte signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!png.subarray(0, 8).equals(signature) || png.toString('ascii', 12, 16) !== 'IHDR')
    throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** A test bot on 19 Nov 2026 with the programme set up and these cases stored. */
export async function startMeasuresBot(
  cases: { caseRef: string; milestones: object }[] = [],
): Promise<TestBot> {
  const bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await setUpProgramme(bot);
  if (cases.length > 0) await insertCases(bot.db, 'T-TEST', cases);
  return bot;
}

/** The image reply, or a failing assertion that shows what came instead. */
export function imageOf(replies: Reply[]) {
  const found = replies.find((r) => r.kind === 'image');
  if (found?.kind !== 'image') throw new Error(`expected an image, got: ${replyText(replies)}`);
  return found;
}

/** The text replies only (not alt text or cards). */
export function textOf(replies: Reply[]): string {
  return replies
    .map((r) => (r.kind === 'text' ? r.text : ''))
    .filter(Boolean)
    .join('\n');
}
