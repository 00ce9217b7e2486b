import { parseArgs } from 'node:util';
import { startEmbeddedServer } from './embedded-server.js';

/**
 * Runs a persistent embedded server on its own, for debugging and for the crash test:
 *   tsx src/store/embedded/run-embedded.ts --data-dir ./data/embedded [--port 27017] [--compact-bytes N]
 * Prints one JSON line `{"uri": ...}` on stdout once it accepts connections.
 */
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    'compact-bytes': { type: 'string' },
  },
});

const dataDir = values['data-dir'];
if (!dataDir) {
  process.stderr.write('usage: run-embedded --data-dir DIR [--port N] [--compact-bytes N]\n');
  process.exit(2);
}
const compactBytes = values['compact-bytes'];
const server = await startEmbeddedServer({
  dataDir,
  port: Number(values.port),
  ...(compactBytes ? { compactAfterBytes: Number(compactBytes) } : {}),
});
process.stdout.write(`${JSON.stringify({ uri: server.uri, port: server.port })}\n`);

const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
