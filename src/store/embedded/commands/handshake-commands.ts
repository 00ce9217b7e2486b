import type { Document } from 'bson';
import type { CommandContext } from './command-context.js';

/** The MongoDB release the server claims to be; wire version 21 is MongoDB 7.0. */
export const SERVER_VERSION = '7.0.0';
const MAX_WIRE_VERSION = 21;
const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
export const MAX_MESSAGE_SIZE = 48_000_000;

/**
 * `hello` / `isMaster`: a standalone, writable server. No `setName` (not a replica set) and no
 * `topologyVersion`, so the driver polls instead of streaming heartbeats. Announcing
 * `logicalSessionTimeoutMinutes` lets the driver use implicit sessions; we accept and ignore `lsid`.
 */
export function helloCommand(ctx: CommandContext): Document {
  const legacy = !('hello' in ctx.body);
  return {
    ...(ctx.body.helloOk === true ? { helloOk: true } : {}),
    ...(legacy ? { ismaster: true } : { isWritablePrimary: true }),
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ok: 1,
  };
}

export function pingCommand(): Document {
  return { ok: 1 };
}

export function buildInfoCommand(): Document {
  return {
    version: SERVER_VERSION,
    gitVersion: 'pacebot-embedded',
    versionArray: [7, 0, 0, 0],
    bits: 64,
    debug: false,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    storageEngines: ['pacebot-embedded'],
    modules: [],
    javascriptEngine: 'none',
    ok: 1,
  };
}

export function hostInfoCommand(): Document {
  return {
    system: { currentTime: new Date(), hostname: '127.0.0.1', cpuArch: process.arch },
    os: { type: process.platform },
    extra: {},
    ok: 1,
  };
}

/** `getParameter`: only the feature compatibility version, which some tools ask for. */
export function getParameterCommand(ctx: CommandContext): Document {
  const all = ctx.body.getParameter === '*';
  return {
    ...(all || 'featureCompatibilityVersion' in ctx.body
      ? { featureCompatibilityVersion: { version: '7.0' } }
      : {}),
    ok: 1,
  };
}

/** Session bookkeeping commands: a standalone embedded server keeps no session state. */
export function sessionsCommand(): Document {
  return { ok: 1 };
}

export function connectionStatusCommand(): Document {
  return { authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 };
}
