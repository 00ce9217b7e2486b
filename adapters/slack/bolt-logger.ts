import { LogLevel } from '@slack/bolt';
import type { Logger as BoltLogger } from '@slack/logger';
import type { Logger } from '../../src/log.js';

/**
 * Bolt's logger interface over our pino logger, so Bolt's own lines land in the same JSON stream.
 * The level stays pino's (set from LOG_LEVEL); Bolt's setLevel is ignored. Bolt logs at debug
 * several times per request, on the way to the ack; below the level nothing is even joined.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack' });
  const line = (msg: unknown[]) =>
    msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' ');
  return {
    debug: (...msg) => {
      if (child.isLevelEnabled('debug')) child.debug(line(msg));
    },
    info: (...msg) => child.info(line(msg)),
    warn: (...msg) => child.warn(line(msg)),
    error: (...msg) => child.error(line(msg)),
    setLevel: () => {},
    getLevel: () => (child.isLevelEnabled('debug') ? LogLevel.DEBUG : LogLevel.INFO),
    setName: () => {},
  };
}
