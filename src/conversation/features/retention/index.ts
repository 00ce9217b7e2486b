import { DateTime } from 'luxon';
import { RETENTION_NOTICE_DAYS } from '../../../domain/retention.js';
import { ValidationError } from '../../../errors.js';
import { freeCaseRefExample } from '../../../programme/cases/case-ref-example.js';
import { shortDate } from '../../../programme/local-date.js';
import { caseRetentionDue, retentionRule } from '../../../programme/retention/retention-of.js';
import type { TurnContext } from '../../context.js';
import type { Feature } from '../../registry.js';
import { text } from '../../replies.js';
import type { Reply } from '../../turn.js';

const SHOW_DUE = 10;

/** `retention`: the rule, and which records are due soonest. */
async function showRetention(ctx: TurnContext): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'see the retention rule');
  const programme = ctx.requireProgramme();
  const rule = retentionRule(programme);
  const cases = await ctx.store.cases.find({}, { projection: { caseRef: 1, milestones: 1, updatedAt: 1, keepUntil: 1 } }).toArray();
  const due = cases
    .map((c) => ({ caseRef: c.caseRef, due: caseRetentionDue(c, programme), kept: !!c.keepUntil }))
    .sort((a, b) => a.due.localeCompare(b.due));
  const lines = due
    .slice(0, SHOW_DUE)
    .map((d) => `- ${d.caseRef}: ${shortDate(d.due)}${d.kept ? ' (kept longer by an admin)' : ''}`);
  return [
    text(
      `*Retention*: a child's record is erased ${rule.monthsAfterOrder} months after the order is granted, ` +
        `or ${rule.monthsInactive} months after the last date or change if there is no order. Admins get ` +
        `a direct message ${RETENTION_NOTICE_DAYS} days before, and can keep one longer with a reason ` +
        `(\`case ${due[0]?.caseRef ?? (await freeCaseRefExample(ctx.store, programme))} keep until 30 Jun 2027 because …\`).\n` +
        (lines.length ? `Due soonest:\n${lines.join('\n')}` : 'No records held yet.') +
        '\nChange the rule with `retention order 12 inactive 24` (months).',
    ),
  ];
}

/** `retention order <months> inactive <months>` (admins): sets the rule, audited. */
async function setRetention(ctx: TurnContext, rest: string): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'change the retention rule');
  const programme = ctx.requireProgramme();
  const found = /^order\s+(\d{1,3})\s+inactive\s+(\d{1,3})$/i.exec(rest.trim());
  const months = found ? [Number(found[1]), Number(found[2])] : [];
  if (!found || months.some((m) => m < 1 || m > 120)) {
    throw new ValidationError('bad_retention', 'Say it like `retention order 12 inactive 24`: months, each from 1 to 120.');
  }
  const retention = { monthsAfterOrder: months[0]!, monthsInactive: months[1]! };
  await ctx.store.programmes.updateOne({ _id: programme._id }, { $set: { retention, updatedAt: ctx.now } });
  await ctx.store.recordAudit({
    actor: ctx.actor(),
    entity: 'programme',
    entityId: String(programme._id),
    action: 'retention_set',
    before: retentionRule(programme),
    after: retention,
    source: { platform: ctx.turn.platform, eventId: ctx.turn.eventId },
    at: ctx.now,
  });
  const today = DateTime.fromJSDate(ctx.now, { zone: programme.timeZone }).toISODate()!;
  return [text(`Retention set: ${retention.monthsAfterOrder} months after the order, ${retention.monthsInactive} months with no activity (from ${shortDate(today)}).`)];
}

export const retentionFeature: Feature = {
  commands: [
    {
      words: ['retention'],
      roles: ['admin'],
      usage: 'retention [order <months> inactive <months>]',
      example: 'retention order 12 inactive 24',
      summary: "How long children's records are kept, which are due soonest, and the rule itself.",
      run: (ctx, rest) => (rest.trim() ? setRetention(ctx, rest) : showRetention(ctx)),
    },
  ],
};
