import type { webApi } from '@slack/bolt';

const TTL_MS = 60 * 60 * 1000;
const MAX_ENTRIES = 5000;

/**
 * People's display names from `users.info`, cached for an hour per instance. Events carry only a
 * user id, and the core keeps the member's name current, so every turn type asks here for the
 * same name; a cache miss costs one call, a failure falls back to the payload's handle.
 */
export function createUserNames(now: () => number = Date.now) {
  const cache = new Map<string, { name: string; until: number }>();
  return async function userName(client: webApi.WebClient, userId: string, fallback = ''): Promise<string> {
    // Slack user ids are global (a Grid user keeps one id across workspaces), so the id is the key.
    const hit = cache.get(userId);
    if (hit && hit.until > now()) return hit.name;
    let name = fallback;
    try {
      const { user } = await client.users.info({ user: userId });
      name = user?.profile?.display_name || user?.real_name || user?.profile?.real_name || user?.name || fallback;
    } catch {
      // Missing users:read or a transient failure: the turn still runs, under the handle if known.
      return fallback;
    }
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(userId, { name, until: now() + TTL_MS });
    return name;
  };
}

export type UserNames = ReturnType<typeof createUserNames>;
