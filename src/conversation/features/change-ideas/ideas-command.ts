import type { Command } from '../../registry.js';
import { plain, text } from '../../replies.js';
import { aimHeading, parseAim } from './aims.js';
import { activeIdeas, sortIdeas } from './idea-library.js';
import { ideaListText } from './idea-list.js';
import { seedChangeIdeas } from '../../../programme/change-ideas/seed-change-ideas.js';

/** `ideas [aim|group|retired]`: the library, all of it or one aim's part. */
export const ideasCommand: Command = {
  words: ['ideas'],
  roles: ['member'],
  usage: 'ideas [aim <1-4>|<group>|retired]',
  example: 'ideas aim 2',
  summary: 'Browse the change-idea library.',
  async run(ctx, rest) {
    const groups = await ctx.store.groups.find({}).toArray();
    const said = rest.trim();
    if (said.toLowerCase() === 'retired') {
      await seedChangeIdeas(ctx.store, ctx.now);
      const retired = sortIdeas(await ctx.store.changeIdeas.find({ retired: true }).toArray());
      return [text(ideaListText(retired, groups, '*Retired change ideas*'))];
    }
    if (!said) return [text(ideaListText(await activeIdeas(ctx), groups))];
    const aim = parseAim(said, groups);
    return [
      text(
        ideaListText(
          await activeIdeas(ctx, { aim }),
          groups,
          `*Change ideas: ${plain(aimHeading(aim, groups))}*`,
        ),
      ),
    ];
  },
};
