import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

export interface RunningMain {
  child: ChildProcess;
  /** http://127.0.0.1:PORT */
  url: string;
  /** The embedded store's loopback URI, as the start-up lines print it. */
  mongoUri: string;
}

/**
 * Starts `src/main.ts` as `npm start` does, on the embedded store in `dataDir` (no MONGODB_URI),
 * and waits for the lines that say where it listens and where its store is.
 */
export async function startMain(dataDir: string, env: Record<string, string> = {}): Promise<RunningMain> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, SCHEDULER_ENABLED: 'false', ...env };
  delete childEnv.MONGODB_URI;
  const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', MAIN], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  let url = '';
  let mongoUri = '';
  await new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      url ||= /listening on (http:\S+)/.exec(line)?.[1] ?? '';
      mongoUri ||= /(mongodb:\/\/[^\s)]+)/.exec(line)?.[1] ?? '';
      if (url && mongoUri) resolve();
    });
    child.once('exit', () => reject(new Error(`server exited before listening: ${stderr}`)));
  });
  return { child, url, mongoUri };
}

/** Sends one local-chat turn as the demo admin (or `as`) and returns the replies' HTML. */
export async function webTurn(url: string, body: Record<string, unknown>, as = 'demo-admin'): Promise<string> {
  const response = await fetch(`${url}/web/turn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ as, ...body }),
  });
  if (!response.ok) throw new Error(`status ${response.status}`);
  const { replies } = (await response.json()) as { replies: { html: string }[] };
  return replies.map((r) => r.html).join('\n');
}

/** The action of the button with this label in rendered HTML. */
export function buttonAction(html: string, label: string): Record<string, unknown> {
  const found = new RegExp(`data-action="([^"]+)"[^>]*>${label}<`).exec(html)?.[1];
  if (!found) throw new Error(`no ${label} button in: ${html.slice(0, 300)}`);
  return JSON.parse(found.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
}
