import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's root, where `npm run build` writes dist/. */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * Runs `npm run build`, for benchmarks that time the compiled app as the container runs it
 * (`node dist/src/main.js`). BENCH_BUILD=emit-only: time what tsc emitted even though the tree does
 * not typecheck yet (others' changes in progress); the emitted JavaScript is the same, only the exit
 * status differs.
 */
export function buildDist(): void {
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0 && process.env.BENCH_BUILD !== 'emit-only') {
    throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  }
}
