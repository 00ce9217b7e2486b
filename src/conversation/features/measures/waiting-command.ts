import type { TurnContext } from '../../context.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { localToday } from '../../../programme/local-date.js';
import { buildWaitingChart } from '../../../programme/measures/build-waiting-chart.js';
import { findMeasure } from './find-measure.js';
import { listMeasures } from '../../../programme/measures/measure-catalogue.js';
import { extractTeam, requireTeam, teamFilter } from '../../../programme/cases/case-team.js';
import { loadCaseMilestones } from '../../../programme/cases/case-milestones.js';
import { channelCount, safeForChannel } from '../../../digest/small-numbers.js';

const MAX_REFS = 10;

/** `chart waiting [stage]`: children who started a stage but have not finished it, by weeks waited. */
export async function waitingCommand(ctx: TurnContext, rest: string): Promise<Reply[]> {
  ctx.requireProgramme();
  const intervals = (await listMeasures(ctx.store, ctx.now)).filter((m) => m.kind === 'interval');
  // "team North" at the end: only that team's children.
  const { team: teamWords, rest: withoutTeam } = extractTeam(rest.trim());
  const team = teamWords ? await requireTeam(ctx.store, teamWords) : undefined;
  const said = withoutTeam.replace(/^(?:for|at)\s+/i, '');
  const chosen = said ? [findMeasure(intervals, said)] : intervals;
  const chart = await buildWaitingChart(ctx.store, {
    measures: chosen,
    today: localToday(ctx),
    keepEmpty: said !== '',
    ...(team ? { cases: await loadCaseMilestones(ctx.store, teamFilter(team)) } : {}),
  });
  // Who is waiting longest is for the people who chase it: leads, coaches and admins.
  // Case references only ever go to a person, never into a channel.
  const direct = ctx.turn.conversation.kind === 'direct';
  const mayName = (ctx.isAdmin || ctx.isCoach || ctx.leadOf.length > 0) && direct;
  const lines = chart.stages.map(({ measure, buckets, total }) => {
    // In a channel, as in the digest: counts under 5 read "fewer than 5", and no bucket breakdown.
    if (!direct) return `- *${plain(measure.name)}*: ${total === 0 ? 'nobody' : channelCount(total)} waiting.`;
    const counts = buckets.filter((b) => b.count > 0).map((b) => `${b.count} ${b.label}`);
    // Buckets run shortest wait first and each lists its longest wait first.
    const longestByWait = [...buckets]
      .reverse()
      .flatMap((b) => b.caseRefs)
      .slice(0, MAX_REFS);
    const refs = mayName && total > 0 ? ` Longest waits: ${longestByWait.join(', ')}.` : '';
    return `- *${plain(measure.name)}*: ${total} waiting${counts.length > 0 ? ` (${counts.join(', ')})` : ''}.${refs}`;
  });
  // The bar chart (and its alt text) shows every bar's count, so a channel gets it only when no
  // bar holds 1 to 4 children — the digest's rule.
  const showChart = direct || safeForChannel(chart.stages.flatMap((s) => s.buckets.map((b) => b.count)));
  const note = showChart ? [] : ['_The bar chart shows small counts, so it is only in a direct message: say `chart waiting` to me there._'];
  return [
    ...(showChart ? [{ kind: 'image' as const, png: chart.png, alt: chart.alt, title: 'Children still waiting' }] : []),
    text(
      [
        `*Children still waiting*${team ? ` in team ${plain(team)}` : ''} (as of today; not on the run charts until they reach the stage's end)`,
        ...lines,
        ...note,
      ].join('\n'),
    ),
  ];
}
