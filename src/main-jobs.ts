import { createSlackNotifier } from '../adapters/slack/slack-notifier.js';
import { createTeamsAdapter } from '../adapters/teams/create-teams-adapter.js';
import { createTeamsNotifier } from '../adapters/teams/proactive.js';
import { registerJobs } from '../jobs/register.js';
import type { AppParts } from './app.js';
import type { Platform } from './conversation/turn.js';
import type { Notifier } from './notify.js';
import type { JobDefinition } from './scheduler.js';

/**
 * The scheduled jobs run by `npm start`, with a proactive notifier per configured platform. Part of
 * the composition root: the one place src/ imports jobs/.
 */
export function jobDefinitions(parts: AppParts): JobDefinition[] {
  const { config, logger, store } = parts;
  const teamsAdapter = createTeamsAdapter(config, logger);
  const slack = config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID;
  const notifiers: Partial<Record<Platform, Notifier>> = {
    teams: createTeamsNotifier(teamsAdapter, config.MicrosoftAppId ?? '', store.db),
    ...(slack && { slack: createSlackNotifier(config, store.db) }),
  };
  return registerJobs({ db: store.db, logger, clock: parts.conversation.clock, notifiers });
}
