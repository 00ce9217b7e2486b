import { DateTime } from 'luxon';
import { labelMidSentence } from '../../../domain/milestone-catalogue.js';
import { ForbiddenError } from '../../../errors.js';
import { caseStage } from '../../../programme/cases/case-stage.js';
import { labelOf, milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { listMeasures } from '../../../programme/measures/measure-catalogue.js';
import type { TurnContext } from '../../context.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';

const SHOW = 25;

/** Case references go to a person, never into a channel. */
function requireDirect(ctx: TurnContext): void {
  if (ctx.turn.conversation.kind !== 'direct') {
    throw new ForbiddenError('Case lists name children: ask me in a direct message, not in a channel.');
  }
}

/** `my cases`: the cases I have recorded dates for, with where each stands and for how long. */
export async function myCases(ctx: TurnContext): Promise<Reply[]> {
  requireDirect(ctx);
  const { catalogue, today } = milestoneSettings(ctx);
  const refs = (await ctx.store.audit.distinct('entityId', {
    entity: 'case',
    action: { $in: ['record', 'import'] },
    'actor.userId': ctx.turn.user.id,
  })) as string[];
  const held = await ctx.store.cases.find({ caseRef: { $in: refs } }).toArray();
  if (held.length === 0) return [text('You have not recorded dates for any child yet.')];
  const lines = held
    .map((c) => caseStage(c, catalogue, today))
    .sort((a, b) => (b.weeks ?? -1) - (a.weeks ?? -1))
    .map((s) =>
      s.stage
        ? `- ${s.caseRef}: ${labelMidSentence(labelOf(catalogue, s.stage))} ${s.weeks} weeks ago`
        : `- ${s.caseRef}: only planned dates so far`,
    );
  const more = lines.length > SHOW ? [`…and ${lines.length - SHOW} more`] : [];
  return [text([`*Your cases* (${held.length}), longest at their stage first`, ...lines.slice(0, SHOW), ...more].join('\n'))];
}

/**
 * `overdue`: children past their group's aim (the weeks in "90% within 26 weeks") who have not
 * reached the aim's end yet, longest first. Leads see their groups' aims; admins every group's.
 */
export async function overdueCases(ctx: TurnContext): Promise<Reply[]> {
  requireDirect(ctx);
  ctx.requireRole(['admin', 'lead'], 'see which children are overdue');
  const { catalogue, today } = milestoneSettings(ctx);
  const mine = new Set(ctx.leadOf.map((g) => g.key));
  const aims = (await listMeasures(ctx.store, ctx.now)).filter(
    (m) => m.kind === 'proportion' && m.targetWeeks && m.from && m.to && (ctx.isAdmin || mine.has(m.groupKey ?? '')),
  );
  if (aims.length === 0) {
    return [text('No aim group has an aim in weeks yet (like "90% within 26 weeks"), so nothing can be overdue.')];
  }
  const held = await ctx.store.cases.find({}, { projection: { caseRef: 1, milestones: 1 } }).toArray();
  const sections = aims.map((aim) => {
    const late = held
      .flatMap((c) => {
        const start = c.milestones[aim.from!]?.actual;
        if (!start || c.milestones[aim.to!]?.actual) return [];
        const weeks = Math.floor(DateTime.fromISO(today).diff(DateTime.fromISO(start), 'weeks').weeks);
        return weeks > aim.targetWeeks! ? [{ caseRef: c.caseRef, weeks }] : [];
      })
      .sort((a, b) => b.weeks - a.weeks || a.caseRef.localeCompare(b.caseRef));
    const heading = `*${plain(aim.name)}*: ${late.length} past ${aim.targetWeeks} weeks without ${labelMidSentence(labelOf(catalogue, aim.to!))}`;
    const more = late.length > SHOW ? [`…and ${late.length - SHOW} more`] : [];
    return [heading, ...late.slice(0, SHOW).map((l) => `- ${l.caseRef}: ${l.weeks} weeks`), ...more].join('\n');
  });
  return [text(sections.join('\n\n'))];
}
