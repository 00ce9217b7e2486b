import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';

const require = createRequire(import.meta.url);
let chrono: typeof Chrono | undefined;

/**
 * chrono-node's UK English parser ("yesterday", "14/1", "3 Dec 2026 10:00"), loaded on first use.
 * Importing chrono costs about a fifth of a second of CPU, which every start-up paid before
 * `/healthz` could answer (issue 14, bench/RESULTS.md); its callers are synchronous, so it is
 * required (its CommonJS build) rather than imported. main.ts warms it up after listening.
 */
export function ukDates(): typeof Chrono.en.GB {
  chrono ??= require('chrono-node') as typeof Chrono;
  return chrono.en.GB;
}
