import type { WithId } from 'mongodb';
import { labelMidSentence } from '../../../domain/milestone-catalogue.js';
import { ValidationError } from '../../../errors.js';
import { setAlertThreshold } from '../../../programme/alerts/alert-threshold.js';
import { alertsFor } from '../../../programme/alerts/alerts-for.js';
import { driftCommandsFor, driftLine, longestWaitFirst } from '../../../programme/alerts/drift-lines.js';
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

/** A list in a direct message names at most this many children; `alerts` is where the rest are. */
const LIST_LINES = 15;

/**
 * The viewer's alerts by reference, for a direct message: open ones longest wait first (with who
 * holds each, when it is someone else), then snoozed ones with the day they come back, then what
 * to say to act on one.
 */
async function alertLines(ctx: TurnContext, alerts: readonly WithId<Notice>[]): Promise<string[]> {
  if (alerts.length === 0) return ['No open alerts for you to act on.'];
  const { catalogue } = milestoneSettings(ctx);
  const today = localToday(ctx);
  const me = ctx.turn.user.id;
  const others = [...new Set(alerts.flatMap((a) => a.holderIds).filter((id) => id !== me))];
  const names = new Map(
    (await ctx.store.members.find({ userId: { $in: others } }, { projection: { userId: 1, name: 1 } }).toArray()).map((m) => [m.userId, m.name]),
  );
  const withWhom = (a: Notice) =>
    a.holderIds.includes(me) || a.holderIds.length === 0 ? '' : ` — with ${a.holderIds.map((id) => plain(names.get(id) ?? 'a member')).join(', ')}`;
  // The group is named only when the alerts span several (an admin's, or a lead of two groups).
  const groups = new Set(alerts.map((a) => a.groupKey)).size > 1 ? await groupNames(ctx.store) : null;
  const groupOf = (a: Notice) => (groups ? (groups.get(a.groupKey ?? '') ?? a.groupKey) : undefined);
  const open = longestWaitFirst(alerts.filter((a) => a.status === 'open'));
  const snoozed = longestWaitFirst(alerts.filter((a) => a.status === 'snoozed'));
  const shown = open.slice(0, LIST_LINES);
  return [
    ...(open.length > 0 ? [`*Open alerts you can act on* (${open.length})`] : ['No open alerts for you to act on.']),
    ...shown.map((a) => `${driftLine(a, catalogue, today, groupOf(a))}${withWhom(a)}`),
    ...(open.length > shown.length ? [`…and ${open.length - shown.length} more.`] : []),
    ...(snoozed.length > 0 ? [`*Snoozed* (${snoozed.length})`] : []),
    ...snoozed.slice(0, LIST_LINES).map((a) => `- ${a.caseRef} until ${shortDateOf(a.snoozedUntil!, ctx)}`),
    ...(snoozed.length > LIST_LINES ? [`…and ${snoozed.length - LIST_LINES} more.`] : []),
    `To act on one, say ${driftCommandsFor((open[0] ?? snoozed[0])!.caseRef!)}.`,
  ];
}

/** In a channel, counts only: a case reference never goes there. */
function alertCounts(alerts: readonly Notice[]): string {
  if (alerts.length === 0) return 'No open alerts for you to act on.';
  const open = alerts.filter((a) => a.status === 'open').length;
  const snoozed = alerts.length - open;
  const also = snoozed > 0 ? ` (and ${snoozed} snoozed)` : '';
  return `${open} open ${open === 1 ? 'alert' : 'alerts'} you can act on${also}. Ask me \`alerts\` in a direct message to see which children.`;
}

/**
 * `alerts`: the drift alerts this person may act on (those they hold, their groups', all for an
 * admin), by reference in a direct message and counted in a channel; then each group's rule.
 */
async function listAlerts(ctx: TurnContext): Promise<Reply[]> {
  const rules = await describeRules(ctx);
  const head = rules.length > 0 ? ['*When I alert a lead*', ...rules] : ['No aim group has an aim in weeks yet, so I send no drift alerts.'];
  const alerts = await alertsFor(ctx.store, viewerOf(ctx));
  const mine = mayNameChildren(ctx.turn) ? await alertLines(ctx, alerts) : [alertCounts(alerts)];
  return [text([...mine, '', ...head].join('\n'))];
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
