import type { WithId } from 'mongodb';
import { labelMidSentence } from '../../../domain/milestone-catalogue.js';
import { ValidationError } from '../../../errors.js';
import { setAlertThreshold } from '../../../programme/alerts/alert-threshold.js';
import { alertsFor } from '../../../programme/alerts/alerts-for.js';
import { awaitedAlerts, type AwaitedAlerts } from '../../../programme/alerts/waiting-for-morning.js';
import { LIST_LINES, byChild, childrenText, driftCommandsFor, driftLine } from '../../../programme/alerts/drift-lines.js';
import { childrenForGroup } from '../../../digest/small-numbers.js';
import { driftThresholds } from '../../../programme/alerts/drift-thresholds.js';
import { labelOf, milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { groupNames } from '../../../programme/export/group-names.js';
import { milestoneNoun } from '../../../programme/cases/day-format.js';
import { localToday, shortDateOf } from '../../../programme/local-date.js';
import type { Notice } from '../../../store/schemas/notice.js';
import type { TurnContext } from '../../context.js';
import { findGroup } from '../../find-group.js';
import { mayNameChildren } from '../../may-name-children.js';
import { splitArgs } from '../../match-command.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { viewerOf } from './alert-actions.js';
import { pagesOf } from './list-pages.js';
import { aimsWithoutStageReply } from '../../aims-without-stage.js';

const AFTER = /^after\s+(\d{1,3})\s*weeks?$/i;
const FROM_AIM = /^(?:from\s+(?:the\s+)?aim|off|default)$/i;
export const ALERT_USAGE = '`alerts <group> after 30 weeks` (or `alerts <group> from aim`)';

/** Each group's alert rule, in words: which wait, after how long, and where the weeks come from. */
async function describeRules(ctx: TurnContext): Promise<string[]> {
  const { catalogue } = milestoneSettings(ctx);
  return (await driftThresholds(ctx.store, ctx.now)).map((t) => {
    const whose = t.source === 'group' ? 'the group’s own setting' : 'from its aim';
    return `- *${plain(t.group.name)}*: a child waiting more than ${t.weeks} weeks from ${plain(milestoneNoun(catalogue, t.from))} without ${plain(labelMidSentence(labelOf(catalogue, t.to)))} (${whose})`;
  });
}

/** "(18 children)", or on one of several messages "(16–18 of 18 children)". */
const counted = (total: number, from: number, to: number) =>
  total > LIST_LINES ? `(${from}–${to} of ${childrenText(total)})` : `(${childrenText(total)})`;

/** Children past a group's time whose alerts are not out yet, as facts a drift line reads. */
const awaitedChildren = (awaited: AwaitedAlerts) =>
  byChild(awaited.drifts.map((d) => ({ caseRef: d.caseRef, groupKey: d.threshold.group.key, from: d.threshold.from, milestone: d.threshold.to, startedOn: d.startedOn })));

/**
 * "3 children are past their group’s time …, so theirs go out on Mon 7 Dec 2026 at 09:00.": what a
 * lead asking at a weekend or at night would otherwise read as nothing to do.
 */
function awaitedSentence(children: number, when: string, count: (n: number) => string = childrenText): string {
  const said = count(children);
  const are = said === '1 child' ? 'is' : 'are';
  return `${said} ${are} past their group’s time and not alerted yet: I send alerts on working mornings, so theirs go out ${when}.`;
}

/**
 * The viewer's alerts by child, for a direct message: open ones longest wait first (with who holds
 * them, when it is someone else), then snoozed ones with the day they come back, then what to say
 * to act on one; last, children past the time whose alerts are not out yet (at a weekend, say) and
 * when they go. Every child is named, as the morning's list promises: LIST_LINES to a message, in
 * as many messages as it takes.
 */
async function alertPages(ctx: TurnContext, alerts: readonly WithId<Notice>[], awaited: AwaitedAlerts): Promise<string[]> {
  const { catalogue } = milestoneSettings(ctx);
  const today = localToday(ctx);
  const coming = awaitedChildren(awaited);
  const comingPages = pagesOf(
    coming.map((child) => driftLine(child, catalogue, today)),
    (from, to) => `*Past their group’s time, alerts not out yet* ${counted(coming.length, from, to)}`,
  );
  const comingLast = comingPages.length > 0 ? [...comingPages.slice(0, -1), `${comingPages.at(-1)!}\n${awaitedSentence(coming.length, awaited.when)}`] : [];
  if (alerts.length === 0) return comingLast.length > 0 ? comingLast : ['No open alerts for you to act on.'];
  const me = ctx.turn.user.id;
  const others = [...new Set(alerts.flatMap((a) => a.holderIds).filter((id) => id !== me))];
  const names = new Map(
    (await ctx.store.members.find({ userId: { $in: others } }, { projection: { userId: 1, name: 1 } }).toArray()).map((m) => [m.userId, m.name]),
  );
  const withWhom = (theirs: readonly Notice[]) => {
    if (theirs.some((a) => a.holderIds.includes(me) || a.holderIds.length === 0)) return '';
    const holders = [...new Set(theirs.flatMap((a) => a.holderIds))];
    return ` — with ${holders.map((id) => plain(names.get(id) ?? 'a member')).join(', ')}`;
  };
  // Groups are named only when the alerts span several (an admin's, or a lead of two groups).
  const groups = new Set(alerts.map((a) => a.groupKey)).size > 1 ? await groupNames(ctx.store) : null;
  const groupOf = groups ? (key: string) => groups.get(key) ?? key : undefined;
  const groupsOf = (theirs: readonly Notice[]) =>
    groupOf ? ` (${[...new Set(theirs.map((a) => plain(groupOf(a.groupKey ?? ''))))].join(', ')})` : '';
  const open = byChild(alerts.filter((a) => a.status === 'open'));
  const snoozed = byChild(alerts.filter((a) => a.status === 'snoozed'));
  const backOn = (theirs: readonly Notice[]) => new Date(Math.min(...theirs.map((a) => a.snoozedUntil!.getTime())));
  const pages = [
    ...(open.length > 0 || coming.length > 0
      ? pagesOf(
          open.map((child) => `${driftLine(child, catalogue, today, groupOf)}${withWhom(child.alerts)}`),
          (from, to) => `*Open alerts you can act on* ${counted(open.length, from, to)}`,
        )
      : ['No open alerts for you to act on.']),
    ...pagesOf(
      snoozed.map((child) => `- ${child.caseRef} until ${shortDateOf(backOn(child.alerts), ctx)}${groupsOf(child.alerts)}`),
      (from, to) => `*Snoozed* ${counted(snoozed.length, from, to)}`,
    ),
  ];
  const last = `To act on one, say ${driftCommandsFor((open[0] ?? snoozed[0])!.caseRef)}.`;
  return [...pages.slice(0, -1), `${pages.at(-1)!}\n${last}`, ...comingLast];
}

/** In a channel, children counted only: a case reference never goes there. */
function alertCounts(alerts: readonly Notice[], awaited: AwaitedAlerts): string {
  // Counts under 5 read "fewer than 5" here, as `overdue` and the digest say them in a channel.
  const forGroup = (n: number) => childrenForGroup(n, childrenText);
  const coming = awaitedChildren(awaited).length;
  const later = coming > 0 ? ` ${awaitedSentence(coming, awaited.when, forGroup)}` : '';
  if (alerts.length === 0 && coming === 0) return 'No open alerts for you to act on.';
  const ask = 'Ask me `alerts` in a direct message to see which children.';
  if (alerts.length === 0) return `${later.trim()} ${ask}`;
  const open = byChild(alerts.filter((a) => a.status === 'open')).length;
  const snoozed = byChild(alerts.filter((a) => a.status === 'snoozed')).length;
  const also = snoozed > 0 ? ` (and ${forGroup(snoozed)} snoozed)` : '';
  const which = open > 0 ? `${forGroup(open)} with open alerts you can act on` : 'No open alerts for you to act on';
  return `${which}${also}.${later} ${ask}`;
}

/**
 * `alerts`: the drift alerts this person may act on (those they hold, their groups', all for an
 * admin), by child: named in a direct message (in several messages when there are many), counted
 * in a channel; then each group's rule.
 */
async function listAlerts(ctx: TurnContext): Promise<Reply[]> {
  const rules = await describeRules(ctx);
  const noRules = async () =>
    (await aimsWithoutStageReply(ctx, 'I send no drift alerts until then')) ?? 'No aim group has an aim in weeks yet, so I send no drift alerts.';
  const head = rules.length > 0 ? ['*When I alert a lead*', ...rules] : [await noRules()];
  const alerts = await alertsFor(ctx.store, viewerOf(ctx));
  const awaited = await awaitedAlerts(ctx, viewerOf(ctx));
  const mine = mayNameChildren(ctx.turn) ? await alertPages(ctx, alerts, awaited) : [alertCounts(alerts, awaited)];
  // The rules close the last message: one message more would only say less.
  return [...mine.slice(0, -1), [mine.at(-1)!, '', ...head].join('\n')].map((page) => text(page));
}

/** `alerts <group> after 30 weeks` / `alerts <group> from aim`: a group's own alert time, for its leads. */
export async function alertsCommand(ctx: TurnContext, rest: string): Promise<Reply[]> {
  ctx.requireProgramme();
  const args = splitArgs(rest);
  if (args.length === 0) return listAlerts(ctx);
  return [text(await changeAlertTime(ctx, args[0]!, args.slice(1).join(' ')))];
}

/** Sets or clears a group's alert time from the words after its name; shared with `group <g> alert …`. */
export async function changeAlertTime(ctx: TurnContext, groupWord: string, said: string): Promise<string> {
  const group = await findGroup(ctx, groupWord);
  ctx.requireRole(['admin', 'lead'], 'change when this group’s leads are alerted', group);
  const words = said.trim();
  const after = AFTER.exec(words);
  if (after) {
    const weeks = Number(after[1]);
    await setAlertThreshold(ctx, group, weeks);
    return `From now on I alert ${plain(group.name)}’s leads when a child has waited more than ${weeks} weeks. Alerts for the old time are closed; each child past the new one is alerted once.`;
  }
  if (FROM_AIM.test(words)) {
    await setAlertThreshold(ctx, group, null);
    return `${plain(group.name)}’s alerts follow its aim again.`;
  }
  throw new ValidationError('bad_alert_command', `Say how long, e.g. ${ALERT_USAGE}.`);
}
