import type { MeasureAnalysis } from '../../../programme/measures/analyse-measure.js';
import { localToday } from '../../../programme/local-date.js';
import { proposalsForChart } from '../../../programme/measures/split-proposals.js';
import type { Programme } from '../../../store/schemas/programme.js';
import { eitherOf, hasRole, type TurnContext } from '../../context.js';
import { card } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { proposalCard } from '../../../programme/measures/proposal-card.js';
import { measureOwners } from '../../../programme/measures/measure-owners.js';

/**
 * Whether the reader may be offered Accept and Dismiss: anyone in a channel (a lead there may
 * press them), and in a direct message only someone the buttons would not refuse (split-actions.ts).
 */
async function deciders(ctx: TurnContext, shown: MeasureAnalysis): Promise<{ mayDecide: boolean; groupName?: string }> {
  if (ctx.turn.conversation.kind !== 'direct' || ctx.isAdmin || ctx.isCoach) return { mayDecide: true };
  const owners = await measureOwners(ctx.store, shown.measure);
  return { mayDecide: hasRole(ctx, 'lead', owners), ...(owners.length > 0 ? { groupName: eitherOf.format(owners.map((g) => g.name)) } : {}) };
}

/** The new phases the bot proposes under a chart reply, with Accept and Dismiss for those who decide. */
export async function chartProposals(ctx: TurnContext, programme: Programme, shown: MeasureAnalysis): Promise<Reply[]> {
  const proposals = await proposalsForChart(ctx.store, programme, shown, localToday(ctx));
  if (proposals.length === 0) return [];
  const options = await deciders(ctx, shown);
  return proposals.map((p) => card(proposalCard(p, shown.view, options)));
}
