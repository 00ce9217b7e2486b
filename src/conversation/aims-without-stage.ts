import { weeksAimsWithoutStage } from '../programme/measures/aim-weeks.js';
import type { TurnContext } from './context.js';
import { plain } from './replies.js';

/**
 * Why nothing is timed when an aim in weeks exists but names no key measure (a group added by
 * command, say): which groups, and how to choose the measure. Null when no group in the person's
 * view is in that state, so the caller says there is no aim in weeks at all.
 */
export async function aimsWithoutStageReply(ctx: TurnContext, consequence: string): Promise<string | null> {
  const inView = ctx.isAdmin ? await ctx.store.groups.find({ archived: { $ne: true } }).toArray() : ctx.leadOf;
  const missing = weeksAimsWithoutStage(inView);
  if (missing.length === 0) return null;
  const names = missing.map((g) => `*${plain(g.name)}*`).join(', ');
  const first = missing[0]!;
  const have = missing.length === 1 ? 'has an aim in weeks but no key measure' : 'have aims in weeks but no key measure';
  return (
    `${names} ${have} yet, so I can't tell which stage the weeks are for: ${consequence}. ` +
    `Choose its key measure: \`group ${first.key} measure <measure>\` (\`group ${first.key} measure\` lists them), or on the group's form: \`group ${first.key} aim\`.`
  );
}
