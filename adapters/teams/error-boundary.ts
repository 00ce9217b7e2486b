import type { TurnContext } from 'botbuilder';
import { markdownToPlainText } from '../../cards/markdown-subset.js';
import { asAppError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import { invokeMessage } from './invoke-response.js';
import { markdownToTeams } from './markdown-to-teams.js';

/**
 * The one error boundary for Teams turns (replaces botbuilder's default `onTurnError`, which tells
 * users to "fix the source code"). Logs once with the code; the user sees an AppError's userMessage
 * or a generic apology, never internals. A card action gets its apology as the invoke's answer,
 * because an invoke left unanswered shows the user a bare error.
 */
export function teamsErrorBoundary(
  logger: Logger,
): (ctx: TurnContext, error: Error) => Promise<void> {
  return async (ctx, error) => {
    const appError = asAppError(error);
    const where = {
      code: appError.code,
      activityType: ctx.activity.type,
      workspaceId: ctx.activity.conversation?.tenantId,
    };
    if (appError.reportable) logger.error({ ...where, err: error }, 'teams turn failed');
    else logger.info(where, 'teams turn refused');
    try {
      await ctx.sendActivity(
        ctx.activity.type === 'invoke'
          ? invokeMessage(markdownToPlainText(appError.userMessage))
          : { type: 'message', text: markdownToTeams(appError.userMessage), textFormat: 'markdown' },
      );
    } catch (sendError) {
      logger.warn(
        { code: 'teams_apology_failed', err: sendError },
        'could not tell the user about the failure',
      );
    }
  };
}
