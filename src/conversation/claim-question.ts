import { ObjectId } from 'mongodb';
import type { TurnContext } from './context.js';

/**
 * Takes a person's open confirmation question (erase, hand-over, removal) once, atomically: to
 * apply it under a lease, or to cancel it. A question whose applying stopped past its lease is
 * taken again, so the repair sweep and a second press cannot both run it. Null when the question
 * is not this person's, not open, or gone.
 */
export function claimQuestion(
  ctx: TurnContext,
  id: unknown,
  status: 'applying' | 'cancelled',
  question: { kind: string; leaseMs: number },
) {
  if (typeof id !== 'string' || !ObjectId.isValid(id)) return Promise.resolve(null);
  const _id = new ObjectId(id);
  const mine = { kind: question.kind, userId: ctx.turn.user.id };
  const open = { _id, ...mine, status: 'open' as const, expiresAt: { $gt: ctx.now } };
  if (status === 'cancelled') return ctx.store.pending.findOneAndUpdate(open, { $set: { status, closedAt: ctx.now } });
  const lease = { status, leaseUntil: new Date(ctx.now.getTime() + question.leaseMs) };
  const stopped = { _id, ...mine, status: 'applying' as const, leaseUntil: { $lt: ctx.now } };
  return ctx.store.pending
    .findOneAndUpdate(open, { $set: lease })
    .then((fresh) => fresh ?? ctx.store.pending.findOneAndUpdate(stopped, { $set: lease }));
}
