import { labelMidSentence } from '../../../domain/milestone-catalogue.js';
import { ValidationError } from '../../../errors.js';
import { requireMilestone } from '../../../programme/cases/catalogue-changes.js';
import { caseStage } from '../../../programme/cases/case-stage.js';
import { extractTeam } from '../../../programme/cases/case-team.js';
import { labelOf, milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { listMeasures } from '../../../programme/measures/measure-catalogue.js';
import type { TurnContext } from '../../context.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { ASK_IN_DIRECT, groupScope, inDirect, inTeam, teamArg } from './case-list-parts.js';
import { ownersOf } from './case-holders.js';
import { aimInWords, childCount, waitingPages } from './case-lists.js';
import { pastAim } from '../../../domain/past-aim.js';
import { dayNumber, isCalendarDate } from '../../../domain/measures/calendar.js';

const USAGE = 'Say which stage, e.g. `waiting at first LAC review` or `waiting at accommodated team North`.';

/**
 * `waiting at <stage> [team North]`: children whose journey stands at that stage now. When one of
 * the asker's aims starts at that stage ("90% within 26 weeks" of accommodation), those past the
 * aim's weeks; otherwise everyone at it. Longest first, each with who holds the case; counts only
 * in a channel. Leads see their groups' cases, admins every case.
 */
export async function waitingAt(ctx: TurnContext, rest: string): Promise<Reply[]> {
  ctx.requireProgramme();
  ctx.requireRole(['admin', 'lead'], 'see which children are waiting');
  const { team: teamWords, rest: stageWords } = extractTeam(rest.trim());
  const name = stageWords.replace(/^(?:the|a)\s+/i, '').replace(/[?.!]+$/, '').trim();
  if (!name) throw new ValidationError('no_stage', USAGE);
  const { catalogue, today } = milestoneSettings(ctx);
  const stage = requireMilestone(catalogue, name, 'stage');
  const { team, filter } = await teamArg(ctx, teamWords ? `team ${teamWords}` : '');
  const mine = new Set(ctx.leadOf.map((g) => g.key));
  const measures = await listMeasures(ctx.store, ctx.now);
  const aims = measures.filter(
    (m) => m.kind === 'proportion' && m.targetWeeks && m.from === stage.key && (ctx.isAdmin || mine.has(m.groupKey ?? '')),
  );
  const held = await ctx.store.cases
    .find({ $and: [groupScope(ctx), filter] }, { projection: { caseRef: 1, milestones: 1, ownerId: 1 } })
    .toArray();
  // Each case's stage once: the list, and where the children waiting for the stage are.
  const staged = held.map((c) => ({ held: c, ...caseStage(c, catalogue, today) }));
  const here = staged.filter((c) => c.stage === stage.key);
  const atStage = here.map((c) => c.held);
  // Days since the stage, so a child at 30 weeks 4 days reads so, and is past a 30-week aim as
  // alerts, overdue and the digest count them (pastAim: one rule).
  const lines = here.map((c) => ({ caseRef: c.held.caseRef, weeks: c.weeks ?? 0, ...(c.since && isCalendarDate(c.since) ? { days: dayNumber(today) - dayNumber(c.since) } : {}), since: c.since }));
  const named = labelMidSentence(labelOf(catalogue, stage.key));
  // The strictest aim that starts here sets the threshold.
  const aim = aims.sort((a, b) => a.targetWeeks! - b.targetWeeks!)[0];
  const late = aim ? lines.filter((l) => l.since !== null && pastAim(l.since, today, aim.targetWeeks!) !== null) : lines;
  if (lines.length === 0) {
    const waitingFor = stage.notBefore
      .map((key) => ({ key, count: staged.filter((c) => c.stage === key).length }))
      .filter((e) => e.count > 0);
    return [text(nobodyAt(ctx, named, team, waitingFor, catalogue))];
  }
  // In a channel, counts under 5 read "fewer than 5" (childCount), as in the digest.
  const heading = aim
    ? `*Waiting at ${plain(named)}*${inTeam(team)}: ${childCount(ctx, lines.length)} ${lines.length === 1 && inDirect(ctx) ? 'child' : 'children'}, ${late.length === 0 ? 'none' : childCount(ctx, late.length)} of them past ${aim.targetWeeks} weeks — ${aimInWords(aim, measures)}`
    : `*Waiting at ${plain(named)}*${inTeam(team)}: ${childCount(ctx, lines.length)} ${lines.length === 1 && inDirect(ctx) ? 'child' : 'children'}${inDirect(ctx) ? ', longest first' : ''}`;
  const owners = inDirect(ctx) ? await ownersOf(ctx, atStage.filter((c) => late.some((l) => l.caseRef === c.caseRef))) : new Map<string, string>();
  // Every child named, a message per page, as `overdue` and `alerts` send them.
  const pages = waitingPages(ctx, heading, late, owners);
  return [...pages.map((page) => text(page)), ...(inDirect(ctx) ? [] : [text(ASK_IN_DIRECT)])];
}

/**
 * Nobody stands at the stage. "Waiting at first LAC review" reads to many as waiting *for* it, and
 * `chart waiting` counts those: say what the stage means here and where those children are.
 */
function nobodyAt(
  ctx: TurnContext,
  named: string,
  team: string | undefined,
  waitingFor: readonly { key: string; count: number }[],
  catalogue: Parameters<typeof caseStage>[1],
): string {
  const none = `Nobody stands at ${plain(named)}${inTeam(team)} now (reached it, and not yet the next stage).`;
  if (waitingFor.length === 0) return none;
  const where = waitingFor
    .map((e) => {
      const earlier = plain(labelMidSentence(labelOf(catalogue, e.key)));
      return `${childCount(ctx, e.count)} at ${earlier} (\`waiting at ${earlier}\`)`;
    })
    .join(', ');
  return `${none} Waiting *for* ${plain(named)}: ${where}.`;
}
