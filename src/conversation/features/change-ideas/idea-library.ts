import { NotFoundError } from '../../../errors.js';
import type { ChangeIdea } from '../../../store/schemas/change-idea.js';
import type { TurnContext } from '../../context.js';
import { seedChangeIdeas } from '../../../programme/change-ideas/seed-change-ideas.js';
import { plain } from '../../replies.js';

/** The library as members see it: seeded on first read, retired entries hidden, by aim then title. */
export async function activeIdeas(
  ctx: TurnContext,
  filter: { aim?: string } = {},
): Promise<ChangeIdea[]> {
  await seedChangeIdeas(ctx.store, ctx.now);
  const ideas = await ctx.store.changeIdeas
    .find({ retired: false, ...(filter.aim ? { aim: filter.aim } : {}) })
    .toArray();
  return sortIdeas(ideas);
}

/** Stage aims in order, then ideas for all aims, then groups' own; by title within an aim. */
export function sortIdeas(ideas: ChangeIdea[]): ChangeIdea[] {
  const rank = (aim: string) => (aim.startsWith('aim-') ? aim : aim === 'all' ? 'b' : `c${aim}`);
  return [...ideas].sort(
    (a, b) => rank(a.aim).localeCompare(rank(b.aim)) || a.title.localeCompare(b.title),
  );
}

/** Finds an entry by key, or by its exact title; the error says how to see the keys. */
export async function findIdea(ctx: TurnContext, said: string): Promise<ChangeIdea> {
  await seedChangeIdeas(ctx.store, ctx.now);
  const wanted = said.trim();
  const byKey = await ctx.store.changeIdeas.findOne({ key: wanted.toLowerCase() });
  if (byKey) return byKey;
  const all = await ctx.store.changeIdeas.find({}).toArray();
  const byTitle = all.find((idea) => idea.title.toLowerCase() === wanted.toLowerCase());
  if (byTitle) return byTitle;
  throw new NotFoundError(
    `There is no change idea "${plain(wanted)}". Type \`ideas\` to see the library with each idea's key.`,
    'unknown_idea',
  );
}
