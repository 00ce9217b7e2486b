import { DateTime } from 'luxon';
import { activeMilestones, labelMidSentence } from '../../../domain/milestone-catalogue.js';
import { pastAim, weeksAndDays } from '../../../domain/past-aim.js';
import { ForbiddenError } from '../../../errors.js';
import { caseStage } from '../../../programme/cases/case-stage.js';
import { hasDates } from '../../../programme/cases/has-dates.js';
import { labelOf, milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { listMeasures, type MeasureDefinition } from '../../../programme/measures/measure-catalogue.js';
import { channelCount } from '../../../digest/small-numbers.js';
import { hasRole, type TurnContext } from '../../context.js';
import { freeCaseRefExample } from '../../../programme/cases/case-ref-example.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { ASK_IN_DIRECT, groupScope, inDirect, inTeam, teamArg } from './case-list-parts.js';
import { casesRecordedBy, ownersOf } from './case-holders.js';
import { aimsWithoutStageReply } from '../../aims-without-stage.js';
import { LIST_LINES } from '../../../programme/alerts/drift-lines.js';
import { pagesOf, placeIn } from '../alerts/list-pages.js';

/**
 * `my cases [team North]`: the cases I hold — handed to me, or recorded by me (not undone, and not
 * just imported by me) and not handed to someone else — with where each stands and for how long.
 * Every case named, LIST_LINES to a message, as `alerts` names every child.
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
  if (held.length === 0) return [text(team ? `You hold no cases in team ${plain(team)}.` : await noneHeld(ctx))];
  const lines = held
    .map((c) => caseStage(c, catalogue, today))
    .sort((a, b) => (a.since ?? '9999').localeCompare(b.since ?? '9999'))
    .map((s) =>
      s.stage && s.since
        ? `- ${s.caseRef}: ${plain(labelMidSentence(labelOf(catalogue, s.stage)))} ${timeAgo(today, s.since)}`
        : `- ${s.caseRef}: only planned dates so far`,
    );
  const title = `*Your cases${inTeam(team)}*`;
  const pages = pagesOf(lines, (from, to) =>
    from === 1 ? `${title} (${held.length}), longest at their stage first${placeIn(lines.length, from, to)}` : `${title}, continued${placeIn(lines.length, from, to)}`,
  );
  return pages.map((page) => text(page));
}

/**
 * `my cases` for someone who holds none: how a case becomes theirs and, to a lead or an admin, the
 * lists that name the area's children. The admin who imported the tracker holds none of its
 * children (case-holders.ts), and "You have not recorded dates for any child yet" read as if the
 * area held nothing.
 */
async function noneHeld(ctx: TurnContext): Promise<string> {
  const example = await freeCaseRefExample(ctx.store, ctx.programme);
  const { catalogue, today } = milestoneSettings(ctx);
  const first = activeMilestones(catalogue)[0];
  const becomes =
    `You hold no cases yet. A case is yours once you record one of its dates ` +
    `(e.g. \`${example} ${first ? labelMidSentence(first.label) : 'accommodated'} 3 Oct\`) or someone hands it to you.`;
  if (!hasRole(ctx, 'admin') && !hasRole(ctx, 'lead')) return becomes;
  // The children `waiting at` would look at for this person: a lead's groups' and those in none (a review).
  const cases = (await ctx.store.cases.find(groupScope(ctx), { projection: { caseRef: 1, milestones: 1 } }).toArray()).filter(hasDates);
  if (cases.length === 0) return becomes;
  // The stage most of the area's children stand at now: a `waiting at` that lists someone (a try-out
  // was pointed at the first stage, which every imported child had passed).
  const atStage = new Map<string, number>();
  for (const c of cases) {
    const { stage } = caseStage(c, catalogue, today);
    if (stage) atStage.set(stage, (atStage.get(stage) ?? 0) + 1);
  }
  const [stage, count] = [...atStage].sort((a, b) => b[1] - a[1])[0] ?? [];
  // What `waiting at` names depends on the aim (past it only, when one starts there): said as a count.
  const waiting = stage
    ? `\`waiting at ${labelMidSentence(labelOf(catalogue, stage))}\` (${count} ${count === 1 ? 'child is' : 'children are'} at that stage now), or `
    : '';
  return (
    `${becomes}\n${held(cases.length, ctx.isAdmin)} ` +
    `Those whose dates came from an import are held by no one until someone records a date for them. ` +
    `For where they stand: ${waiting}\`overdue\` for those past the aim.`
  );
}

/** How many children a `my cases` reply points to: the area's for an admin, a lead's own groups' and those in none. */
function held(count: number, wholeArea: boolean): string {
  const children = `${count} ${count === 1 ? 'child' : 'children'}`;
  return wholeArea ? `The area holds ${children}.` : `${children} ${count === 1 ? 'is' : 'are'} in your groups or in none.`;
}

/** One child on a waiting list: how long since the list's start, and who holds the case. */
export interface WaitingLine {
  caseRef: string;
  weeks: number;
  /** The days waited, when known: said as "30 weeks 4 days", so a child past 30 weeks never reads "30 weeks". */
  days?: number;
}

/**
 * A list as messages for a phone: every child named, longest first, each with its owner,
 * LIST_LINES to a message as `alerts` pages them (the first under `heading`, the rest under its
 * bold part, "continued"). In a channel only the heading's count.
 */
export function waitingPages(ctx: TurnContext, heading: string, late: readonly WaitingLine[], owners: ReadonlyMap<string, string>): string[] {
  if (!inDirect(ctx) || late.length === 0) return [heading];
  const length = (l: WaitingLine) => l.days ?? l.weeks * 7;
  const sorted = [...late].sort((a, b) => length(b) - length(a) || a.caseRef.localeCompare(b.caseRef));
  const waited = (l: WaitingLine) => (l.days === undefined ? `${l.weeks} ${l.weeks === 1 ? 'week' : 'weeks'}` : weeksAndDays(l.days));
  const line = (l: WaitingLine) => `- ${l.caseRef}: ${waited(l)}${owners.has(l.caseRef) ? ` (${plain(owners.get(l.caseRef)!)})` : ''}`;
  const short = /^\*[^*]+\*/.exec(heading)?.[0] ?? heading;
  return pagesOf(sorted.map(line), (from, to) =>
    from === 1 ? `${heading}${placeIn(sorted.length, from, to)}` : `${short}, continued${placeIn(sorted.length, from, to)}`,
  );
}

/**
 * Several lists' pages as messages: short pages (a "nobody past" line, a list's last few) share a
 * message while it names at most LIST_LINES children, so an admin's three aims are not three
 * messages of one line each.
 */
function packPages(pages: readonly string[]): string[] {
  const messages: { text: string; named: number }[] = [];
  for (const page of pages) {
    const named = page.split('\n').length - 1;
    const last = messages.at(-1);
    if (last && last.named + named <= LIST_LINES) messages[messages.length - 1] = { text: `${last.text}\n\n${page}`, named: last.named + named };
    else messages.push({ text: page, named });
  }
  return messages.map((m) => m.text);
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
 * have not reached the aim's end yet, longest first, each with who holds the case; past by the rule
 * `alerts` and the digest share (pastAim). Leads see their groups' aims; admins every group's. Every
 * child named, LIST_LINES to a message; in a channel, counts only.
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
  const sections = aims.map((aim) => {
    const late = held.flatMap((c) => {
      const start = c.milestones[aim.from!]?.actual;
      if (!start || c.milestones[aim.to!]?.actual) return [];
      const days = pastAim(start, today, aim.targetWeeks!);
      return days === null ? [] : [{ caseRef: c.caseRef, weeks: Math.floor(days / 7), days }];
    });
    const without = plain(labelMidSentence(labelOf(catalogue, aim.to!)));
    const heading = `${aimInWords(aim, measures)}${inTeam(team)}: ${childCount(ctx, late.length)} past ${aim.targetWeeks} weeks without ${without}`;
    return waitingPages(ctx, heading, late, owners);
  });
  return packPages([...sections.flat(), ...(inDirect(ctx) ? [] : [ASK_IN_DIRECT])]).map((message) => text(message));
}
