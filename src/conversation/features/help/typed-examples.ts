import { DateTime } from 'luxon';
import { nextMeeting } from '../../../domain/meetings/index.js';
import { cadenceOf } from '../../../programme/meetings/cadence-of.js';
import { cycleId } from '../../../programme/pdsa/cycle-id.js';
import type { PdsaCycle } from '../../../store/schemas/pdsa.js';
import type { TurnContext } from '../../context.js';
import { nextStage } from '../pdsa/stages.js';

/**
 * Examples for help, built from what the area holds so each can be typed as shown: a fixed example
 * failed in the demo (a meeting on a day with none, a measure the area lacks, a test the member may
 * not move on, a reply R-5 when only R-1 exists). Where the area has nothing to build one from, the
 * example is a pattern (`<date>`), which nobody takes for a command that works. Keyed by a command's
 * words; commands not here keep their own example.
 */
export type TypedExamples = ReadonlyMap<string, string>;

const day = (local: DateTime) => local.toFormat('d LLL');

/** The working day after a meeting: where a moved meeting most often goes. */
function dayAfter(localDate: string): DateTime {
  const next = DateTime.fromISO(localDate).plus({ days: 1 });
  return next.weekday > 5 ? next.plus({ days: 8 - next.weekday }) : next;
}

/** The open test the person may move on (their own first; any for a lead, coach or admin). */
async function movableTest(ctx: TurnContext): Promise<PdsaCycle | null> {
  const open = { stage: { $ne: 'act' as const } };
  const newest = { sort: { number: -1 } } as const;
  const own = await ctx.store.pdsa.findOne({ ...open, ownerId: ctx.turn.user.id }, newest);
  if (own || !(ctx.isAdmin || ctx.isCoach || ctx.leadOf.length > 0)) return own;
  const groups = ctx.leadOf.map((g) => g.key);
  return ctx.store.pdsa.findOne(ctx.isAdmin || ctx.isCoach ? open : { ...open, groupKey: { $in: groups } }, newest);
}

/** A custom measure (one typed in, not worked out from dates), the person's own group's first. */
async function recordableMeasure(ctx: TurnContext): Promise<{ key: string } | null> {
  const me = ctx.turn.user.id;
  const [custom, groups] = await Promise.all([
    ctx.store.measures.find({ kind: 'custom' }, { projection: { key: 1, groupKey: 1 }, sort: { key: 1 } }).toArray(),
    ctx.store.groups.find({ $or: [{ members: me }, { leads: me }] }, { projection: { key: 1 } }).toArray(),
  ]);
  const mine = new Set(groups.map((g) => g.key));
  return custom.find((m) => m.groupKey && mine.has(m.groupKey)) ?? custom[0] ?? null;
}

export async function typedExamples(ctx: TurnContext): Promise<TypedExamples> {
  const programme = ctx.programme;
  const cadence = programme ? cadenceOf(programme) : null;
  const next = cadence ? nextMeeting(cadence, ctx.now) : null;
  const [test, measure, team, digest, reply, linked, group] = await Promise.all([
    movableTest(ctx),
    recordableMeasure(ctx),
    ctx.store.cases.findOne({ team: { $exists: true } }, { projection: { team: 1 }, sort: { updatedAt: -1 } }),
    ctx.store.digests.findOne({ status: 'sent' }, { projection: { meetingLocalDate: 1 }, sort: { meetingDate: -1 } }),
    ctx.store.promptResponses.findOne({}, { projection: { number: 1 }, sort: { number: -1 } }),
    ctx.store.groups.findOne({ archived: { $ne: true }, channel: { $exists: true } }, { projection: { key: 1 }, sort: { key: 1 } }),
    ctx.store.groups.findOne({ archived: { $ne: true } }, { projection: { key: 1 }, sort: { key: 1 } }),
  ]);
  // One of the area's groups, or a role that needs none: the demo's group was refused in a new area.
  const personAdd = (words: string) => `${words} "Sam Lee" as ${group ? `member of ${group.key}` : 'coach'}`;
  const stage = test ? nextStage(test) : null;
  const lastMonth = DateTime.fromJSDate(ctx.now, { zone: programme?.timeZone ?? 'Europe/London' }).minus({ months: 1 }).toFormat('LLL yyyy');
  return new Map([
    ['pdsa', test && stage ? `pdsa ${cycleId(test.number)} ${stage}` : 'pdsa <T-n> study'],
    ['measure record', measure ? `measure record ${measure.key} ${lastMonth} <value>` : 'measure record <measure> <month> <value>'],
    ['overdue', team?.team ? `overdue team ${team.team}` : 'overdue'],
    ['meeting move', next ? `meeting move ${day(DateTime.fromISO(next.localDate))} to ${day(dayAfter(next.localDate))}` : 'meeting move <date> to <date>'],
    ['meeting skip', next ? `meeting skip ${day(DateTime.fromISO(next.localDate))}` : 'meeting skip <date>'],
    ['digest show', digest ? `digest show ${DateTime.fromISO(digest.meetingLocalDate).toFormat('d LLL yyyy')}` : 'digest show <meeting date>'],
    ['prompt attach', reply && test ? `prompt attach R-${reply.number} to ${cycleId(test.number)}` : 'prompt attach R-<n> to T-<n>'],
    ['prompt', `prompt ${linked?.key ?? '<group>'} 2 days before each meeting at 09:00: What did you learn?`],
    ['person add', personAdd('person add')],
    ['add person', personAdd('add person')],
    ['join', group ? `join ${group.key}` : 'join <group>'],
    ['leave', group ? `leave ${group.key}` : 'leave <group>'],
  ]);
}
