import { ActivityTypes, type Activity, type InvokeResponse } from 'botbuilder';
import { markdownToPlainText } from '../../cards/markdown-subset.js';
import type { Reply } from '../../src/conversation/turn.js';
import { replyCard } from './send-reply.js';

export const CARD_RESPONSE_TYPE = 'application/vnd.microsoft.card.adaptive';
export const MESSAGE_RESPONSE_TYPE = 'application/vnd.microsoft.activity.message';

/**
 * The HTTP answer to an `adaptiveCard/action` invoke (Universal Actions, platforms.md §2.4): the first
 * card-like reply replaces the card the user pressed; with none, the first text is shown as a message.
 * Whatever is left over is sent afterwards as ordinary messages.
 */
export function splitInvokeReplies(replies: Reply[]): { response: InvokeResponse; rest: Reply[] } {
  const cardIndex = replies.findIndex((reply) => !['text', 'image', 'file'].includes(reply.kind));
  if (cardIndex >= 0) {
    return {
      response: universalResponse(CARD_RESPONSE_TYPE, replyCard(replies[cardIndex]!)),
      rest: replies.filter((_, i) => i !== cardIndex),
    };
  }
  const textIndex = replies.findIndex((reply) => reply.kind === 'text');
  const text =
    textIndex >= 0 ? (replies[textIndex] as Extract<Reply, { kind: 'text' }>).text : 'Done.';
  return {
    response: universalResponse(MESSAGE_RESPONSE_TYPE, markdownToPlainText(text)),
    rest: replies.filter((_, i) => i !== textIndex),
  };
}

/** A message answer to an invoke, e.g. the apology when the turn failed. */
export function invokeMessage(text: string): Partial<Activity> {
  return invokeResponseActivity(universalResponse(MESSAGE_RESPONSE_TYPE, text));
}

/** botbuilder keeps an `invokeResponse` activity in turn state and returns it as the HTTP answer. */
export function invokeResponseActivity(response: InvokeResponse): Partial<Activity> {
  return { type: ActivityTypes.InvokeResponse, value: response };
}

function universalResponse(type: string, value: unknown): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type, value } };
}
