import type { webApi } from '@slack/bolt';

const TTL_MS = 60 * 60 * 1000;
/** After a failed lookup, wait this long before asking again rather than once per message. */
const FAILURE_TTL_MS = 5 * 60 * 1000;
const MAX_ENTRIES = 5000;

/**
 * People's display names from `users.info`, cached for an hour per instance. Events carry only a
 * user id, and the core keeps the member's name current, so every turn type asks here for the
 * same name; a cache miss costs one call, a failure falls back to the payload's handle.
 */
export function createUserNames(now: () => number = Date.now) {
  const cache = new Map<string, { name: string; until: number }>();
  const remember = (userId: string, name: string, ttl: number) => {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(userId, { name, until: now() + ttl });
  };
  return async function userName(
    client: webApi.WebClient,
    userId: string,
    fallback = '',
  ): Promise<string> {
    // Slack user ids are global (a Grid user keeps one id across workspaces), so the id is the key.
    const hit = cache.get(userId);
    if (hit && hit.until > now()) return hit.name || fallback;
    try {
      const { user } = await client.users.info({ user: userId });
      const profile = user?.profile;
      const name = profile?.display_name || user?.real_name || profile?.real_name || user?.name || '';
      remember(userId, name, TTL_MS);
      return name || fallback;
    } catch {
      // Missing users:read or a transient failure: the turn still runs, under the handle if known.
      remember(userId, '', FAILURE_TTL_MS);
      return fallback;
    }
  };
}

export type UserNames = ReturnType<typeof createUserNames>;
