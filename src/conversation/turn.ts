import { z } from 'zod';
import type { Card, CardAction, FormValues } from '../../cards/model.js';

/** Which chat surface a turn came from. The core may phrase things differently (e.g. "/pace" on Slack). */
export const PlatformSchema = z.enum(['slack', 'teams', 'web']);
export type Platform = z.infer<typeof PlatformSchema>;

export const ConversationKindSchema = z.enum(['direct', 'channel', 'thread']);
export type ConversationKind = z.infer<typeof ConversationKindSchema>;

/**
 * One thing a person did, stripped of its platform. Adapters build it; `handleTurn` consumes it.
 * Exactly one of `text` or `action` is set.
 */
export interface Turn {
  platform: Platform;
  /** Slack team id (or enterprise:team), Teams tenant id, or "web-local". */
  workspaceId: string;
  user: { id: string; name: string };
  conversation: { id: string; kind: ConversationKind; threadId?: string };
  text?: string;
  action?: CardAction & { values?: FormValues };
  /** Stable id of the platform event, for de-duplicating retries. */
  eventId: string;
  /** When the turn happened; tests pass a fixed clock. */
  receivedAt: Date;
}

export type Reply =
  | { kind: 'text'; text: string }
  | { kind: 'card'; card: Card; /** Replace the card the action came from, when the platform can. */ replaces?: boolean }
  | { kind: 'form'; card: Card /* card.form is set */ }
  | { kind: 'image'; png: Buffer; alt: string; title?: string }
  /** Form validation errors, shown inline by the field (Slack response_action errors; web/Teams re-render). */
  | { kind: 'form_errors'; errors: Record<string, string>; card: Card };
