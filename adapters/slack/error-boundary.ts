import type { App, CodedError, webApi } from '@slack/bolt';
import { markdownToMrkdwn } from '../../cards/markdown-to-mrkdwn.js';
import { asAppError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import {
  BlockActionsSchema,
  MessageEventBodySchema,
  SlashCommandSchema,
  ViewSubmissionSchema,
} from './payload-schemas.js';
import { postMessage } from './post-message.js';
import {
  type ReplyTarget,
  targetForAction,
  targetForCommand,
  targetForMessage,
  targetForView,
} from './reply-target.js';
import { decodeViewMetadata } from './view-metadata.js';

/** What Bolt passes an error handler when `extendedErrorHandler` is on. */
interface ErrorHandlerArgs {
  error: CodedError | Error;
  context: { botToken?: string };
  body: unknown;
}

/** Bolt wraps what a listener threw; the original is what we classify. */
function originalOf(error: CodedError | Error): unknown {
  const wrapped = error as { original?: unknown; originals?: unknown[] };
  return wrapped.originals?.[0] ?? wrapped.original ?? error;
}

/** What a Slack turn failure is handled with: the error, the bot token of the turn and its raw body. */
export type SlackTurnFailure = (args: ErrorHandlerArgs) => Promise<void>;

/**
 * The one place Slack turn errors are handled, whether Bolt caught them (a listener threw) or the
 * turn queue did (the work ran after the listener returned): log once with the code, then tell the
 * person — an AppError's userMessage, or a generic apology — in the conversation they used. Never a
 * stack trace, never their words in the log.
 */
export function slackTurnFailure(
  logger: Logger,
  clientFor: (token: string) => webApi.WebClient,
): SlackTurnFailure {
  return async ({ error, context, body }) => {
    const { code } = error as { code?: unknown };
    if (code === 'slack_bolt_authorization_error') {
      // No installation for this workspace: nobody to answer with, nothing to apologise for.
      logger.warn({ code }, 'slack request from a workspace without an installation');
      return;
    }
    const appError = asAppError(originalOf(error));
    if (appError.reportable) {
      logger.error({ code: appError.code, err: appError.cause ?? appError }, 'slack turn failed');
    } else {
      logger.info({ code: appError.code }, 'slack turn refused');
    }
    const target = targetOfBody(body);
    const token = context.botToken;
    if (!target || !token) return;
    const undelivered = (failure: unknown) => {
      const code = (failure as { code?: string }).code ?? 'unknown';
      logger.warn({ code }, 'slack apology not delivered');
    };
    // Rendered like any reply: a message may quote what someone typed.
    const text = markdownToMrkdwn(appError.userMessage);
    await postMessage(clientFor(token), target, { text }).catch(undelivered);
  };
}

/** Bolt's `app.error` (with `extendedErrorHandler`) for errors thrown inside listeners. */
export function registerErrorBoundary(app: App, failure: SlackTurnFailure): void {
  app.error(failure as Parameters<App['error']>[0]);
}

/** Where the failed turn came from, read from the raw body: the listener may not have got far. */
function targetOfBody(body: unknown): ReplyTarget | null {
  const message = MessageEventBodySchema.safeParse(body);
  if (message.success) return targetForMessage(message.data, '');
  const command = SlashCommandSchema.safeParse(body);
  if (command.success) return targetForCommand(command.data);
  const action = BlockActionsSchema.safeParse(body);
  if (action.success) return targetForAction(action.data);
  const view = ViewSubmissionSchema.safeParse(body);
  if (view.success) {
    try {
      return targetForView(decodeViewMetadata(view.data.view.private_metadata), view.data.user.id);
    } catch {
      return { channel: view.data.user.id };
    }
  }
  return null;
}
