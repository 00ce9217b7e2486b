import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import type { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/**
 * Runs `fn` (and everything it starts: awaits, timers, the driver's callbacks) with this request id.
 * The logger's mixin (src/log.ts) adds it to every line logged meanwhile, by the adapter, the core or
 * the error boundary alike, so one turn's lines can be found together.
 */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** A proxy's X-Request-Id when it looks like one (so its access log and ours match), else a new uuid. */
export function requestIdFrom(header: string | string[] | undefined, fallback: () => string = randomUUID): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : fallback();
}

/**
 * Makes `emitter`'s listeners run in the current context. A request's body arrives in 'data' and 'end'
 * events emitted from the socket's context, not the one the request id was set in; without this, the
 * body parser's callback, and the route handler after it, would log without the id.
 */
export function bindToCurrentContext(emitter: EventEmitter): void {
  const resource = new AsyncResource('pacebot.request');
  const emit = emitter.emit;
  emitter.emit = function boundEmit(this: EventEmitter, ...args: Parameters<EventEmitter['emit']>) {
    return resource.runInAsyncScope(emit, this, ...args);
  };
}
