import { parseMilestoneStatement } from '../../../domain/parse-milestone.js';
import type { TurnContext } from '../../context.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { labelOf, milestoneSettings, type MilestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { nearestMilestone } from '../../../domain/milestone-parsing/nearest-milestone.js';
import { findMilestones } from '../../../domain/milestone-parsing/find-milestones.js';
import { LAC_REVIEW_KEYS, labelMidSentence } from '../../../domain/milestone-catalogue.js';
import type { MilestoneRecord } from '../../../domain/parse-milestone.js';
import { loadMilestones } from '../../../programme/cases/load-milestones.js';
import { readAsNextReviews } from '../../../programme/cases/next-lac-review.js';
import { dayLabel } from '../../../programme/cases/day-format.js';
import { afterTheLastReview, reviewPastTheLast } from './beyond-last-review.js';
import { type Proposal, proposeRecords } from './propose-records.js';
import { undatedReviewAsNext } from './undated-review.js';

/**
 * Reads a milestone statement and answers with a confirmation card, or with a refusal that says
 * what to send instead. A refusal names only what was recognised, never an unknown word (it may be
 * a child's name), and nothing is stored either way until the member confirms.
 */
export async function recordText(ctx: TurnContext, said: string): Promise<Reply[]> {
  ctx.requireProgramme();
  const settings = milestoneSettings(ctx);
  const tooLate = reviewPastTheLast(said);
  if (tooLate) return [text(tooLate)];
  const parsed = parseMilestoneStatement(said, settings);
  if (!parsed.ok && parsed.error === 'no_milestone') {
    const suggested = await didYouMean(ctx, said, settings);
    if (suggested) return suggested;
  }
  if (!parsed.ok && parsed.error === 'no_date') {
    const nextReview = await undatedReviewAsNext(ctx, said, settings);
    if (nextReview) return [text(nextReview)];
  }
  // Refusals quote milestone labels (a tracker's headings, perhaps) and dates as typed: plain text.
  if (!parsed.ok) return [text(plain(parsed.message))];
  const nameNote = [
    ...(parsed.nameLeftOut ? [text(NAME_REMINDER)] : []),
    ...(parsed.undated ? [text(undatedNote(parsed.undated, parsed.records[0]!.caseRef, settings))] : []),
  ];
  const bare = await bareReviewsAsNext(ctx, said, parsed.records, settings);
  if (bare) return [...nameNote, ...bare];
  const proposal = await proposeRecords(ctx, parsed.records, settings);
  if (!proposal.problem) return [...nameNote, ...proposal.replies];
  const refusal = plain(proposal.problem.message);
  const later = await laterReviewInstead(ctx, parsed.records, settings, refusal);
  if (later) return [...nameNote, ...later];
  const pastLast = await afterTheLastReview(ctx, parsed.records, settings);
  return [...nameNote, text(pastLast ?? refusal)];
}

// The parser left out words that look like a person's name: nothing of them is kept or repeated.
const NAME_REMINDER =
  'I left out some words that looked like a person’s name — please use only the case reference, ' +
  'never a child’s name. Nothing of the name was kept.';

/** Milestones named without a date of their own are said back, never dropped silently. */
function undatedNote(keys: readonly string[], caseRef: string, settings: MilestoneSettings): string {
  const names = keys.map((k) => plain(labelMidSentence(labelOf(settings.catalogue, k))));
  return (
    `I haven’t recorded a date for the ${names.join(' or the ')}: I read it as part of the other ` +
    `milestone. If it happened on its own date, send it too, e.g. “${caseRef} ${names[0]} 3 Oct”.`
  );
}

/**
 * A bare "LAC review" for a child who already had their first one reads as the review they are
 * due next (which one is the model's call, programme/cases/next-lac-review.ts), said plainly above
 * the confirmation card so a correction of the first is one message away.
 */
