import { requireValid } from '../../form-errors.js';
import type { Feature } from '../../registry.js';
import { plain, text } from '../../replies.js';
import { ideaActions } from './idea-actions.js';
import { readAddArgs } from './idea-args.js';
import { ideaCommand } from './idea-command.js';
import { ideaForm } from './idea-form.js';
import { checkIdeaInput } from './idea-input.js';
import { ideasCommand } from './ideas-command.js';
import { addIdea } from './save-idea.js';

/** The change-idea library: members browse it and pick from it; coaches and admins curate it. */
export const changeIdeasFeature: Feature = {
  commands: [
    ideasCommand,
    // What the domain calls them; help lists it once, under `ideas` (same usage).
    { ...ideasCommand, words: ['change', 'ideas'] },
    {
      words: ['idea', 'add'],
      roles: ['coach'],
      usage: 'idea add "<title>" [aim <aim>] "<description>"',
      example:
        'idea add "Pre-hearing checklist" aim 2 "A checklist the worker runs through before each hearing"',
      summary: 'Add a change idea to the library (no text: opens a form).',
      async run(ctx, rest) {
        ctx.requireRole(['coach', 'admin'], 'add change ideas');
        if (!rest.trim())
          return [{ kind: 'form', card: ideaForm(await ctx.store.groups.find({}).toArray()) }];
        const idea = await addIdea(
          ctx,
          requireValid(checkIdeaInput(readAddArgs(rest)), 'invalid_idea'),
        );
        return [
          text(
            `Added *${plain(idea.title)}* to the library (\`${idea.key}\`). Members can pick it in \`pdsa new\`.`,
          ),
        ];
      },
    },
    ideaCommand,
  ],
  actions: ideaActions,
};
