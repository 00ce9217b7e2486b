import { AppError, NotFoundError, UpstreamError } from '../../src/errors.js';

/** Slack's answers that mean the conversation or person is out of the bot's reach, not a hiccup. */
const GONE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'user_not_found',
  'user_disabled',
  'account_inactive',
  'cannot_dm_bot',
  'invalid_auth',
  'token_revoked',
]);

/**
 * A Web API failure as an AppError a job can record: the bot removed from a channel (or the app
 * uninstalled) becomes a NotFoundError that says what to do; anything else an UpstreamError.
 * Web API errors are HTTP 200 with `ok: false` (platforms.md §1.5); the client throws them with
 * `data.error`.
 */
export function slackFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { data?: { error?: string } }).data?.error;
  if (code && GONE.has(code)) {
    return new NotFoundError(
      `pacebot cannot post there any more (Slack says ${code}). Invite it back, or reinstall it.`,
      `slack_${code}`,
    );
  }
  if (code) {
    return new UpstreamError(`slack_${code}`, `Slack refused the message (${code}).`, error);
  }
  return new UpstreamError('slack_unreachable', 'Slack could not be reached.', error);
}
