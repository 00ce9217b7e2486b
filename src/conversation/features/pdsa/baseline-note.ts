import type { CardSection } from '../../../../cards/model.js';
import { localToday } from '../../../programme/local-date.js';
import { valueWithUnit } from '../../../programme/measures/value-with-unit.js';
import { cycleId } from '../../../programme/pdsa/cycle-id.js';
import { predictionEvidence } from '../../../programme/pdsa/prediction-evidence.js';
import type { PdsaCycle } from '../../../store/schemas/pdsa.js';
import type { TurnContext } from '../../context.js';
import { plain } from '../../replies.js';

/**
 * A gentle note after a plan whose checkable prediction is already true of the measure before the
 * test (its median then is at or past the amount): Study would score it "met" whatever the test
 * did. Not a refusal, since the group may mean "hold the line"; empty when there is nothing to say.
 */
export async function baselineNote(
  ctx: Pick<TurnContext, 'store' | 'programme' | 'now'>,
  cycle: PdsaCycle,
): Promise<CardSection[]> {
  const prediction = cycle.plan.checkable;
  if (!prediction || !ctx.programme) return [];
  const evidence = await predictionEvidence(ctx.store, ctx.programme, cycle, localToday(ctx), ctx.now);
  const before = evidence?.score.before ?? null;
  if (!evidence || before === null) return [];
  const already = prediction.direction === 'down' ? before <= prediction.amount : before >= prediction.amount;
  if (!already) return [];
  const median = valueWithUnit(before, plain(evidence.measure.unit));
  return [
    {
      text: `Before the test, the median is already ${median}, so this would be met without any change — predict something the test should change? Edit the plan with \`pdsa ${cycleId(cycle.number)} edit\`.`,
    },
  ];
}
