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
  /** Files attached to the message (a tracker to import), read only when a handler wants them. */
  files?: TurnFile[];
  /**
   * People the turn names who may not have spoken to the bot yet, as the adapter found them on its
   * platform (a Slack mention or e-mail via users.info / users.lookupByEmail, a Teams mention or the
   * roster, a people picker). The core adds them when a command needs them.
   */
  people?: TurnPerson[];
  /**
   * Looks a work e-mail up on the platform (Slack users.lookupByEmail). Called by the core only for
   * a command that names colleagues (registry `colleagueEmails`), never for anything else typed.
   */
  lookupEmail?(email: string): Promise<TurnPerson | null>;
  /** Stable id of the platform event, for de-duplicating retries. */
  eventId: string;
  /** When the turn happened; tests pass a fixed clock. */
  receivedAt: Date;
}

/** Someone the adapter resolved on its platform: the id the platform knows them by, and their name. */
export interface TurnPerson {
  id: string;
  name: string;
  email?: string;
  /** What in the turn named them (a mention's id, an e-mail, a name typed or picked), lower case. */
  said: string[];
}

/**
 * A file someone attached. The adapter knows how to fetch it (Slack's url_private with the bot token,
 * Teams' download URL, the web chat's upload) with a timeout and a size limit; the core decides
 * whether to, so a refused user's file is never downloaded.
 */
export interface TurnFile {
  name: string;
  /** Bytes, when the platform says; the adapter enforces the limit while reading anyway. */
  size?: number;
  read(): Promise<Buffer>;
}

export type Reply =
  /** `refused`: the turn was turned down (nothing saved), so a platform can keep a submitted form open. */
  | { kind: 'text'; text: string; refused?: boolean }
  | { kind: 'card'; card: Card; /** Replace the card the action came from, when the platform can. */ replaces?: boolean }
  | { kind: 'form'; card: Card /* card.form is set */ }
  | {
      kind: 'image';
      png: Buffer;
      alt: string;
      title?: string;
      /** The chart's numbers, for a platform that can show a table under it (the local chat). */
      table?: { columns: string[]; rows: string[][] };
    }
  /** A file to hand over (an export): Slack uploads it, Teams asks consent, the web chat offers a download. */
  | {
      kind: 'file';
      data: Buffer;
      fileName: string;
      mimeType: string;
      title: string;
      alt: string;
      /** The action that makes this file again, for platforms that deliver it later (Teams' consent). */
      again?: CardAction;
      /** The words that ask for it, for a platform that cannot hand a file over here (a Teams channel). */
      askFor?: string;
    }
  /** Form validation errors, shown inline by the field (Slack response_action errors; web/Teams re-render). */
  | { kind: 'form_errors'; errors: Record<string, string>; card: Card };
