import { ValidationError } from '../errors.js';
import { addPerson } from '../programme/people/add-person.js';
import type { Member } from '../store/schemas/member.js';
import type { TurnContext } from './context.js';
import { plain } from './replies.js';

const EMAIL = /^[^\s@<>|]+@[^\s@<>|]+\.[^\s@<>|]+$/;

/** What was said, unwrapped: a Slack mention `<@U123|ana>`, a Slack mailto link, `@Ana`, or a name. */
export function personWords(said: string): { wanted: string; email?: string } {
  const trimmed = said.trim().replace(/^["“]|["”]$/g, '').trim();
  const mention = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/i.exec(trimmed);
  if (mention) return { wanted: mention[1]! };
  const mailto = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/i.exec(trimmed);
  const plainWords = (mailto?.[1] ?? trimmed).replace(/^@/, '').trim();
  return EMAIL.test(plainWords) ? { wanted: plainWords, email: plainWords.toLowerCase() } : { wanted: plainWords };
}

/** How to name someone the bot has never met, on this platform. */
function howToAdd(ctx: TurnContext, wanted: string): string {
  if (ctx.turn.platform === 'web') return `Add them first: \`person add "${plain(wanted)}"\`.`;
  if (ctx.turn.platform === 'slack') return 'Pick them with an @mention (or give their work e-mail) and I can add them.';
  return 'Pick them with an @mention and I can add them from the team or chat.';
}

/**
 * For role commands: a single word said is a first name, matched whole ("Cora" is Cora Coach); more
 * words must be the whole name, so "Ravi Shah" never picks "Ravi Shah as coach" by its start.
 */
function byFirstName(all: readonly Member[], lower: string): Member[] {
  if (/\s/.test(lower)) return [];
  return all.filter((m) => m.name.toLowerCase().split(/\s+/)[0] === lower);
}

/**
 * Turns how people name a colleague into a member: a mention, a platform user id, an e-mail, or the
 * display name (or a unique start of it; with `exactName`, the whole name or first name) of someone the bot knows. With `addIfNew`, someone the
 * adapter found on its platform (turn.people) but the bot has not met yet is added first — audited,
 * by the model — so a lead can be chosen before they have ever written to the bot.
 */
export async function resolvePerson(
  ctx: TurnContext,
  said: string,
  options: { addIfNew?: boolean; exactName?: boolean; /** Someone already here (to remove): no advice to add them. */ known?: boolean } = {},
): Promise<Member> {
  const { wanted, email } = personWords(said);
  if (!wanted) throw new ValidationError('no_person', 'Say who, e.g. `@Ana` or their name as the bot knows it.');
  const byId = await ctx.store.members.findOne({ userId: wanted });
  if (byId) return byId;
  if (email) {
    const byEmail = await ctx.store.members.findOne({ email });
    if (byEmail) return byEmail;
  }
  const all = email ? [] : await ctx.store.members.find({}).toArray();
  const lower = wanted.toLowerCase();
  const exact = all.filter((m) => m.name.toLowerCase() === lower);
  const matches = exact.length > 0 ? exact : options.exactName ? byFirstName(all, lower) : all.filter((m) => m.name.toLowerCase().startsWith(lower));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new ValidationError('ambiguous_person', `More than one person matches "${plain(wanted)}": ${matches.map((m) => plain(m.name)).join(', ')}. Use their full name or @mention them.`);
  }
  const found = (ctx.turn.people ?? []).filter((p) => p.id === wanted || p.said.includes(lower) || (email && p.email === email));
  if (found.length === 1 && options.addIfNew) {
    const person = found[0]!;
    return (await addPerson(ctx, { userId: person.id, name: person.name || wanted, ...(person.email ? { email: person.email } : {}) })).member;
  }
  if (found.length === 1) {
    throw new ValidationError('unknown_person', `${plain(found[0]!.name)} has not used the bot yet, so there is nothing of theirs to change.`);
  }
  const near = options.exactName ? all.filter((m) => m.name.toLowerCase().startsWith(lower)) : [];
  if (near.length > 0) {
    throw new ValidationError(
      'unknown_person',
      `No one is called exactly "${plain(wanted)}". Did you mean ${near.map((m) => `"${plain(m.name)}"`).join(' or ')}? Say their name in full.` +
        (options.known ? '' : ` If "${plain(wanted)}" is someone new: ${howToAdd(ctx, wanted)}`),
    );
  }
  if (options.known) throw new ValidationError('unknown_person', `No one here is called "${plain(wanted)}". \`people\` lists everyone.`);
  throw new ValidationError('unknown_person', `I don't know "${plain(wanted)}" yet. ${howToAdd(ctx, wanted)}`);
}
