import type { CloudAdapter } from 'botbuilder';
import restify from 'restify';
import type { AppParts } from '../../src/app.js';
import type { RouteRegistrar } from '../../src/server.js';
import { createEventClaim } from '../../src/store/processed-events.js';
import { teamsConversationRefs } from './conversation-refs.js';
import { createTeamsAdapter, type TeamsAdapterOptions } from './create-teams-adapter.js';
import { createTeamsBot } from './teams-bot.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';
/** Teams activities are small; a card submit is a few kB. Anything far larger is not from Teams. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface TeamsRouteOptions extends TeamsAdapterOptions {
  /** Share one adapter with proactive sends; default: a new one from config. */
  adapter?: CloudAdapter;
}

/**
 * `POST /api/messages`: restify's body parser on this route only, then CloudAdapter (JWT check,
 * TurnContext, invoke answers). With no MicrosoftAppId botbuilder would accept anyone, so the
 * route refuses every request unless TEAMS_ALLOW_ANONYMOUS=true says this is a local test.
 */
export function teamsRoute(parts: AppParts, options: TeamsRouteOptions = {}): RouteRegistrar {
  const { config, logger } = parts;
  const adapter = options.adapter ?? createTeamsAdapter(config, logger, options);
  const bot = createTeamsBot({
    conversation: parts.conversation,
    refs: teamsConversationRefs(parts.store.db),
    claim: createEventClaim(parts.store.db, 'teams'),
  });
  const anonymous = !config.MicrosoftAppId;
  if (anonymous && config.TEAMS_ALLOW_ANONYMOUS) {
    logger.warn(
      { code: 'teams_anonymous' },
      'Teams endpoint accepts unauthenticated requests (TEAMS_ALLOW_ANONYMOUS=true, no MicrosoftAppId) — local testing only',
    );
  }
  const refuse = anonymous && !config.TEAMS_ALLOW_ANONYMOUS;

  return (server) => {
    server.post(
      TEAMS_MESSAGES_PATH,
      restify.plugins.bodyParser({
        maxBodySize: MAX_BODY_BYTES,
        mapParams: false,
        mapFiles: false,
      }),
      async (req: restify.Request, res: restify.Response) => {
        if (refuse) {
          res.send(401, {
            code: 'unauthorized',
            message: 'Teams is not configured on this server (no MicrosoftAppId).',
          });
          return;
        }
        try {
          await adapter.process(req, res, bot);
        } catch (error) {
          // process() throws only before a turn starts, on a body that is JSON but not an activity.
          logger.info({ code: 'teams_bad_request', err: error }, 'unreadable Teams request');
          if (!res.headersSent)
            res.send(400, { code: 'bad_request', message: 'Not a Bot Framework activity.' });
        }
      },
    );
  };
}
