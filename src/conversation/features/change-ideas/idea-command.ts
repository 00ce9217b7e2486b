import { ValidationError } from '../../../errors.js';
import { requireValid } from '../../form-errors.js';
import { splitArgs } from '../../match-command.js';
import type { Command } from '../../registry.js';
import { card, form, plain, text } from '../../replies.js';
import { readEditArgs } from './idea-args.js';
import { ideaCard } from './idea-card.js';
import { ideaForm } from './idea-form.js';
import { checkIdeaChanges } from './idea-input.js';
import { findIdea } from './idea-library.js';
import { editIdea, retiredText, setRetired } from './save-idea.js';

const CURATE = 'add, edit or retire change ideas';

/** `idea <key> [edit …|retire|restore]`: one library entry. */
export const ideaCommand: Command = {
  words: ['idea'],
  roles: ['member'],
  usage: 'idea <key> [edit [title "<t>"] [aim <a>] [description "<d>"] | retire | restore]',
  example: 'idea pre-adm-checklist',
  summary: 'Show a change idea; coaches can edit or retire it.',
  async run(ctx, rest) {
    const [key, verb, ...more] = splitArgs(rest);
    if (!key)
      return [
        text('Which idea? Type `ideas` to see the library, then e.g. `idea pre-adm-checklist`.'),
      ];
    const groups = await ctx.store.groups.find({}).toArray();
    switch (verb?.toLowerCase()) {
      case undefined:
        return [card(ideaCard(ctx, await findIdea(ctx, key), groups))];
      case 'edit': {
        ctx.requireRole(['coach', 'admin'], CURATE);
        const idea = await findIdea(ctx, key);
        const changes = readEditArgs(more);
        if (Object.keys(changes).length === 0) return [form(ideaForm(groups, idea))];
        const after = await editIdea(
          ctx,
          idea.key,
          requireValid(checkIdeaChanges(changes), 'invalid_idea'),
        );
        return [text(`Saved *${plain(after.title)}* (\`${after.key}\`).`)];
      }
      case 'retire':
      case 'restore': {
        ctx.requireRole(['coach', 'admin'], CURATE);
        return [text(retiredText(await setRetired(ctx, key, verb.toLowerCase() === 'retire')))];
      }
      default:
        throw new ValidationError(
          'unknown_idea_verb',
          `I can \`edit\`, \`retire\` or \`restore\` an idea, e.g. \`idea ${plain(key)} retire\`. To see it: \`idea ${plain(key)}\`.`,
        );
    }
  },
};
