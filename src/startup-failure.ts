import { StartupError } from './errors.js';
import type { Config } from './config.js';
import { redactUri } from './store/open-store.js';

type Facts = Pick<Config, 'PORT' | 'HOST' | 'MONGODB_URI' | 'MONGODB_DB' | 'DATA_DIR'>;

interface ErrorFacts {
  name: string;
  message: string;
  code?: string | number;
}

/**
 * One line for stderr saying what stopped start-up and how to fix it: a taken port, an unreachable or
 * refusing MongoDB, a data directory that cannot be written. No stack trace: an operator reads this in
 * `docker logs` or a systemd journal, and the fix is in the configuration, not the code.
 */
export function explainStartupFailure(error: unknown, config: Facts): string {
  const cause = error instanceof StartupError ? error.cause : error;
  const facts = factsOf(cause);
  let reason: string | undefined;
  if (error instanceof StartupError && error.phase === 'listen') reason = listenFailure(facts, config);
  else if (error instanceof StartupError && error.phase === 'store') {
    reason = config.MONGODB_URI ? mongoFailure(facts, config) : dataDirFailure(facts, config);
  }
  return `pacebot cannot start: ${oneLine(reason ?? facts.message)}`;
}

function listenFailure({ code }: ErrorFacts, { PORT, HOST }: Facts): string | undefined {
  switch (code) {
    case 'EADDRINUSE':
      return `port ${PORT} on ${HOST} is already in use by another process — stop that process, or set PORT to a free port (e.g. PORT=${PORT === 65535 ? 3978 : PORT + 1})`;
    case 'EACCES':
      return `not allowed to listen on port ${PORT} (ports below 1024 need privileges) — set PORT=3978 and let the reverse proxy listen on 80/443`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST=${HOST} is not an address of this machine — set HOST=127.0.0.1 (this machine only) or HOST=0.0.0.0 (all interfaces, e.g. in a container)`;
    default:
      return undefined;
  }
}

function mongoFailure(facts: ErrorFacts, config: Facts): string {
  const where = `MongoDB at ${redactUri(config.MONGODB_URI ?? '')}`;
  if (facts.name === 'MongoParseError' || facts.name === 'MongoAPIError') {
    return `MONGODB_URI is not a usable connection string (${facts.message}) — e.g. MONGODB_URI=mongodb://localhost:27017`;
  }
  if (facts.code === 18 || /authentication failed/i.test(facts.message)) {
    return `${where} refused the user name or password in MONGODB_URI — check the credentials (and authSource= if the user is defined in another database)`;
  }
  if (facts.code === 13 || /not authorized/i.test(facts.message)) {
    return `the MongoDB user in MONGODB_URI is not allowed to create indexes in database ${config.MONGODB_DB} (${facts.message}) — grant it the readWrite role on ${config.MONGODB_DB}`;
  }
  if (/^Mongo(ServerSelection|Network|NetworkTimeout|Topology\w*)Error$/.test(facts.name)) {
    return `cannot reach ${where} (${facts.message}) — check MONGODB_URI, that the server is running, and that this machine may connect to it (firewall, Atlas IP access list)`;
  }
  return `${where} failed during start-up (${facts.message}) — check MONGODB_URI and the server's logs`;
}

function dataDirFailure(facts: ErrorFacts, { DATA_DIR }: Facts): string | undefined {
  switch (facts.code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `DATA_DIR=${DATA_DIR} cannot be written (${facts.code}${uid()}) — make it writable by this user, or set DATA_DIR to a directory that is`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `DATA_DIR=${DATA_DIR} is not a directory (${facts.code}) — set DATA_DIR to a directory, or remove the file in its way`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk holding DATA_DIR=${DATA_DIR} is full (${facts.code}) — free some space, or set DATA_DIR to another disk`;
    default:
      break;
  }
  if (/is in use by process|already open in this process/.test(facts.message)) {
    return `${facts.message} — stop the other pacebot first, or set DATA_DIR to another directory`;
  }
  return undefined;
}

function factsOf(error: unknown): ErrorFacts {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code } = error as { code?: unknown };
  return { name: error.name, message: error.message, code: typeof code === 'string' || typeof code === 'number' ? code : undefined };
}

function uid(): string {
  return typeof process.getuid === 'function' ? `, running as uid ${process.getuid()}` : '';
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
