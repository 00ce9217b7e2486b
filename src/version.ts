import { readFileSync } from 'node:fs';

/**
 * The package version, read once; shown by /healthz and at start-up. package.json is one level up
 * from src/ when run with tsx, two from dist/src/ when compiled (`npm run start:prod`).
 */
export const VERSION: string = readVersion();

function readVersion(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const { name, version } = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (name === 'pacebot' && version) return version;
    } catch {
      // not here; try one level further up
    }
  }
  return 'unknown';
}
