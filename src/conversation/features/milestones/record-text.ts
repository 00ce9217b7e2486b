import { parseMilestoneStatement } from '../../../domain/parse-milestone.js';
import type { TurnContext } from '../../context.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { proposeRecords } from './propose-records.js';

/**
 * Reads a milestone statement and answers with a confirmation card, or with a refusal that says
 * what to send instead. A refusal names only what was recognised, never an unknown word (it may be
 * a child's name), and nothing is stored either way until the member confirms.
 */
export async function recordText(ctx: TurnContext, said: string): Promise<Reply[]> {
  ctx.requireProgramme();
  const settings = milestoneSettings(ctx);
  const parsed = parseMilestoneStatement(said, settings);
  // Refusals quote milestone labels (a tracker's headings, perhaps) and dates as typed: plain text.
  if (!parsed.ok) return [text(plain(parsed.message))];
  const proposal = await proposeRecords(ctx, parsed.records, settings);
  return proposal.problem ? [text(plain(proposal.problem.message))] : proposal.replies;
}
