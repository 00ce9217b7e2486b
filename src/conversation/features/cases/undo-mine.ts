import type { WithId } from 'mongodb';
import { importOfKey } from '../../../programme/imports/apply-import.js';
import type { AuditEntry } from '../../../store/schemas/audit.js';
import type { TurnContext } from '../../context.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { undoCard } from './undo-card.js';
import { lastUndoable } from './undo-change.js';

/** `undo` alone reaches back this far: beyond a day, say which case (`case C1042 undo` works at any age). */
const UNDO_WITHIN_MS = 24 * 60 * 60 * 1000;
/** Enough of your own recent changes to step back through after several undos. */
const LOOK_BACK = 200;

/**
 * `undo` on its own: your newest change of the last day to a child's dates that is still the last
 * change to that case, asked on the same card as `case C1042 undo`. Undone changes are stepped over,
 * so a second `undo` offers the change before. Tests of change and a child's team are not undone
 * here; if one is your newest change, the reply says so and how to change it.
 */
export async function undoMine(ctx: TurnContext): Promise<Reply[]> {
  ctx.requireProgramme();
  const since = new Date(ctx.now.getTime() - UNDO_WITHIN_MS);
  const { offer, overtaken, older, any } = await walkBackThroughMine(ctx, since);
  const aboutOther = await newerChangeNotUndone(ctx, since, offer?.last.at ?? null);
  const followed = overtaken
    ? `Your change to ${overtaken.caseRef} has since been followed by ${plain(overtaken.by)}'s, so \`undo\` leaves it: ` +
      `undoing it now would take theirs back too. \`case ${overtaken.caseRef} history\` shows both.`
    : null;
  const said = [aboutOther, followed].filter((line): line is string => line !== null);
  if (offer) {
    const card = undoCard(ctx, offer.caseRef, offer.last);
    const which = followed ? 'Your last change that can still be undone is below.' : "Your last change to a child's dates is below.";
    return said.length > 0 ? [text(`${said.join(' ')} ${which}`), card] : [card];
  }
  // A case is named for `case <ref> undo` only while your change is still its last (it undoes
  // whoever's is), and a placeholder stands in when there is none: a made-up reference could be a
  // real child's. When every change was overtaken, the newest of them has just been explained.
  const nothing = older
    ? `You have no change from the last day left to undo. To undo an older one, say \`case ${older} undo\`.`
    : !any
      ? "You have no change to a child's dates to undo. To undo the last change to one child, say `case <case> undo`."
      : followed
        ? null
        : 'You have no change left to undo: each child you changed has been changed since by someone else, or already undone.';
  return [text([...said, ...(nothing ? [nothing] : [])].join('\n'))];
}

interface WalkedBack {
  /** Your newest change of the last day that is still its case's last change. */
  offer?: { caseRef: string; last: WithId<AuditEntry> };
  /** Your newest change of the last day that a colleague's change to the same child has since followed. */
  overtaken?: { caseRef: string; by: string };
  /** Failing an offer, the newest case whose last change is still an older one of yours. */
  older?: string;
  /** Whether you have ever recorded a date. */
  any: boolean;
}

/**
 * One walk back through your recorded changes to children's dates, newest first, each child once,
 * asking each case for its last change not undone: stops at the first that is yours and of the
 * last day (the change to offer), or, past the last day, at the first that is yours at all.
 */
async function walkBackThroughMine(ctx: TurnContext, since: Date): Promise<WalkedBack> {
  const me = ctx.turn.user.id;
  const entries = await ctx.store.audit
    .find({ entity: 'case', action: 'record', 'actor.userId': me }, { sort: { at: -1, _id: -1 }, limit: LOOK_BACK })
    .toArray();
  const found: WalkedBack = { any: entries.length > 0 };
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.entityId)) continue;
    seen.add(entry.entityId);
    const last = await lastUndoable(ctx, entry.entityId);
    if (last?.actor.userId === me) {
      // Only while it is still the case's last change: undoing it would otherwise undo someone else's.
      if (last.at > since) return { ...found, offer: { caseRef: entry.entityId, last } };
      found.older ??= entry.entityId;
      // Past the last day no case can hold a change of yours from it: nothing left to offer.
      if (entry.at <= since) return found;
    } else if (last && entry.at > since) {
      found.overtaken ??= { caseRef: entry.entityId, by: last.actor.name };
    }
  }
  return found;
}

/**
 * Your newest change of the last day that `undo` does not take back (a test of change, a child's
 * team, or a tracker import still applied), when it is newer than the change offered: what it was and how to change it instead. Said,
 * so `undo` never quietly offers an older change as if it were the last.
 */
async function newerChangeNotUndone(ctx: TurnContext, since: Date, offeredAt: Date | null): Promise<string | null> {
  const me = ctx.turn.user.id;
  const newest = { sort: { at: -1 as const, _id: -1 as const } };
  const [cycle, team, imported] = await Promise.all([
    ctx.store.audit.findOne({ entity: 'pdsa', 'actor.userId': me, at: { $gt: since } }, newest),
    ctx.store.audit.findOne({ entity: 'case', action: 'team', 'actor.userId': me, at: { $gt: since } }, newest),
    ctx.store.audit.findOne({ entity: 'programme', action: 'import', 'actor.userId': me, at: { $gt: since } }, newest),
  ]);
  // An import counts only while it can still be taken back: one already undone is not a change to point to.
  const number = importOfKey(imported?.entityId)?.number;
  const applied = number !== undefined && (await ctx.store.imports.countDocuments({ number, status: 'applied' })) > 0;
  const newer = [cycle, team, applied ? imported : null].filter((e) => e !== null && (!offeredAt || e.at > offeredAt));
  // Newest first, as the audit is read everywhere: by time, then by entry. An import's team changes
  // share its moment, and its own entry, written last, is the change to point to.
  const last = newer.sort((a, b) => b!.at.getTime() - a!.at.getTime() || b!._id.toHexString().localeCompare(a!._id.toHexString()))[0];
  if (!last) return null;
  if (last === imported) {
    const file = last.source.file ? ` (${plain(last.source.file)})` : '';
    return `Your last change was import #${number}${file}, which \`undo\` does not take back: \`import undo ${number}\` does.`;
  }
  if (last === cycle) {
    return `Your last change was ${last.entityId}, a test of change, which \`undo\` does not take back: change it with \`pdsa ${last.entityId} edit\`.`;
  }
  const teamOf = (state: unknown) => (state as { team?: string | null } | undefined)?.team ?? null;
  const before = teamOf(last.before);
  const back = before ? `\`${last.entityId} team ${plain(before)}\`` : `\`${last.entityId} no team\``;
  return `Your last change was ${last.entityId}'s team, which \`undo\` does not take back: to put it back, say ${back}.`;
}
