import type { ConversationDeps } from '../../src/conversation/context.js';
import { FEATURES } from '../../src/conversation/features.js';
import { handleTurn } from '../../src/conversation/handle-turn.js';
import { matchCommand } from '../../src/conversation/match-command.js';
import type { Reply } from '../../src/conversation/turn.js';
import { toTurn } from './to-turn.js';

const COMMAND = 'digest preview';

/** Whether any feature offers the `digest preview` command. */
export function hasDigestPreview(): boolean {
  const match = matchCommand(FEATURES.flatMap((f) => f.commands ?? []), COMMAND);
  return match?.command.words[0] === 'digest';
}

/**
 * The digest as the chosen person would receive it, from the `digest preview` command; null while no
 * feature offers that command. When the digest builder lands (src/digest/), this stays the one place
 * the page gets its content from.
 */
export async function digestPreviewReplies(deps: ConversationDeps, userId: string): Promise<Reply[] | null> {
  if (!hasDigestPreview()) return null;
  return handleTurn(toTurn({ as: userId, text: COMMAND }, deps.clock()), deps);
}
