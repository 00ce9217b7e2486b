import { CardFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Card } from '../../cards/model.js';
import { toAdaptiveCard, type AdaptiveCardJson } from '../../cards/to-adaptive-card.js';
import type { Reply } from '../../src/conversation/turn.js';
import { UpstreamError } from '../../src/errors.js';
import { fileConsentActivity } from './file-consent.js';
import { withFormErrors } from './form-errors-card.js';
import { markdownToTeams } from './markdown-to-teams.js';

/** A reply's card as Adaptive Card JSON, or undefined for a text reply. */
export function replyCard(reply: Reply): AdaptiveCardJson | undefined {
  switch (reply.kind) {
    case 'text':
      return undefined;
    case 'card':
    case 'form':
      return toAdaptiveCard(reply.card);
    case 'form_errors':
      return withFormErrors(toAdaptiveCard(reply.card), reply.errors);
    case 'image':
      return toAdaptiveCard(imageCard(reply));
    case 'file':
      return undefined;
  }
}

/**
 * Teams hands a bot's file over only in a personal chat (file consent); in a channel or group chat
 * the message says where to ask for it instead.
 */
function fileElsewhere(reply: Extract<Reply, { kind: 'file' }>): Partial<Activity> {
  const ask = reply.askFor ? `: message me \`${reply.askFor}\` there` : '';
  const text = `**${reply.title}** — ${reply.alt}\n\nTeams lets me share files only in our personal chat${ask}.`;
  return { type: 'message', text: markdownToTeams(text), textFormat: 'markdown' };
}

/**
 * One Reply as a Teams message: markdown text, or an Adaptive Card attachment (images inline as data
 * URIs). `personal`: whether the conversation is a personal chat, the only place a file can go.
 */
export function replyActivity(reply: Reply, personal = true): Partial<Activity> {
  if (reply.kind === 'file') return personal ? fileConsentActivity(reply) : fileElsewhere(reply);
  const card = replyCard(reply);
  if (!card)
    return {
      type: 'message',
      text: markdownToTeams(reply.kind === 'text' ? reply.text : ''),
      textFormat: 'markdown',
    };
  return {
    type: 'message',
    attachments: [CardFactory.adaptiveCard(card)],
    ...(card.fallbackText && { summary: card.fallbackText }),
  };
}

/**
 * Sends replies in order into the turn's conversation and resolves with the Teams message ids (a reply in context, so a channel thread stays
 * a thread). A `replaces` card answering a fallback Action.Submit updates the card it came from.
 */
export async function sendReplies(ctx: TurnContext, replies: Reply[]): Promise<string[]> {
  const ids: string[] = [];
  const type = ctx.activity.conversation?.conversationType;
  for (const reply of replies) {
    const activity = replyActivity(reply, !type || type === 'personal');
    try {
      const replyTo = ctx.activity.replyToId;
      if (reply.kind === 'card' && reply.replaces && replyTo && ctx.activity.value) {
        await ctx.updateActivity({ ...activity, id: replyTo });
        ids.push(replyTo);
      } else {
        const sent = await ctx.sendActivity(activity);
        if (sent?.id) ids.push(sent.id);
      }
    } catch (error) {
      throw new UpstreamError(
        'teams_send_failed',
        'Sorry — Teams did not accept my reply. Please try again in a minute.',
        error,
      );
    }
  }
  return ids;
}

function imageCard(reply: Extract<Reply, { kind: 'image' }>): Card {
  // pacebot's images are charts; the alt text travels with the image rather than repeating as a title.
  return { title: reply.title ?? 'Chart', images: [{ png: reply.png, alt: reply.alt }] };
}
