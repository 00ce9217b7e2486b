import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Message text and case references are personal data about children, so they are
 * only ever logged at debug level; the redact list is a second line of defence for fields that slip in.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'pacebot' },
    redact: {
      paths: ['text', '*.text', 'caseRef', '*.caseRef', 'caseRefs', '*.caseRefs', 'values', '*.values', 'token', '*.token'],
      censor: '[redacted]',
    },
  });
}
