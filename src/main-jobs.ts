import type { AppParts } from './app.js';
import type { JobDefinition } from './scheduler.js';

/** The scheduled jobs run by `npm start`. Part of the composition root: the one place src/ imports jobs/. */
export function jobDefinitions(_parts: AppParts): JobDefinition[] {
  return [];
}
