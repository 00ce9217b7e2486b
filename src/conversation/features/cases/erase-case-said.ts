import { isCaseReference } from '../../../domain/case-reference.js';
import { freeCaseRefExample } from '../../../programme/cases/case-ref-example.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import type { TurnContext } from '../../context.js';
import { text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { askAdminsSentence } from '../../ask-admins.js';
import { caseCommand } from './case-command.js';

/**
 * `erase case C1042` and `erase C1042`: said the way `erase programme` is, they ask first exactly as
 * `case C1042 erase` does. They used to be read as a milestone for C1042 ("I couldn't tell which
 * milestone you mean"), which left an admin erasing a child's record with no way forward.
 */
export async function eraseCaseSaid(ctx: TurnContext, rest: string): Promise<Reply[]> {
  // "erase c1042." as typed on a phone: the full stop is not part of the reference.
  const token = rest.trim().replace(/^case\s+/i, '').replace(/[.?!]+$/, '').trim();
  if (token && !/\s/.test(token) && isCaseReference(token, milestoneSettings(ctx).pattern)) {
    return caseCommand(ctx, `${token} erase`);
  }
  // Erasing is an admin's: anyone else is told whom to ask, not a command that will refuse them.
  if (!ctx.isAdmin) {
    return [
      text(
        `Only an admin can erase a child's record. ${await askAdminsSentence(ctx.store)} ` +
          'To take back a date you recorded: `undo`.',
      ),
    ];
  }
  const example = await freeCaseRefExample(ctx.store, ctx.programme);
  return [
    text(
      `To erase one child's record, say \`case ${example} erase\` with their reference (it asks first). ` +
        'To take back a date you recorded: `undo`. ' +
        'To erase everything this workspace holds, for an area leaving pacebot: `erase programme`.',
    ),
  ];
}
