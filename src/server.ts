import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import type { Config } from './config.js';
import { StartupError } from './errors.js';
import { registerLegalPages } from './legal-pages.js';
import type { Logger } from './log.js';
import { bearerMatches, registry } from './metrics/metrics.js';
import { bindToCurrentContext, requestIdFrom, withRequestId } from './request-context.js';
import { VERSION } from './version.js';

/** Registers one adapter's routes on the shared server (Slack, Teams, web chat). */
export type RouteRegistrar = (server: Server) => void;

export interface ServerDeps {
  logger: Logger;
  store: { mode: 'mongodb' | 'embedded'; ping(): Promise<boolean> };
  routes?: RouteRegistrar[];
}

export interface PacebotServer {
  server: Server;
  /** Listens (port 0 = any free port) and resolves with the bound address. */
  start(port?: number, host?: string): Promise<{ host: string; port: number; url: string }>;
  /** Stops accepting, lets in-flight requests finish for up to `graceMs`, then closes what is left. */
  close(graceMs?: number): Promise<void>;
  /** Whether start-up is complete, for /readyz (false until the app says so, and again while stopping). */
  setStarted(done: boolean): void;
}

/** Builds the restify server and its routes; does not listen. */
export function createServer(config: Config, deps: ServerDeps): PacebotServer {
  const server = restify.createServer({ name: 'pacebot', version: VERSION, handleUncaughtExceptions: false });
  server.pre(restify.plugins.pre.sanitizePath());
  // One id per request, on every log line it causes and on the response, for finding a turn's lines.
  server.pre((req, res, next) => {
    const requestId = requestIdFrom(req.headers['x-request-id'], () => req.getId());
    res.header('x-request-id', requestId);
    withRequestId(requestId, () => {
      bindToCurrentContext(req);
      next();
    });
  });

  let started = false;
  // Liveness: the process answers. Never touches the store, so a database outage does not get the
  // container restarted (that would not bring the database back).
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok', store: deps.store.mode, version: VERSION });
    next();
  });
  // Readiness: start-up finished (indexes created, scheduler ready) and the store answers a ping now.
  server.get('/readyz', async (_req, res) => {
    const reachable = started && (await deps.store.ping());
    const status = !started ? 'starting' : reachable ? 'ok' : 'store_unreachable';
    res.send(reachable ? 200 : 503, { status, store: deps.store.mode, version: VERSION });
  });

  // Prometheus scrape, only when METRICS_TOKEN is set (otherwise restify answers 404).
  if (config.METRICS_TOKEN) {
    const token = config.METRICS_TOKEN;
    server.get('/metrics', async (req, res) => {
      if (!bearerMatches(req.headers.authorization, token)) {
        res.send(401, { code: 'unauthorized', message: 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>' });
        return;
      }
      const body = await registry.metrics();
      res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
      res.end(body);
    });
  }

  registerLegalPages(server);
  for (const register of deps.routes ?? []) register(server);

  // One boundary for errors thrown by route handlers: log once, answer without internals.
  server.on('restifyError', (req, _res, error, next) => {
    if ((error.statusCode ?? 500) >= 500) deps.logger.error({ err: error, path: req.path() }, 'request failed');
    error.toJSON = () => ({ code: error.code ?? 'internal_error', message: (error.statusCode ?? 500) >= 500 ? 'Internal error' : error.message });
    next();
  });

  return {
    server,
    start(port = config.PORT, host = config.HOST) {
      return new Promise((resolve, reject) => {
        // restify re-emits the http server's 'error' on itself; with no listener there, a taken port
        // would be an uncaught exception (a stack trace) instead of this rejection.
        const failed = (error: Error) => reject(new StartupError('listen', error));
        server.once('error', failed);
        server.listen(port, host, () => {
          server.removeListener('error', failed);
          const address = server.server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({ host: address.address, port: address.port, url: `http://${shownHost}:${address.port}` });
        });
      });
    },
    setStarted(done) {
      started = done;
    },
    close(graceMs = config.SHUTDOWN_GRACE_MS) {
      return new Promise((resolve) => {
        if (!server.server.listening) return resolve();
        const timer = setTimeout(() => server.server.closeAllConnections(), graceMs);
        timer.unref();
        server.server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.server.closeIdleConnections();
      });
    },
  };
}
