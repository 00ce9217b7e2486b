import { parseMilestoneStatement } from '../../../domain/parse-milestone.js';
import type { TurnContext } from '../../context.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { labelOf, milestoneSettings, type MilestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { nearestMilestone } from '../../../domain/milestone-parsing/nearest-milestone.js';
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
  if (!parsed.ok && parsed.error === 'no_milestone') {
    const suggested = await didYouMean(ctx, said, settings);
    if (suggested) return suggested;
  }
  // Refusals quote milestone labels (a tracker's headings, perhaps) and dates as typed: plain text.
  if (!parsed.ok) return [text(plain(parsed.message))];
  const proposal = await proposeRecords(ctx, parsed.records, settings);
  return proposal.problem ? [text(plain(proposal.problem.message))] : proposal.replies;
}

/**
 * A near miss of a milestone's name ("LAC reveiw", "permanance panel"): the message read with the
 * name it nearly was, asked as "did you mean", with the usual confirmation card as the button.
 * Only the catalogue's label is named, never the word typed.
 */
async function didYouMean(ctx: TurnContext, said: string, settings: MilestoneSettings): Promise<Reply[] | null> {
  const near = nearestMilestone(said, settings.catalogue);
  if (!near) return null;
  const label = labelOf(settings.catalogue, near.key);
  const corrected = `${said.slice(0, near.start)}${label}${said.slice(near.end)}`;
  const parsed = parseMilestoneStatement(corrected, settings);
  if (!parsed.ok) return null;
  const proposal = await proposeRecords(ctx, parsed.records, settings);
  if (proposal.problem) return null;
  return [text(`Did you mean *${plain(label)}*? If so, confirm below; if not, cancel and say it again.`), ...proposal.replies];
}
