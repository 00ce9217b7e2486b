import type { TurnContext } from '../../context.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { localToday } from '../../../programme/local-date.js';
import { buildWaitingChart } from '../../../programme/measures/build-waiting-chart.js';
import { findMeasure } from './find-measure.js';
import { listMeasures } from '../../../programme/measures/measure-catalogue.js';

const MAX_REFS = 10;

/** `chart waiting [stage]`: children who started a stage but have not finished it, by weeks waited. */
export async function waitingCommand(ctx: TurnContext, rest: string): Promise<Reply[]> {
  ctx.requireProgramme();
  const intervals = (await listMeasures(ctx.store, ctx.now)).filter((m) => m.kind === 'interval');
  const said = rest.trim().replace(/^(?:for|at)\s+/i, '');
  const chosen = said ? [findMeasure(intervals, said)] : intervals;
  const chart = await buildWaitingChart(ctx.store, {
    measures: chosen,
    today: localToday(ctx),
    keepEmpty: said !== '',
  });
  // Who is waiting longest is for the people who chase it: leads, coaches and admins.
  const mayName = ctx.isAdmin || ctx.isCoach || ctx.leadOf.length > 0;
  const lines = chart.stages.map(({ measure, buckets, total }) => {
    const counts = buckets.filter((b) => b.count > 0).map((b) => `${b.count} ${b.label}`);
    // Buckets run shortest wait first and each lists its longest wait first.
    const longestByWait = [...buckets]
      .reverse()
      .flatMap((b) => b.caseRefs)
      .slice(0, MAX_REFS);
    const refs = mayName && total > 0 ? ` Longest waits: ${longestByWait.join(', ')}.` : '';
    return `- *${plain(measure.name)}*: ${total} waiting${counts.length > 0 ? ` (${counts.join(', ')})` : ''}.${refs}`;
  });
  return [
    { kind: 'image', png: chart.png, alt: chart.alt, title: 'Children still waiting' },
    text(
      [
        `*Children still waiting* (as of today; not on the run charts until they reach the stage's end)`,
        ...lines,
      ].join('\n'),
    ),
  ];
}
