import type { TurnContext } from '../../context.js';
import { findGroup } from '../../find-group.js';
import { localToday } from '../../../programme/local-date.js';
import { analyseMeasure } from '../../../programme/measures/analyse-measure.js';
import { loadCaseMilestones } from '../../../programme/cases/case-milestones.js';
import { listMeasures, type MeasureDefinition } from '../../../programme/measures/measure-catalogue.js';
import { RULE_SET_NAMES } from '../../../programme/measures/measure-chart-spec.js';
import { describeLatest } from '../../../programme/measures/describe-latest.js';
import { controlSignalSummary, signalSummary } from './signal-summary.js';
import { plain } from '../../replies.js';
import { audienceOf } from '../../may-name-children.js';

/** The measures of one group: its own, its aim's and its "% within target" measure. */
async function groupMeasures(ctx: TurnContext, said: string, all: MeasureDefinition[]) {
  const group = await findGroup(ctx, said);
  const own = all.filter((m) => m.groupKey === group.key || m.key === group.aim?.measureKey);
  return { title: `*Measures of ${plain(group.name)}*`, measures: own };
}

/** `measures [group]`: one line per measure with its latest value and what its chart's rules say. */
export async function measuresList(ctx: TurnContext, rest: string): Promise<string> {
  const programme = ctx.requireProgramme();
  const all = await listMeasures(ctx.store, ctx.now);
  const { title, measures } = rest.trim()
    ? await groupMeasures(ctx, rest, all)
    : { title: '*Measures*', measures: all };
  const today = localToday(ctx);
  const cases = await loadCaseMilestones(ctx.store);
  const audience = audienceOf(ctx.turn);
  const lines = await Promise.all(
    measures.map(async (measure) => {
      // A group reads an interval measure by month, as the digest shows it: its newest child's
      // exact date and weeks would give that child's dates (a phone try-out, in a channel).
      const view = audience === 'group' && measure.kind === 'interval' ? { view: 'monthly' as const } : {};
      const result = await analyseMeasure(ctx.store, programme, measure, { today, cases, audience, ...view });
      const latest = result.latest;
      const value = latest
        ? plain(describeLatest(latest, measure, { perChild: result.view === 'per-child', audience }))
        : 'no data yet';
      const summary = result.control
        ? controlSignalSummary(result.control, measure.betterDirection)
        : signalSummary(result.analysis, programme.ruleSet, measure.betterDirection);
      // Child by child, a chart can signal what the digest's monthly medians do not (a try-out
      // read "above the upper limit (worse)" here and "an improvement" in the digest): say which.
      const byChild = result.view === 'per-child' && measure.kind === 'interval';
      const said = !byChild ? summary : /^[A-Z] chart:/.test(summary) ? summary.replace(/^([A-Z] chart):/, '$1, child by child:') : `child by child, ${summary}`;
      const signal = latest ? `; ${said}` : '';
      return `- *${plain(measure.name)}* \`${measure.key}\`: ${value}${signal}`;
    }),
  );
  const none = measures.length === 0 ? ['None yet. A lead can define one with `measure new`.'] : [];
  return [
    `${title} (run-chart rules: ${RULE_SET_NAMES[programme.ruleSet]}; control charts: 3-sigma limits and Anhøj rules)`,
    ...lines,
    ...none,
    'See one with `chart <measure>`, e.g. `chart accommodation to recommendation`.',
  ].join('\n');
}
