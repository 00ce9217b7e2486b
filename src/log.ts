import { pino, stdSerializers, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { currentRequestId } from './request-context.js';

export type { Logger };

// A duplicate-key error names the duplicate value: in `keyValue` (`keyPattern` names its fields),
// and in its message, as in `E11000 … dup key: { caseRef: "C1042" }`, which the stack's first line
// and the driver's `errorResponse.errmsg` repeat. On the cases collection that value is a case
// reference, and the redact paths cannot reach it: `err.keyValue.caseRef` is two levels down.
// A bulk write's error also holds each failed write whole (`writeErrors[].op`: a case with its dates).
const DUPLICATE_VALUE_FIELDS = new Set(['keyValue', 'keyPattern', 'op']);
const DUP_KEY_TO_END = /dup key:[\s\S]*/;
const DUP_KEY_TO_LINE_END = /dup key:.*/g;
const DUP_KEY_REDACTED = 'dup key: [redacted]';
/** Nesting followed below an error (errorResponse, aggregateErrors, writeErrors): errors are shallow. */
const MAX_DEPTH = 6;

/**
 * A copy without the duplicate value: its fields dropped, each text cut at "dup key:" (a stack only
 * to the end of that line, so its frames and a cause's stay).
 */
function withoutDuplicateValue(value: unknown, key: string, depth: number): unknown {
  if (typeof value === 'string') {
    const cut = key === 'stack' ? DUP_KEY_TO_LINE_END : DUP_KEY_TO_END;
    return value.replace(cut, DUP_KEY_REDACTED);
  }
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value;
  // Read as JSON.stringify would write it (a driver WriteError, a Date), so only the value changes.
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return withoutDuplicateValue(toJSON.call(value), key, depth + 1);
  if (Array.isArray(value)) return value.map((item) => withoutDuplicateValue(item, key, depth + 1));
  const copy: Record<string, unknown> = {};
  // for…in as pino's own serializer reads an error: its own and inherited enumerable fields.
  for (const field in value) {
    if (DUPLICATE_VALUE_FIELDS.has(field)) continue;
    copy[field] = withoutDuplicateValue((value as Record<string, unknown>)[field], field, depth + 1);
  }
  return copy;
}

/** pino's standard `err` serialisation (type, message, stack with causes, every field), less the duplicate value. */
export function serializeError(err: unknown): unknown {
  const standard = stdSerializers.err(err as Error);
  if (standard === err) return err;
  return withoutDuplicateValue(withoutUserMessages(standard as Record<string, unknown>, err), 'err', 0);
}

/** An error we wrote for a person (AppError: it carries a `userMessage`), as its log names it. */
const ownErrorName = (error: { code?: unknown }) => `[${String(error.code ?? 'app_error')}]`;

/**
 * Our own errors (AppError, with a `userMessage`) are written for the person who typed, and may
 * name their child ("Someone changed C1042 …"): logged, by a job or the server, by type and code
 * only, with the stack's frames. Each one in the cause chain too, and a message over several lines
 * whole (pino writes a cause's message into the stack as "caused by: …").
 */
function withoutUserMessages(serialized: Record<string, unknown>, original: unknown): Record<string, unknown> {
  const own: { message: string; name: string }[] = [];
  for (let at: unknown = original, depth = 0; at instanceof Error && depth < MAX_DEPTH; at = at.cause, depth++) {
    if (typeof (at as { userMessage?: unknown }).userMessage === 'string') own.push({ message: at.message, name: ownErrorName(at as { code?: unknown }) });
  }
  if (own.length === 0) return serialized;
  const scrub = (text: string) => own.reduce((out, { message, name }) => (message ? out.split(message).join(name) : out), text);
  const { userMessage: _dropped, ...rest } = serialized;
  const scrubbed: Record<string, unknown> = { ...rest };
  for (const key of ['message', 'stack'] as const) if (typeof rest[key] === 'string') scrubbed[key] = scrub(rest[key] as string);
  return scrubbed;
}

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
    serializers: { err: serializeError },
    hooks: {
      // A lone error (`logger.error(err)`) has its message written as the line's `msg` too, where no
      // serializer reaches: it is logged as `{ err }` with the message as serialized.
      logMethod(args, method) {
        const [first] = args;
        if (args.length !== 1 || !(first instanceof Error)) return method.apply(this, args);
        const own = typeof (first as { userMessage?: unknown }).userMessage === 'string';
        return method.call(this, { err: first }, own ? ownErrorName(first as { code?: unknown }) : first.message.replace(DUP_KEY_TO_END, DUP_KEY_REDACTED));
      },
    },
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
