import type { Card, FormValues } from '../../cards/model.js';
import type { Role, TurnContext } from './context.js';
import type { Reply, TurnFile } from './turn.js';

/** A typed command: `/pace <words> …` on Slack, the same words to the bot in Teams and the web chat. */
export interface Command {
  /** Leading words that select it, lower case, e.g. ['pdsa', 'new']. Longest match wins. */
  words: string[];
  /** Shown by `help` to users who hold one of these roles. */
  roles: Role[];
  usage: string;
  example: string;
  summary: string;
  /**
   * Its words may name colleagues by work e-mail: those the platform knows (turn.lookupEmail) are
   * not refused as identifiers. Any other e-mail still is.
   */
  colleagueEmails?: boolean;
  /** Another way to say the named command (its words): it works, but help lists only the one. */
  aliasOf?: string;
  /** Receives the text after the command words. */
  run(ctx: TurnContext, rest: string): Promise<Reply[]>;
}

/** Handles a button or a form submission whose action verb matches. */
export interface ActionHandler {
  verb: string;
  run(ctx: TurnContext, data: Record<string, unknown>, values: FormValues): Promise<Reply[]>;
  /**
   * For a form's submission: the form again, filled with `values`, so a refusal made before `run`
   * (an identifier in a field: see identifier-guard.ts) can be shown beside its field. Without it
   * the refusal is a plain message.
   */
  form?(ctx: TurnContext, data: Record<string, unknown>, values: FormValues): Card | Promise<Card>;
}

/** Tries to understand a plain sentence; returns null to let the next interpreter try. */
export interface SentenceInterpreter {
  name: string;
  run(ctx: TurnContext, text: string): Promise<Reply[] | null>;
}

/** Takes a message that carries files (e.g. a tracker to import); returns null to let another try. */
export interface FileHandler {
  name: string;
  run(ctx: TurnContext, files: TurnFile[], text: string): Promise<Reply[] | null>;
}

/** One feature's contribution to the bot. Features are listed in features.ts. */
export interface Feature {
  commands?: Command[];
  actions?: ActionHandler[];
  sentences?: SentenceInterpreter[];
  /**
   * Tried first for a turn written in a thread (a reply to a message the bot posted, such as a
   * coach's prompt), before commands: an answer there belongs to that message.
   */
  threadReplies?: SentenceInterpreter[];
  /** Tried first for a message with files attached. */
  files?: FileHandler[];
}
