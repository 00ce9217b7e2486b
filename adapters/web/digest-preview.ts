import type { ConversationDeps } from '../../src/conversation/context.js';
import { handleTurn, loadFeatures } from '../../src/conversation/lazy-turn.js';
import { matchCommand } from '../../src/conversation/match-command.js';
import type { Reply } from '../../src/conversation/turn.js';
import { toTurn } from './to-turn.js';

const COMMAND = 'digest preview';

/** Whether any feature offers the `digest preview` command. */
export async function hasDigestPreview(): Promise<boolean> {
  const { FEATURES } = await loadFeatures();
  const match = matchCommand(FEATURES.flatMap((f) => f.commands ?? []), COMMAND);
  return match?.command.words[0] === 'digest';
}

/**
 * The digest as the chosen person would receive it, from the `digest preview` command; null while no
 * feature offers that command. When the digest builder lands (src/digest/), this stays the one place
 * the page gets its content from.
 */
export async function digestPreviewReplies(deps: ConversationDeps, person: { userId: string; name: string }): Promise<Reply[] | null> {
  if (!(await hasDigestPreview())) return null;
  return handleTurn(toTurn({ as: person.userId, text: COMMAND }, deps.clock(), person), deps);
}
