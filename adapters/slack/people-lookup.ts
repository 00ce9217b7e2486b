import type { webApi } from '@slack/bolt';
import type { Turn, TurnPerson } from '../../src/conversation/turn.js';

/** At most this many look-ups per turn: a pasted list of fifty mentions is not a people change. */
const MAX_LOOKUPS = 10;
const MENTION = /<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>/g;
/** A users_select / multi_users_select value: comma-separated Slack user ids. */
const USER_ID = /^[UW][A-Z0-9]{6,}$/;

type SlackUser = { id?: string; name?: string; real_name?: string; is_bot?: boolean; deleted?: boolean; profile?: { display_name?: string; real_name?: string; email?: string } };

function personOf(user: SlackUser | undefined, said: string): TurnPerson | null {
  if (!user?.id || user.is_bot || user.deleted) return null;
  const name = user.profile?.display_name || user.real_name || user.profile?.real_name || user.name || user.id;
  const email = user.profile?.email?.toLowerCase();
  return { id: user.id, name, ...(email ? { email } : {}), said: [said.toLowerCase()] };
}

/**
 * The people a turn names by Slack user id — @mentions and people picked in a form's user picker —
 * looked up with users.info, so the core can add someone who has never written to the bot. Only
 * translation: which of them the command wants, and whether to add them, is the core's decision. A
 * look-up that fails (no users:read scope, a deleted user) is left out, and the core answers that it
 * does not know the person.
 */
export async function slackPeople(client: webApi.WebClient, turn: Turn): Promise<TurnPerson[]> {
  const ids = new Set([...(turn.text ?? '').matchAll(MENTION)].map((m) => m[1]!));
  for (const value of Object.values(turn.action?.values ?? {})) {
    for (const token of value.split(',').map((t) => t.trim())) if (USER_ID.test(token)) ids.add(token);
  }
  const lookups = [...ids].slice(0, MAX_LOOKUPS).map((id) => client.users.info({ user: id }).then((r) => personOf(r.user as SlackUser, id), () => null));
  return (await Promise.all(lookups)).filter((p): p is TurnPerson => p !== null);
}

/**
 * The turn with the people it names, and a way to look a work e-mail up (users.lookupByEmail, scope
 * users:read.email) that the core uses only for a command naming colleagues — so nothing else anyone
 * types is ever sent back to Slack.
 */
export async function withSlackPeople(client: webApi.WebClient, turn: Turn): Promise<Turn> {
  const people = await slackPeople(client, turn);
  const lookupEmail = (email: string) =>
    client.users.lookupByEmail({ email }).then((r) => personOf(r.user as SlackUser, email), () => null);
  return { ...turn, ...(people.length > 0 ? { people } : {}), lookupEmail };
}
