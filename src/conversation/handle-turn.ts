import { AppError, ForbiddenError } from '../errors.js';
import { askAdminsSentence } from './ask-admins.js';
import { workspaceStore } from '../store/workspace-store.js';
import { programmeRequired, roleCheck, type ConversationDeps, type TurnContext } from './context.js';
import { FEATURES } from './features.js';
import { lookUpColleagueEmails, refuseIdentifiers } from './identifier-guard.js';
import { refuseChildInChannel, withholdChildrenFromChannel } from './channel-privacy.js';
import { matchCommand, normaliseCommandText } from './match-command.js';
import { resolveMember } from './resolve-member.js';
import { notUnderstood, plain } from './replies.js';
import { nearestCommand } from './nearest-command.js';
import { freeCaseRefExample } from '../programme/cases/case-ref-example.js';
import type { Reply, Turn } from './turn.js';

/**
 * The bot's brain: one Turn in, Replies out. Resolves the workspace, the member and their roles, then
 * runs exactly one handler: a card action, a typed command, or a plain sentence.
 * Errors a user can act on (AppError) become a reply with their userMessage; anything else is rethrown
 * for the adapter's boundary to log and apologise for.
 */
export async function handleTurn(turn: Turn, deps: ConversationDeps): Promise<Reply[]> {
  const ctx = await buildContext(turn, deps);
  try {
    // A case reference never goes to a channel, whichever handler built the reply.
    return await withholdChildrenFromChannel(ctx, await dispatch(ctx));
  } catch (error) {
    if (error instanceof AppError && !error.reportable) {
      deps.logger.info({ code: error.code, workspaceId: turn.workspaceId }, 'turn refused');
      const text = error instanceof ForbiddenError && error.askAdmins ? `${error.userMessage} ${await askAdminsSentence(ctx.store)}` : error.userMessage;
      return withholdChildrenFromChannel(ctx, [{ kind: 'text', text, refused: true }]);
    }
    throw error;
  }
}

export async function buildContext(turn: Turn, deps: ConversationDeps): Promise<TurnContext> {
  const now = deps.clock();
  const store = workspaceStore(deps.db, turn.workspaceId);
  // Three independent reads in parallel: one round trip of latency per turn for a known member.
  const [member, programme, leadOf] = await Promise.all([
    resolveMember(deps.db, store, turn, now),
    store.programmes.findOne({}),
    store.groups.find({ leads: turn.user.id }).toArray(),
  ]);
  const roles = { isAdmin: member.roles.includes('admin'), isCoach: member.roles.includes('coach'), leadOf };
  return {
    turn,
    deps,
    store,
    member,
    now,
    programme,
    ...roles,
    requireRole: roleCheck(roles),
    requireProgramme: () => programmeRequired(programme),
    // The event only: the audit keeps what was understood (its before and after), never the message.
    source: () => ({ platform: turn.platform, eventId: turn.eventId }),
    actor: () => ({ userId: turn.user.id, name: turn.user.name }),
  };
}

async function dispatch(ctx: TurnContext): Promise<Reply[]> {
  const { turn } = ctx;
  if (turn.action) {
    const handler = FEATURES.flatMap((f) => f.actions ?? []).find((a) => a.verb === turn.action!.verb);
    if (!handler) return [{ kind: 'text', text: 'That button has expired. Type `help` to see what you can do.' }];
    const refused = await refuseIdentifiers(ctx, handler);
    if (refused) return refused;
    return handler.run(ctx, turn.action.data ?? {}, turn.action.values ?? {});
  }
  // A people command may name a colleague by work e-mail: looked up on the platform first, so the
  // guard can tell a colleague's address from anyone else's.
  const early = matchCommand(FEATURES.flatMap((f) => f.commands ?? []), normaliseCommandText(turn.text ?? ''));
  if (early?.command.colleagueEmails) await lookUpColleagueEmails(ctx);
  // Before any handler: nothing of a message holding an identifier is read further, kept or echoed.
  const refused = await refuseIdentifiers(ctx);
  if (refused) return refused;
  const inChannel = refuseChildInChannel(ctx);
  if (inChannel) return inChannel;
  const text = normaliseCommandText(turn.text ?? '');
  if (turn.files?.length) {
    for (const handler of FEATURES.flatMap((f) => f.files ?? [])) {
      const replies = await handler.run(ctx, turn.files, text);
      if (replies) return replies;
    }
  }
  if (!text) return notUnderstood(await freeCaseRefExample(ctx.store, ctx.programme));
  if (turn.conversation.threadId) {
    for (const handler of FEATURES.flatMap((f) => f.threadReplies ?? [])) {
      const replies = await handler.run(ctx, text);
      if (replies) return replies;
    }
  }
  const match = matchCommand(FEATURES.flatMap((f) => f.commands ?? []), text);
  if (match) return match.command.run(ctx, match.rest);
  for (const interpreter of FEATURES.flatMap((f) => f.sentences ?? [])) {
    const replies = await interpreter.run(ctx, text);
    if (replies) return replies;
  }
  const meant = nearestCommand(FEATURES.flatMap((f) => f.commands ?? []), text);
  if (meant) return [{ kind: 'text', text: `Did you mean \`${plain(meant)}\`? Type \`help\` to see everything I can do.` }];
  return notUnderstood(await freeCaseRefExample(ctx.store, ctx.programme));
}
