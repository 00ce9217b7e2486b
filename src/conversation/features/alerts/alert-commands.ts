import { labelMidSentence } from '../../../domain/milestone-catalogue.js';
import { ValidationError } from '../../../errors.js';
import { setAlertThreshold } from '../../../programme/alerts/alert-threshold.js';
import { driftThresholds } from '../../../programme/alerts/drift-thresholds.js';
import { labelOf, milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { milestoneNoun } from '../../../programme/cases/day-format.js';
import { shortDateOf } from '../../../programme/local-date.js';
import type { TurnContext } from '../../context.js';
import { findGroup } from '../../find-group.js';
import { splitArgs } from '../../match-command.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';

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

/** `alerts`: the rules, and the alerts this person holds (by reference, in a direct message only). */
async function listAlerts(ctx: TurnContext): Promise<Reply[]> {
  const rules = await describeRules(ctx);
  const head = rules.length > 0 ? ['*When I alert a lead*', ...rules] : ['No aim group has an aim in weeks yet, so I send no drift alerts.'];
  if (ctx.turn.conversation.kind !== 'direct') return [text([...head, '', 'Ask me in a direct message to see the alerts you hold.'].join('\n'))];
  const held = await ctx.store.notices.find({ kind: 'drift', status: { $ne: 'closed' }, holderIds: ctx.turn.user.id }, { sort: { createdAt: 1 } }).toArray();
  const lines = held.map((n) =>
    n.status === 'snoozed' ? `- ${n.caseRef}: past ${n.weeks} weeks, snoozed until ${shortDateOf(n.snoozedUntil!, ctx)}` : `- ${n.caseRef}: past ${n.weeks} weeks`,
  );
  const mine = lines.length > 0 ? ['', `*Alerts with you* (${lines.length})`, ...lines.slice(0, 25)] : ['', 'You hold no open alerts.'];
  return [text([...head, ...mine].join('\n'))];
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
