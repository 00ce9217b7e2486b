import { teamsRoute } from '../adapters/teams/teams-route.js';
import { createSlackAdapter } from '../adapters/slack/create-slack-adapter.js';
import { webChatRoutes } from '../adapters/web/routes.js';
import type { AppParts } from './app.js';
import type { RouteRegistrar } from './server.js';

/** The adapters served by `npm start`. Part of the composition root: the one place src/ imports adapters/. */
export async function adapterRoutes(parts: AppParts): Promise<RouteRegistrar[]> {
  const routes: RouteRegistrar[] = [];
  if (parts.config.SLACK_SIGNING_SECRET) routes.push(createSlackAdapter(parts).register);
  routes.push(teamsRoute(parts));
  if (parts.config.webChatEnabled) routes.push(webChatRoutes(parts));
  return routes;
}
