import type { MeasureAnalysis } from '../../../programme/measures/analyse-measure.js';
import { localToday } from '../../../programme/local-date.js';
import { proposalsForChart } from '../../../programme/measures/split-proposals.js';
import type { Programme } from '../../../store/schemas/programme.js';
import type { TurnContext } from '../../context.js';
import { card } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { proposalCard } from '../../../programme/measures/proposal-card.js';

/** The new phases the bot proposes under a chart reply, each with Accept and Dismiss. */
export async function chartProposals(ctx: TurnContext, programme: Programme, shown: MeasureAnalysis): Promise<Reply[]> {
  const proposals = await proposalsForChart(ctx.store, programme, shown, localToday(ctx));
  return proposals.map((p) => card(proposalCard(p, shown.view)));
}
