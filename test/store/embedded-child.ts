import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../../src/store/embedded/run-embedded.ts', import.meta.url));

export interface EmbeddedChild {
  uri: string;
  process: ChildProcess;
  /** Resolves with the signal or code once the process has exited. */
  exited: Promise<unknown>;
}

/** Starts `run-embedded.ts` in its own Node process and waits for its `{"uri": ...}` line. */
export async function spawnEmbedded(
  dataDir: string,
  extraArgs: string[] = [],
): Promise<EmbeddedChild> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', ENTRY, '--data-dir', dataDir, ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = once(child, 'exit');
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const lines = createInterface({ input: child.stdout! });
  const ready = new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { uri: string }).uri));
    void exited.then(() =>
      reject(new Error(`embedded server exited before it was ready: ${stderr}`)),
    );
  });
  return { uri: await ready, process: child, exited };
}
