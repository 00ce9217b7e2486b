import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import type { Config } from './config.js';
import { registerLegalPages } from './legal-pages.js';
import type { Logger } from './log.js';
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
}

/** Builds the restify server and its routes; does not listen. */
export function createServer(config: Config, deps: ServerDeps): PacebotServer {
  const server = restify.createServer({ name: 'pacebot', version: VERSION, handleUncaughtExceptions: false });
  server.pre(restify.plugins.pre.sanitizePath());

  server.get('/healthz', async (_req, res) => {
    const reachable = await deps.store.ping();
    res.send(reachable ? 200 : 503, { status: reachable ? 'ok' : 'store_unreachable', store: deps.store.mode, version: VERSION });
  });

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
        server.server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({ host: address.address, port: address.port, url: `http://${shownHost}:${address.port}` });
        });
      });
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
