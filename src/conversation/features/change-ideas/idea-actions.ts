import type { FormValues } from '../../../../cards/model.js';
import type { TurnContext } from '../../context.js';
import { formErrors, withInlineErrors } from '../../form-errors.js';
import type { ActionHandler } from '../../registry.js';
import { card, form, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { ideaCard } from './idea-card.js';
import { ideaForm } from './idea-form.js';
import { checkIdeaInput } from './idea-input.js';
import { findIdea } from './idea-library.js';
import { addIdea, editIdea, retiredText, setRetired } from './save-idea.js';

async function saveFromForm(
  ctx: TurnContext,
  key: string | undefined,
  values: FormValues,
): Promise<Reply[]> {
  ctx.requireRole(['coach', 'admin'], 'add or edit change ideas');
  const groups = await ctx.store.groups.find({}).toArray();
  const existing = key ? await findIdea(ctx, key) : undefined;
  const again = () => ideaForm(groups, existing, values);
  const checked = checkIdeaInput(values);
  if (checked.errors) return [formErrors(checked.errors, again())];
  return withInlineErrors(again, async () => {
    const saved = existing
      ? await editIdea(ctx, existing.key, checked.data)
      : await addIdea(ctx, checked.data);
    return [card(ideaCard(ctx, saved, groups))];
  });
}

const key = (data: Record<string, unknown>) => String(data.key ?? '');

/** The idea form again, filled with what was submitted, to show a refusal beside its field. */
async function ideaFormAgain(ctx: TurnContext, data: Record<string, unknown>, values: FormValues) {
  ctx.requireRole(['coach', 'admin'], 'add or edit change ideas');
  const existing = typeof data.key === 'string' ? await findIdea(ctx, data.key) : undefined;
  return ideaForm(await ctx.store.groups.find({}).toArray(), existing, values);
}

/** Buttons on an idea card, and the idea form's submission. */
export const ideaActions: ActionHandler[] = [
  {
    verb: 'ideas.save',
    form: ideaFormAgain,
    run: (ctx, data, values) =>
      saveFromForm(ctx, typeof data.key === 'string' ? data.key : undefined, values),
  },
  {
    verb: 'ideas.edit',
    async run(ctx, data) {
      ctx.requireRole(['coach', 'admin'], 'edit change ideas');
      return [
        form(ideaForm(await ctx.store.groups.find({}).toArray(), await findIdea(ctx, key(data)))),
      ];
    },
  },
  {
    verb: 'ideas.retire',
    run: async (ctx, data) => [text(retiredText(await setRetired(ctx, key(data), true)))],
  },
  {
    verb: 'ideas.restore',
    run: async (ctx, data) => [text(retiredText(await setRetired(ctx, key(data), false)))],
  },
];
