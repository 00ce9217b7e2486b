import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { currentRequestId } from './request-context.js';

export type { Logger };

/**
 * Structured JSON logs, or pino-pretty's readable lines when stdout is a terminal (`npm start` in a
 * shell); containers and process managers pipe stdout, so they get JSON. Every line logged while a
 * request or turn is handled carries its `requestId` (src/request-context.ts).
 * Message text and case references are personal data about children, so they are only ever logged
 * at debug level; the redact list is a second line of defence for fields that slip in.
 */
export function createLogger(level: string, options: { pretty?: boolean; destination?: DestinationStream } = {}): Logger {
  const settings: LoggerOptions = {
    level,
    base: { service: 'pacebot' },
    mixin() {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    redact: {
      paths: ['text', '*.text', 'caseRef', '*.caseRef', 'caseRefs', '*.caseRefs', 'values', '*.values', 'token', '*.token'],
      censor: '[redacted]',
    },
  };
  if (options.destination) return pino(settings, options.destination);
  const pretty = options.pretty ?? Boolean(process.stdout.isTTY);
  if (!pretty || level === 'silent') return pino(settings);
  return pino({
    ...settings,
    transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' } },
  });
}
