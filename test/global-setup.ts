import type { TestProject } from 'vitest/node';
import { startEmbeddedServer } from '../src/store/embedded/embedded-server.js';

/**
 * One MongoDB for the whole run: the real server named by MONGODB_URI when set (so the same suites
 * prove the embedded server against MongoDB), otherwise one in-memory embedded server. Test files
 * get the URI through `inject('mongoUri')` and each works in its own database (test/helpers/test-db.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.MONGODB_URI;
  if (external) {
    project.provide('mongoUri', external);
    return () => Promise.resolve();
  }
  const server = await startEmbeddedServer();
  project.provide('mongoUri', server.uri);
  return () => server.close();
}
