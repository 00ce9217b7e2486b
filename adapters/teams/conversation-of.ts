import type { ConversationKind } from '../../src/conversation/turn.js';
import type { TeamsActivity } from './teams-activity.js';

const THREAD_MARK = ';messageid=';

export interface TeamsConversation {
  /** The chat or channel itself, without the thread suffix: where proactive posts go. */
  id: string;
  kind: ConversationKind;
  /** Root message id of the channel thread the activity belongs to. */
  threadId?: string;
}

/**
 * personal → direct; groupChat → channel; a channel → thread when the activity sits in a reply chain.
 * Teams marks that chain by appending `;messageid=<root id>` to the channel's conversation id.
 */
export function conversationOf(activity: Pick<TeamsActivity, 'conversation'>): TeamsConversation {
  const { id, conversationType, isGroup } = activity.conversation;
  const mark = id.indexOf(THREAD_MARK);
  const baseId = mark >= 0 ? id.slice(0, mark) : id;
  // The Emulator sends no conversationType; it marks group conversations with isGroup instead.
  if (conversationType === 'personal' || (!conversationType && !isGroup))
    return { id: baseId, kind: 'direct' };
  if (conversationType === 'channel' && mark >= 0) {
    return { id: baseId, kind: 'thread', threadId: id.slice(mark + THREAD_MARK.length) };
  }
  return { id: baseId, kind: 'channel' };
}
