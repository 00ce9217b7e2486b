import type { Card, CardButton } from '../../../../cards/model.js';
import type { ChangeIdea } from '../../../store/schemas/change-idea.js';
import type { Group } from '../../../store/schemas/group.js';
import type { TurnContext } from '../../context.js';
import { aimHeading } from './aims.js';
import { plain } from '../../replies.js';

/** One library entry; coaches and admins also get Edit and Retire (or Restore). */
export function ideaCard(ctx: TurnContext, idea: ChangeIdea, groups: Group[]): Card {
  const data = { key: idea.key };
  const buttons: CardButton[] = idea.retired
    ? []
    : [
        {
          id: 'test',
          label: 'Test this idea',
          style: 'primary',
          action: { verb: 'pdsa.new', data: { idea: idea.key } },
        },
      ];
  if (ctx.isCoach || ctx.isAdmin) {
    buttons.push({ id: 'edit', label: 'Edit', action: { verb: 'ideas.edit', data } });
    buttons.push(
      idea.retired
        ? { id: 'restore', label: 'Restore', action: { verb: 'ideas.restore', data } }
        : {
            id: 'retire',
            label: 'Retire',
            style: 'danger',
            action: { verb: 'ideas.retire', data },
          },
    );
  }
  return {
    title: idea.title,
    subtitle: aimHeading(idea.aim, groups),
    sections: idea.description ? [{ text: plain(idea.description) }] : [],
    facts: [
      { label: 'Key', value: plain(idea.key) },
      {
        label: 'From',
        value:
          idea.source === 'programme'
            ? 'programme library'
            : `added by ${plain(idea.createdBy?.name ?? 'a coach')}`,
      },
      ...(idea.retired ? [{ label: 'Status', value: 'retired' }] : []),
    ],
    buttons,
  };
}
