import { keepCase } from '../../../programme/retention/keep-case.js';
import { ValidationError } from '../../../errors.js';
import type { TurnContext } from '../../context.js';
import { text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { parseLocalDate } from '../meetings/parse-local-date.js';
import { shortDate } from '../../../programme/local-date.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';

/** How to say it, with the area's own reference (one its pattern accepts). */
const usage = (ctx: TurnContext) =>
  `Say it like \`case ${milestoneSettings(ctx).caseRefExample} keep until 30 Jun 2027 because awaiting the court date\`.`;

/** `case C1042 keep until <date> because <reason>` (admins): extends retention, audited. */
export async function keepCaseCommand(ctx: TurnContext, caseRef: string, rest: string): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'keep a record past its retention date');
  const found = /^until\s+(.+?)\s+because\s+(.+)$/i.exec(rest.trim());
  if (!found) throw new ValidationError('bad_keep', usage(ctx));
  const timeZone = ctx.programme?.timeZone ?? 'Europe/London';
  const day = parseLocalDate(found[1]!, ctx.now, timeZone);
  if (!day) throw new ValidationError('bad_keep_date', `I couldn't read that date. ${usage(ctx)}`);
  const kept = await keepCase(ctx, caseRef, day.date, found[2]!);
  return [
    text(
      `${caseRef} will be kept until ${shortDate(kept.until)} (the retention rule said ${shortDate(kept.was)}). ` +
        'The reason is in the audit trail.',
    ),
  ];
}
