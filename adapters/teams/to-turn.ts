import { TurnContext } from 'botbuilder';
import { foldOtherValues } from '../../cards/form-values.js';
import type { Turn, TurnFile } from '../../src/conversation/turn.js';
import { ValidationError } from '../../src/errors.js';
import { conversationOf } from './conversation-of.js';
import { parseTeamsActivity, tenantOf, userIdOf, type TeamsActivity } from './teams-activity.js';

/** Keys our card renderer adds to every submit's data; they are not form input. */
const RENDERER_KEYS = new Set(['verb', 'formId']);

/**
 * A Teams message or `adaptiveCard/action` invoke as a Turn. Workspace = tenant; the bot's own
 * @mention is removed; a card submit becomes `action` (Action.Execute invoke, or the Action.Submit
 * fallback that arrives as a message with `value`).
 */
export function toTurn(raw: unknown, receivedAt: Date, files: TurnFile[] = []): Turn {
  const activity = parseTeamsActivity(raw);
  if (!activity.id)
    throw new ValidationError(
      'invalid_activity',
      'Sorry — I could not read that message from Teams.',
      { field: 'id' },
    );
  const action = actionOf(activity);
  return {
    platform: 'teams',
    workspaceId: tenantOf(activity),
    user: { id: userIdOf(activity.from), name: activity.from.name?.trim() || 'Someone' },
    conversation: conversationOf(activity),
    ...(action ? { action } : { text: textOf(activity) }),
    ...(files.length ? { files } : {}),
    eventId: activity.id,
    receivedAt,
  };
}

function actionOf(activity: TeamsActivity): Turn['action'] | undefined {
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    const action = (activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)
      ?.action;
    return fromData(action?.data, action?.verb);
  }
  if (activity.type === 'message' && isRecord(activity.value))
    return fromData(activity.value, activity.value.verb);
  return undefined;
}

/**
 * Teams merges the inputs into the action's data (both for Action.Execute and Action.Submit), so
 * the card's ids and the form values arrive side by side: every primitive goes to `data`, every
 * string also to `values` (the handler reads the keys it knows from each).
 */
function fromData(rawData: unknown, rawVerb: unknown): Turn['action'] | undefined {
  if (typeof rawVerb !== 'string' || rawVerb === '') return undefined;
  // Keys are whatever the client sent: Maps, so "__proto__" or "constructor" is an ordinary key.
  const data = new Map<string, string | number | boolean | null>();
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(isRecord(rawData) ? rawData : {})) {
    if (RENDERER_KEYS.has(key)) continue;
    if (typeof value === 'string') values.set(key, value);
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
      data.set(key, value as string | number | boolean | null);
  }
  return {
    verb: rawVerb,
    data: Object.fromEntries(data),
    values: foldOtherValues(Object.fromEntries(values)),
  };
}

/**
 * The typed text without the bot's @mention. Mentions of other people stay as their display name
 * (quoted when it has spaces) so "group x lead @Ana Smith" still names one person.
 */
function textOf(activity: TeamsActivity): string {
  const withoutBot =
    TurnContext.removeRecipientMention(
      activity as Parameters<typeof TurnContext.removeRecipientMention>[0],
    ) ??
    activity.text ??
    '';
  const botName = activity.recipient.name;
  return withoutBot
    .replace(/<at>([^<]*)<\/at>/g, (_, name: string) => {
      const trimmed = name.trim();
      if (botName && trimmed.toLowerCase() === botName.toLowerCase()) return '';
      return /\s/.test(trimmed) ? `"${trimmed}"` : `@${trimmed}`;
    })
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
