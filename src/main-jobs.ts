import { createSlackNotifier } from '../adapters/slack/slack-notifier.js';
import { createTeamsAdapter } from '../adapters/teams/create-teams-adapter.js';
import { createTeamsNotifier } from '../adapters/teams/proactive.js';
import { createWebNotifier } from '../adapters/web/web-notifier.js';
import { registerJobs } from '../jobs/register.js';
import { createDigestWorkerPool } from './digest/digest-worker-pool.js';
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
  const teamsAdapter = createTeamsAdapter(config, logger, { repeatSends: false });
  const slack = config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID;
  const notifiers: Partial<Record<Platform, Notifier>> = {
    teams: createTeamsNotifier(teamsAdapter, config.MicrosoftAppId ?? '', store.db),
    ...(slack && { slack: createSlackNotifier(config, store.db) }),
    // The local chat's channels get digests and prompts through the same delivery records.
    ...(config.webChatEnabled && { web: createWebNotifier(store.db) }),
  };
  // Digests are composed in a child process of lower priority with its own connection, so a
  // planning run over every area never stalls the acks this process sends (issue 15). A store
  // handed in without its connection string (some tests) composes them here instead.
  const worker = store.uri ? createDigestWorkerPool({ mongoUri: store.uri, dbName: store.db.databaseName }) : null;
  const clock = parts.conversation.clock;
  const digests = { chartsKeptMeetings: config.DIGEST_CHARTS_KEPT_MEETINGS, ...(worker && { composeDigest: worker.compose }) };
  return registerJobs({ db: store.db, logger, clock, notifiers, ...digests });
}
