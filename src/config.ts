import { z } from 'zod';
import { ConfigError } from './errors.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalText = z.string().trim().min(1).optional().catch(undefined);
const url = (example: string) =>
  z.url({ message: `must be an absolute http(s) URL, e.g. ${example}` }).optional();

/**
 * Every environment variable pacebot reads, with its default. One line per variable says why it exists;
 * `.env.example` repeats these lines for operators. No other module reads `process.env`.
 */
export const ConfigSchema = z.object({
  /** production switches off the local web chat unless WEB_CHAT_ENABLED=true. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** TCP port of the HTTP server (Slack events, Teams messages, health, local chat). */
  PORT: z.coerce.number({ message: 'must be a port number, e.g. 3978' }).int().min(0).max(65535).default(3978),
  /** Interface to bind; loopback by default so a laptop never exposes the local chat. */
  HOST: z.string().default('127.0.0.1'),
  /** pino level: fatal, error, warn, info, debug, trace, silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A real MongoDB (Atlas, replica set, local mongod). Unset: the embedded server under DATA_DIR. */
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, { message: 'must start with mongodb:// or mongodb+srv://, e.g. mongodb://localhost:27017' })
    .optional(),
  /** Database name inside MONGODB_URI (or the embedded server). */
  MONGODB_DB: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, { message: 'must be letters, digits, _ or -, e.g. pacebot' }).default('pacebot'),
  /** Where the embedded store keeps its files when MONGODB_URI is unset. */
  DATA_DIR: z.string().default('./data'),
  /** Public base URL of this service (Slack OAuth redirect, manifests), e.g. https://pacebot.example.org. */
  PUBLIC_URL: url('https://pacebot.example.org'),

  /** Slack app signing secret; enables POST /slack/events. */
  SLACK_SIGNING_SECRET: optionalText,
  /** Bot token (xoxb-…) for single-workspace mode. */
  SLACK_BOT_TOKEN: z.string().regex(/^xox[bp]-/, { message: 'must be a bot token starting xoxb-, e.g. xoxb-123-456-abc' }).optional(),
  /** OAuth client id for multi-workspace installs. */
  SLACK_CLIENT_ID: optionalText,
  /** OAuth client secret for multi-workspace installs. */
  SLACK_CLIENT_SECRET: optionalText,
  /** Secret that signs the OAuth state parameter. */
  SLACK_STATE_SECRET: optionalText,
  /** App-level token (xapp-…) to use Socket Mode instead of public HTTP. */
  SLACK_APP_TOKEN: z.string().regex(/^xapp-/, { message: 'must be an app token starting xapp-, e.g. xapp-1-A1-2-abc' }).optional(),
  /** Slack Web API base URL; tests point it at a loopback fake. */
  SLACK_API_URL: z.url({ message: 'must be a URL, e.g. https://slack.com/api/' }).default('https://slack.com/api/'),

  /** Azure Bot (Entra app) id. Empty: /api/messages refuses requests unless TEAMS_ALLOW_ANONYMOUS=true. */
  MicrosoftAppId: optionalText,
  /** Client secret of the Azure Bot's app registration. */
  MicrosoftAppPassword: optionalText,
  /** MultiTenant, SingleTenant or UserAssignedMSI. */
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  /** Tenant id for SingleTenant bots. */
  MicrosoftAppTenantId: optionalText,
  /** Local testing only: accept unauthenticated Teams activities (Bot Framework Emulator mode). */
  TEAMS_ALLOW_ANONYMOUS: bool,
  /** Bot Framework OpenID metadata for incoming JWTs; tests point it at a loopback fake. */
  BOTFRAMEWORK_OPENID_METADATA_URL: url('https://login.botframework.com/v1/.well-known/openidconfiguration'),
  /** Entra login URL used to get outbound tokens; tests point it at a loopback fake. */
  BOTFRAMEWORK_LOGIN_URL: url('https://login.microsoftonline.com'),

  /** Serve the local web chat at / (default: on unless NODE_ENV=production or platform credentials are set). */
  WEB_CHAT_ENABLED: z.enum(['true', 'false']).optional(),
  /** Run the scheduler (digests, prompts, reminders) in this process. */
  SCHEDULER_ENABLED: z.enum(['true', 'false']).default('true'),
  /** Digests keep their chart images for this many meetings; older ones keep their text only (issue 15). */
  DIGEST_CHARTS_KEPT_MEETINGS: z.coerce.number({ message: 'must be a whole number of meetings, e.g. 3' }).int().min(1).max(1000).default(3),
  /** How long SIGTERM waits for in-flight requests before closing, in milliseconds. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** Chat turns worked on at once by this instance, across all workspaces. */
  TURNS_RUNNING: z.coerce.number({ message: 'must be a whole number, e.g. 8' }).int().min(1).max(1000).default(8),
  /** Chat turns worked on at once for one workspace, so one busy workspace leaves room for the others. */
  TURNS_RUNNING_PER_WORKSPACE: z.coerce.number({ message: 'must be a whole number, e.g. 4' }).int().min(1).max(1000).default(4),
  /** Chat turns of one workspace that may wait for a place; beyond this people are told "busy, try again in a minute". */
  TURNS_WAITING_PER_WORKSPACE: z.coerce.number({ message: 'must be a whole number, e.g. 20' }).int().min(0).max(100_000).default(20),
  /** Chat turns that may wait across all workspaces; beyond this people are told "busy, try again in a minute". */
  TURNS_WAITING_TOTAL: z.coerce.number({ message: 'must be a whole number, e.g. 200' }).int().min(0).max(1_000_000).default(200),
  /** Chat turns of one person worked on at once, so one person whose calls hang cannot take all of a workspace's places. */
  TURNS_RUNNING_PER_PERSON: z.coerce.number({ message: 'must be a whole number, e.g. 2' }).int().min(1).max(1000).default(2),
  /** Chat turns of one person that may wait; beyond this only that person is told "busy, try again in a minute". */
  TURNS_WAITING_PER_PERSON: z.coerce.number({ message: 'must be a whole number, e.g. 5' }).int().min(0).max(100_000).default(5),
  /** Bearer token for GET /metrics (Prometheus). Unset: /metrics is off (404). */
  METRICS_TOKEN: z
    .string()
    .min(16, { message: 'must be at least 16 characters, e.g. the output of `openssl rand -hex 24`' })
    .optional(),

  /** Longest wait for one outbound API call (Slack Web API, Bot Connector) before it is cut off and tried again, in ms. */
  OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(50).max(120_000).default(10_000),
  /** The same for a file going up or down (chart and export uploads, tracker downloads), in ms. */
  OUTBOUND_TRANSFER_TIMEOUT_MS: z.coerce.number().int().min(50).max(300_000).default(30_000),
  /** Tries per outbound call, the first included; timeouts, 429 and 5xx answers are tried again. */
  OUTBOUND_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  /** First wait between tries, in ms; it doubles (with jitter) up to 5 s unless Retry-After says otherwise. */
  OUTBOUND_BACKOFF_MS: z.coerce.number().int().min(0).max(10_000).default(250),
  /** Longest Retry-After waited out, in ms; a longer one fails the call at once instead of holding a reply. */
  OUTBOUND_MAX_RETRY_AFTER_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
  /** Outbound calls in flight at once per Slack workspace (Teams calls carry no tenant: per conversation); more wait their turn. */
  OUTBOUND_WORKSPACE_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(16),
  /** Outbound calls in flight at once per conversation or person, inside the workspace's share. */
  OUTBOUND_CONVERSATION_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
});

