import { claimQuestion } from '../../claim-question.js';
import type { TurnContext } from '../../context.js';
import { ValidationError } from '../../../errors.js';
import { eraseWorkspace } from '../../../programme/privacy/erase-workspace.js';
import { card, plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';

export const ERASE_PROGRAMME_KIND = 'programme.erase';
export const ERASE_PROGRAMME_VERB = 'programme.erase';
export const KEEP_PROGRAMME_VERB = 'programme.erase.cancel';
const ANSWER_WITHIN_MS = 10 * 60 * 1000;
/** Long enough for every delete and a compaction; a stopped one is finished by asking again. */
const ERASE_LEASE_MS = 5 * 60 * 1000;
const EXPIRED = 'That erase question was already answered, or it expired. Nothing changed.';

/**
 * `erase programme` (admins, in a direct message): for an area leaving pacebot. Says what will go,
 * with counts, and asks; nothing is touched until the admin presses the button.
 */
export async function askEraseProgramme(ctx: TurnContext): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'erase the programme');
  if (ctx.turn.conversation.kind !== 'direct') {
    throw new ValidationError('erase_in_channel', 'Erasing the programme is asked for in a direct message with me, not in a channel.');
  }
  const [cases, tests, audit, people] = await Promise.all([
    ctx.store.cases.countDocuments({}),
    ctx.store.pdsa.countDocuments({}),
    ctx.store.audit.countDocuments({}),
    ctx.store.members.countDocuments({}),
  ]);
  const { insertedId } = await ctx.store.pending.insertOne({
    userId: ctx.turn.user.id,
    kind: ERASE_PROGRAMME_KIND,
    payload: {},
    source: { platform: ctx.turn.platform, eventId: ctx.turn.eventId },
    status: 'open',
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + ANSWER_WITHIN_MS),
  });
  const data = { pending: insertedId.toHexString() };
  const name = ctx.programme ? `*${plain(ctx.programme.name)}*` : 'this workspace';
  return [
    card({
      title: 'Erase everything?',
      facts: [
        { label: 'Children', value: String(cases) },
        { label: 'Tests of change', value: String(tests) },
        { label: 'Audit entries', value: String(audit) },
        { label: 'People', value: String(people) },
      ],
      sections: [
        {
          text:
            `This deletes everything pacebot holds for ${name}: every child's dates, the tests of change, ` +
            'measures, digests, messages, people and the audit log, and then rewrites the store so none of it is ' +
            'left on disk. Nothing is kept, not even a record that it happened (the server logs one line with the counts). ' +
            "It can't be undone: take `export` first if the area needs a copy. Backups age out on your deployment's own schedule.",
        },
      ],
      buttons: [
        { id: 'erase', label: 'Erase everything', style: 'danger', action: { verb: ERASE_PROGRAMME_VERB, data } },
        { id: 'keep', label: 'Cancel', action: { verb: KEEP_PROGRAMME_VERB, data } },
      ],
    }),
  ];
}

const claim = (ctx: TurnContext, id: unknown, status: 'applying' | 'cancelled') =>
  claimQuestion(ctx, id, status, { kind: ERASE_PROGRAMME_KIND, leaseMs: ERASE_LEASE_MS });

/** Erase everything: the model deletes it all and compacts; the question goes with the rest. */
export async function confirmEraseProgramme(ctx: TurnContext, id: unknown): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'erase the programme');
  if (!(await claim(ctx, id, 'applying'))) return [text(EXPIRED)];
  const done = await eraseWorkspace(ctx.store.db, ctx.store.workspaceId);
  const total = Object.values(done.deleted).reduce((a, b) => a + b, 0);
  // No message text or names: which workspace, and how much went.
  ctx.deps.logger.info({ code: 'workspace_erased', workspaceId: ctx.store.workspaceId, deleted: done.deleted, compacted: done.compacted }, 'workspace erased');
  return [
    card(
      {
        title: 'Erased',
        sections: [
          {
            text:
              `Everything pacebot held for this workspace is deleted (${total} records)` +
              (done.compacted ? ', and the store has rewritten its files without them.' : '. Your MongoDB declined to compact: its storage engine reclaims the space in time (docs/deploy.md).') +
              ' Whoever writes to me next starts a new programme, as its admin.',
          },
        ],
      },
      true,
    ),
  ];
}

/** Cancel: nothing is touched. */
export async function cancelEraseProgramme(ctx: TurnContext, id: unknown): Promise<Reply[]> {
  if (!(await claim(ctx, id, 'cancelled'))) return [text(EXPIRED)];
  return [card({ title: 'Not erased', sections: [{ text: 'Nothing changed.' }] }, true)];
}
