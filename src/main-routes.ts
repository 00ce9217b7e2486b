import type { AppParts } from './app.js';
import type { RouteRegistrar } from './server.js';

/** The adapters served by `npm start`. Part of the composition root: the one place src/ imports adapters/. */
export async function adapterRoutes(_parts: AppParts): Promise<RouteRegistrar[]> {
  const routes: RouteRegistrar[] = [];
  return routes;
}
