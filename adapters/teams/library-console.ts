import { AsyncLocalStorage } from 'node:async_hooks';

type Sink = (line: string) => void;
const METHODS = ['error', 'warn', 'info', 'log', 'debug'] as const;

const scope = new AsyncLocalStorage<Sink>();
let installed = false;

/**
 * Runs `fn` with anything a library writes to `console` meanwhile sent to `sink` instead of stderr.
 * botframework-connector's JWT check prints a stack trace to stderr for every refused token
 * (jwtTokenExtractor.js `console.error(err)`), so anyone on the internet could grow the logs with
 * unsigned requests. Only calls made inside `fn` (and what it awaits) are redirected; the rest of
 * the process keeps its console.
 */
export function withLibraryConsole<T>(sink: Sink, fn: () => Promise<T>): Promise<T> {
  install();
  return scope.run(sink, fn);
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const method of METHODS) {
    const original = console[method];
    console[method] = function scopedConsole(this: Console, ...args: unknown[]) {
      const sink = scope.getStore();
      if (sink) sink(firstLine(args));
      else original.apply(this, args);
    };
  }
}

/** A short summary: an error's name and message, never its stack or the objects beside it. */
function firstLine(args: unknown[]): string {
  const [first] = args;
  const text = first instanceof Error ? `${first.name}: ${first.message}` : String(first);
  return text.split('\n', 1)[0]!.slice(0, 200);
}
