import { ObjectId, type Db } from 'mongodb';
import { deliveriesCollection } from '../../deliveries/deliveries-collection.js';
import { refuseIdentifiers } from '../../domain/identifiers/index.js';
import type { PromptResponse } from '../../store/schemas/prompt.js';
import { workspaceStore } from '../../store/workspace-store.js';

const MAX_REPLY = 4000;

/** A message in a thread, from whichever platform: the parts a captured reply keeps. */
export interface ThreadMessage {
  workspaceId: string;
  user: { id: string; name: string };
  conversation: { id: string; threadId?: string };
  eventId: string;
  receivedAt: Date;
}

/** The prompt delivery whose first message opened the turn's thread, if it is one. */
export async function promptThread(db: Db, turn: Pick<ThreadMessage, 'workspaceId' | 'conversation'>) {
  const threadId = turn.conversation.threadId;
  if (!threadId) return null;
  return deliveriesCollection(db).findOne({
    workspaceId: turn.workspaceId,
    kind: 'prompt',
    conversationId: turn.conversation.id,
    'messageIds.0': threadId,
  });
}

/**
 * Keeps a reply written in the thread of a coach's prompt (the thread id is the prompt message's
 * Slack ts or Teams activity id, stored on its delivery). Returns null for any other message. A
 * platform's retry of the same event is kept once. A reply that holds an identifier is not kept:
 * an IdentifierError says which kind (Slack keeps replies silently, so this is the check there).
 */
export async function capturePromptReply(
  db: Db,
  turn: ThreadMessage,
  text: string,
): Promise<PromptResponse | null> {
  if (!text.trim()) return null;
  const delivery = await promptThread(db, turn);
  if (!delivery) return null;
  const store = workspaceStore(db, turn.workspaceId);
  const prompt = await store.prompts.findOne({ _id: new ObjectId(delivery.sourceId) });
  if (!prompt) return null;
  refuseIdentifiers({ text }, turn.receivedAt);
  const existing = await store.promptResponses.findOne({ eventId: turn.eventId });
  if (existing) return existing;
  const response: Omit<PromptResponse, 'workspaceId'> = {
    number: await store.nextSequence('prompt-response'),
    promptId: delivery.sourceId,
    promptNumber: prompt.number,
    groupKey: prompt.groupKey,
    occurrence: delivery.occurrence,
    userId: turn.user.id,
    userName: turn.user.name,
    text: text.trim().slice(0, MAX_REPLY),
    eventId: turn.eventId,
    at: turn.receivedAt,
    attachedTo: [],
  };
  await store.promptResponses.insertOne(response);
  return { ...response, workspaceId: turn.workspaceId };
}
