import { ValidationError } from '../errors.js';
import type { Member } from '../store/schemas/member.js';
import type { TurnContext } from './context.js';
import { plain } from './replies.js';

/**
 * Turns how people name a colleague into a member: a Slack mention `<@U123|ana>` or `<@U123>`, a
 * platform user id, or the display name (or a unique start of it) of someone who has used the bot.
 */
export async function resolvePerson(ctx: TurnContext, said: string): Promise<Member> {
  const mention = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/i.exec(said.trim());
  const wanted = (mention?.[1] ?? said).trim().replace(/^@/, '');
  if (!wanted) throw new ValidationError('no_person', 'Say who, e.g. `@Ana` or their name as the bot knows it.');
  const byId = await ctx.store.members.findOne({ userId: wanted });
  if (byId) return byId;
  const all = await ctx.store.members.find({}).toArray();
  const lower = wanted.toLowerCase();
  const exact = all.filter((m) => m.name.toLowerCase() === lower);
  const matches = exact.length > 0 ? exact : all.filter((m) => m.name.toLowerCase().startsWith(lower));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new ValidationError('ambiguous_person', `More than one person matches "${plain(wanted)}": ${matches.map((m) => plain(m.name)).join(', ')}. Use their full name or @mention them.`);
  }
  throw new ValidationError(
    'unknown_person',
    `I don't know "${plain(wanted)}" yet. They need to say hello to the bot once (any message), then try again.`,
  );
}