async function bareReviewsAsNext(
  ctx: TurnContext,
  said: string,
  records: MilestoneRecord[],
  settings: MilestoneSettings,
): Promise<Reply[] | null> {
  const mentions = findMilestones(said, settings.catalogue).filter((m) => m.strength !== 'other');
  const named = new Set(mentions.filter((m) => m.strength === 'specific').map((m) => m.key));
  const bare = (r: MilestoneRecord) => !named.has(r.milestone);
  const existing = await loadMilestones(ctx, records.map((r) => r.caseRef));
  const read = readAsNextReviews(records, existing, settings.catalogue, bare);
  if (!read) return null;
  const proposal = await proposeRecords(ctx, read, settings);
  if (proposal.problem) return null;
  const label = (key: string) => plain(labelMidSentence(labelOf(settings.catalogue, key)));
  const notes = read.flatMap((r, i) => {
    const was = records[i]!;
    if (r.milestone === was.milestone) return [];
    // The review just before the one it is read as: "already had a fourth", not "a first".
    const had = LAC_REVIEW_KEYS[LAC_REVIEW_KEYS.indexOf(r.milestone) - 1] ?? was.milestone;
    const held = existing.get(r.caseRef)?.[had]?.actual ?? '';
    return [
      `${r.caseRef} already had a ${label(had)} on ${dayLabel(held)}, so I’ve taken this as ` +
        `the *${label(r.milestone)}*. If you meant to change the ${label(was.milestone)}, press Cancel ` +
        `and say “${label(was.milestone)}” with the date.`,
    ];
  });
  return [text(notes.join('\n')), ...proposal.replies];
}

/**
 * Records refused as they stand, where a LAC review the child already had makes them fit when read
 * as the next review: asked as "did you mean", with the confirmation card as the button.
 */
async function laterReviewInstead(
  ctx: TurnContext,
  records: MilestoneRecord[],
  settings: MilestoneSettings,
  /** Why the records were refused as said, so a member who meant them knows why not. */
  refusal?: string,
): Promise<Reply[] | null> {
  const existing = await loadMilestones(ctx, records.map((r) => r.caseRef));
  const read = readAsNextReviews(records, existing, settings.catalogue);
  if (!read) return null;
  const proposal: Proposal = await proposeRecords(ctx, read, settings);
  if (proposal.problem) return null;
  const moved = read.find((r, i) => r.milestone !== records[i]!.milestone)!;
  const label = plain(labelOf(settings.catalogue, moved.milestone));
  const ask = readAs(label, proposal.replies);
  return [text(refusal ? `${refusal}\n${ask}` : ask), ...proposal.replies];
}

/**
 * A near miss of a milestone's name ("LAC reveiw", "permanance panel"): the message read with the
 * name it nearly was, asked as "did you mean", with the usual confirmation card as the button.
 * When the milestone so read cannot be recorded (a date before accommodation), the question comes
 * with the reason and the name to use: the name was found, so the list of every milestone would
 * only hide what is wrong. Only the catalogue's label is named, never the word typed.
 */
async function didYouMean(ctx: TurnContext, said: string, settings: MilestoneSettings): Promise<Reply[] | null> {
  const near = nearestMilestone(said, settings.catalogue);
  if (!near) return null;
  const label = labelOf(settings.catalogue, near.key);
  const corrected = `${said.slice(0, near.start)}${label}${said.slice(near.end)}`;
  const parsed = parseMilestoneStatement(corrected, settings);
  if (!parsed.ok) return null;
  const proposal = await proposeRecords(ctx, parsed.records, settings);
  if (!proposal.problem) return [text(readAs(plain(label), proposal.replies)), ...proposal.replies];
  // "LAC reveiw" for a child who had their first review: the next review is the better guess.
  const later = await laterReviewInstead(ctx, parsed.records, settings);
  if (later) return later;
  const name = plain(labelMidSentence(label));
  return [
    text(
      `Did you mean *${plain(label)}*? If so, I can’t record it as it stands:\n${plain(proposal.problem.message)}\n` +
        `When you send it again, call it “${name}”.`,
    ),
  ];
}

/**
 * How a near miss is put: a question with the confirmation card below it, or, when what it would
 * record is already held (no card to confirm), only how it was read before "Already recorded".
 */
function readAs(label: string, replies: readonly Reply[]): string {
  if (replies.some((r) => r.kind === 'card')) return `Did you mean *${label}*? If so, confirm below; if not, cancel and say it again.`;
  return `I read that as *${label}*.`;
}
