import { DateTime } from 'luxon';
import { labelMidSentence } from '../../../domain/milestone-catalogue.js';
import { ForbiddenError } from '../../../errors.js';
import { caseStage } from '../../../programme/cases/case-stage.js';
import { hasDates } from '../../../programme/cases/has-dates.js';
import { labelOf, milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { listMeasures, type MeasureDefinition } from '../../../programme/measures/measure-catalogue.js';
import { channelCount } from '../../../digest/small-numbers.js';
import type { TurnContext } from '../../context.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { ASK_IN_DIRECT, groupScope, inDirect, inTeam, SHOW, teamArg } from './case-list-parts.js';
import { casesRecordedBy, ownersOf } from './case-holders.js';
import { aimsWithoutStageReply } from '../../aims-without-stage.js';

/**
 * `my cases [team North]`: the cases I hold — handed to me, or recorded by me (not undone, and not
 * just imported by me) and not handed to someone else — with where each stands and for how long.
 */
export async function myCases(ctx: TurnContext, rest = ''): Promise<Reply[]> {
  if (!inDirect(ctx)) {
    throw new ForbiddenError('Case lists name children: ask me in a direct message, not in a channel.');
  }
  const { catalogue, today } = milestoneSettings(ctx);
  const { team, filter } = await teamArg(ctx, rest);
  const refs = await casesRecordedBy(ctx, ctx.turn.user.id);
  const me = ctx.turn.user.id;
  const held = (
    await ctx.store.cases.find({ $and: [{ $or: [{ ownerId: me }, { caseRef: { $in: refs }, ownerId: { $exists: false } }] }, filter] }).toArray()
  ).filter(hasDates);
  if (held.length === 0) return [text(team ? `You hold no cases in team ${plain(team)}.` : 'You have not recorded dates for any child yet.')];
  const lines = held
    .map((c) => caseStage(c, catalogue, today))
    .sort((a, b) => (a.since ?? '9999').localeCompare(b.since ?? '9999'))
    .map((s) =>
      s.stage && s.since
        ? `- ${s.caseRef}: ${plain(labelMidSentence(labelOf(catalogue, s.stage)))} ${timeAgo(today, s.since)}`
        : `- ${s.caseRef}: only planned dates so far`,
    );
  const more = lines.length > SHOW ? [`…and ${lines.length - SHOW} more`] : [];
  return [text([`*Your cases${inTeam(team)}* (${held.length}), longest at their stage first`, ...lines.slice(0, SHOW), ...more].join('\n'))];
}

/** One child on a waiting list: how long since the list's start, and who holds the case. */
export interface WaitingLine {
  caseRef: string;
  weeks: number;
}

/** A list's lines, longest first, each with its owner; in a channel only the heading's count. */
export async function waitingLines(ctx: TurnContext, heading: string, late: WaitingLine[], owners: Map<string, string>): Promise<string> {
  if (!inDirect(ctx)) return heading;
  const sorted = [...late].sort((a, b) => b.weeks - a.weeks || a.caseRef.localeCompare(b.caseRef));
  const more = sorted.length > SHOW ? [`…and ${sorted.length - SHOW} more`] : [];
  const line = (l: WaitingLine) => `- ${l.caseRef}: ${l.weeks} ${l.weeks === 1 ? 'week' : 'weeks'}${owners.has(l.caseRef) ? ` (${plain(owners.get(l.caseRef)!)})` : ''}`;
  return [heading, ...sorted.slice(0, SHOW).map(line), ...more].join('\n');
}

export const weeksSince = (today: string, date: string) =>
  Math.floor(DateTime.fromISO(today).diff(DateTime.fromISO(date), 'weeks').weeks);

/** "5 days ago" under two weeks ("0 weeks ago" reads as a mistake), else "3 weeks ago". */
export function timeAgo(today: string, date: string): string {
  const days = Math.floor(DateTime.fromISO(today).diff(DateTime.fromISO(date), 'days').days);
  if (days >= 14) return `${weeksSince(today, date)} weeks ago`;
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

/**
 * A count of children for a list heading: "nobody" for none; in a channel, counts under 5 as
 * "fewer than 5" (the digest's rule: with few children, a number can point to one).
 */
export function childCount(ctx: TurnContext, count: number): string {
  if (count === 0) return 'nobody';
  return inDirect(ctx) ? String(count) : channelCount(count);
}

/** An aim in words a worker reads: its stage and time, not the measure's "% within" name. */
export function aimInWords(aim: MeasureDefinition, measures: readonly MeasureDefinition[]): string {
  const stage = measures.find((m) => m.kind === 'interval' && m.from === aim.from && m.to === aim.to);
  return `*${plain(stage?.name ?? aim.name)}* (aim: within ${aim.targetWeeks} weeks)`;
}

/**
 * `overdue [team North]`: children past their group's aim (the weeks in "90% within 26 weeks") who
 * have not reached the aim's end yet, longest first, each with who holds the case. Leads see their
 * groups' aims; admins every group's. In a channel, counts only.
 */
export async function overdueCases(ctx: TurnContext, rest = ''): Promise<Reply[]> {
  ctx.requireRole(['admin', 'lead'], 'see which children are overdue');
  const { catalogue, today } = milestoneSettings(ctx);
  const { team, filter } = await teamArg(ctx, rest);
  const mine = new Set(ctx.leadOf.map((g) => g.key));
  const measures = await listMeasures(ctx.store, ctx.now);
  const aims = measures.filter(
    (m) => m.kind === 'proportion' && m.targetWeeks && m.from && m.to && (ctx.isAdmin || mine.has(m.groupKey ?? '')),
  );
  if (aims.length === 0) {
    const noStage = await aimsWithoutStageReply(ctx, 'nothing can be overdue until then');
    return [text(noStage ?? 'No aim group has an aim in weeks yet (like "12 weeks" or "90% within 26 weeks"), so nothing can be overdue.')];
  }
  const held = await ctx.store.cases
    .find({ $and: [groupScope(ctx), filter] }, { projection: { caseRef: 1, milestones: 1, ownerId: 1 } })
    .toArray();
  const owners = inDirect(ctx) ? await ownersOf(ctx, held) : new Map<string, string>();
  const sections = await Promise.all(
    aims.map((aim) => {
      const late = held.flatMap((c) => {
        const start = c.milestones[aim.from!]?.actual;
        if (!start || c.milestones[aim.to!]?.actual) return [];
        const weeks = weeksSince(today, start);
        return weeks > aim.targetWeeks! ? [{ caseRef: c.caseRef, weeks }] : [];
      });
      const without = plain(labelMidSentence(labelOf(catalogue, aim.to!)));
      const heading = `${aimInWords(aim, measures)}${inTeam(team)}: ${childCount(ctx, late.length)} past ${aim.targetWeeks} weeks without ${without}`;
      return waitingLines(ctx, heading, late, owners);
    }),
  );
  return [text([...sections, ...(inDirect(ctx) ? [] : [ASK_IN_DIRECT])].join('\n\n'))];
}
