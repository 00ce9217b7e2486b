import type { Activity } from 'botbuilder';
import restify from 'restify';
import type { AppParts } from '../../src/app.js';
import type { Logger } from '../../src/log.js';
import { ackDuration } from '../../src/metrics/metrics.js';
import type { RouteRegistrar } from '../../src/server.js';
import { createEventClaim } from '../../src/store/processed-events.js';
import { teamsConversationRefs } from './conversation-refs.js';
import { createTeamsAdapter, type TeamsAdapterOptions } from './create-teams-adapter.js';
import { withLibraryConsole } from './library-console.js';
import { createTeamsBot } from './teams-bot.js';
import type { AuthenticatedRequest, TeamsCloudAdapter } from './teams-cloud-adapter.js';
import { authRefusal } from './auth-refusal.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';
/** Teams activities are small; a card submit is a few kB. Anything far larger is not from Teams. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface TeamsRouteOptions extends TeamsAdapterOptions {
  /** Share one adapter with proactive sends; default: a new one from config. */
  adapter?: TeamsCloudAdapter;
}

/**
 * `POST /api/messages`: restify's body parser on this route only, then the Bot Framework JWT check,
 * then the turn (TurnContext, invoke answers) in CloudAdapter. The route writes every HTTP answer
 * itself: a refused token gets a 401 with a fixed body and one log line, never the library's text
 * or a stack trace on stderr. With no MicrosoftAppId botbuilder would accept anyone, so the route
 * refuses every request unless TEAMS_ALLOW_ANONYMOUS=true says this is a local test.
 */
export function teamsRoute(parts: AppParts, options: TeamsRouteOptions = {}): RouteRegistrar {
  const { config, logger } = parts;
  const adapter = options.adapter ?? createTeamsAdapter(config, logger, options);
  const bot = createTeamsBot({
    conversation: parts.conversation,
    refs: teamsConversationRefs(parts.store.db),
    claim: createEventClaim(parts.store.db, 'teams'),
    turns: parts.turns,
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
        const started = performance.now();
        res.once('finish', () => ackDuration.observe({ platform: 'teams' }, (performance.now() - started) / 1000));
        if (refuse) {
          res.send(401, {
            code: 'unauthorized',
            message: 'Teams is not configured on this server (no MicrosoftAppId).',
          });
          return;
        }
        const activity = activityOf(req.body);
        if (!activity) {
          logger.info({ code: 'teams_bad_request' }, 'unreadable Teams request');
          res.send(400, { code: 'bad_request', message: 'Not a Bot Framework activity.' });
          return;
        }
        const header = req.headers.authorization ?? '';
        let auth: AuthenticatedRequest;
        try {
          auth = await withLibraryConsole(libraryLine(logger), () => adapter.authenticate(activity, header));
        } catch (error) {
          const refusal = authRefusal(error, header);
          if (refusal.status === 401) res.header('www-authenticate', 'Bearer');
          logger[refusal.level]({ code: refusal.code, reason: refusal.reason }, refusal.log);
          res.send(refusal.status, refusal.body);
          return;
        }
        try {
          const invoke = await adapter.runTurn(auth, activity, bot);
          res.send(invoke?.status ?? 200, invoke?.body);
        } catch (error) {
          // Turn errors go to the error boundary (onTurnError); this is botbuilder failing around it.
          logger.error({ code: 'teams_turn_setup_failed', err: error }, 'teams turn could not run');
          if (!res.headersSent) res.send(500, { code: 'internal_error', message: 'Internal error' });
        }
      },
    );
  };
}

/**
 * The parsed body as an activity, or null when it is not one: an object with a string `type`.
 * Timestamps become Dates as botbuilder's own request path does (activityValidator.ts), keeping the
 * raw strings beside them.
 */
function activityOf(body: unknown): Activity | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type === '') return null;
  for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const value = activity[field];
    if (typeof value !== 'string') continue;
    activity[`raw${field[0]!.toUpperCase()}${field.slice(1)}`] = value;
    activity[field] = new Date(value);
  }
  return activity as unknown as Activity;
}

/** What botframework-connector prints while checking a token: kept, one short line, at debug. */
function libraryLine(logger: Logger): (line: string) => void {
  return (line) => logger.debug({ code: 'teams_auth_detail' }, line);
}