export type RawConfig = z.infer<typeof ConfigSchema>;

export interface Config extends RawConfig {
  /** Derived: whether the local web chat is served. */
  webChatEnabled: boolean;
  /** Derived: which store is in use. */
  storeMode: 'mongodb' | 'embedded';
}

const EXAMPLES: Record<string, string> = {
  PORT: '3978',
  MONGODB_URI: 'mongodb://localhost:27017',
  LOG_LEVEL: 'info',
  NODE_ENV: 'production',
  MicrosoftAppType: 'MultiTenant',
  WEB_CHAT_ENABLED: 'true',
  SCHEDULER_ENABLED: 'true',
  TEAMS_ALLOW_ANONYMOUS: 'true',
};

/** Parses the environment once. Throws ConfigError with one line per problem (name, what is wrong, an example). */
export function loadConfig(env: Record<string, string | undefined>): Readonly<Config> {
  // Empty strings in .env files mean "unset", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const example = EXAMPLES[name];
      const hasExample = /e\.g\./.test(issue.message);
      return `${name}: ${issue.message}${!hasExample && example ? ` (e.g. ${name}=${example})` : ''}`;
    });
    throw new ConfigError(problems);
  }
  const raw = parsed.data;
  const problems = crossChecks(raw);
  if (problems.length > 0) throw new ConfigError(problems);
  const platformCredentials = Boolean(raw.SLACK_SIGNING_SECRET || raw.MicrosoftAppId);
  const webChatEnabled =
    raw.WEB_CHAT_ENABLED !== undefined
      ? raw.WEB_CHAT_ENABLED === 'true'
      : raw.NODE_ENV !== 'production' && !platformCredentials;
  return Object.freeze({ ...raw, webChatEnabled, storeMode: raw.MONGODB_URI ? 'mongodb' : 'embedded' });
}

/** Rules that span several variables. */
function crossChecks(raw: RawConfig): string[] {
  const problems: string[] = [];
  const oauth = [raw.SLACK_CLIENT_ID, raw.SLACK_CLIENT_SECRET, raw.SLACK_STATE_SECRET];
  if (oauth.some(Boolean) && !oauth.every(Boolean)) {
    problems.push(
      'SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: set all three for multi-workspace OAuth, or none (e.g. SLACK_STATE_SECRET=a-long-random-string)',
    );
  }
  if ((raw.SLACK_BOT_TOKEN || oauth.some(Boolean) || raw.SLACK_APP_TOKEN) && !raw.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET: is required when Slack is configured (find it under Basic Information → App Credentials)');
  }
  if (raw.MicrosoftAppId && !raw.MicrosoftAppPassword && raw.MicrosoftAppType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppPassword: is required with MicrosoftAppId (the client secret of the bot\'s app registration)');
  }
  if (raw.MicrosoftAppType === 'SingleTenant' && !raw.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId: is required when MicrosoftAppType=SingleTenant (e.g. MicrosoftAppTenantId=00000000-0000-0000-0000-000000000000)');
  }
  return problems;
}

/** Config for tests: defaults plus overrides, never touching process.env. */
export function testConfig(overrides: Record<string, string> = {}): Readonly<Config> {
  return loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', ...overrides });
}
