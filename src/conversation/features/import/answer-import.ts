import { ObjectId } from 'mongodb';
import { applyImport, claimImport } from '../../../programme/imports/apply-import.js';
import { caseRefExampleOf } from '../../../programme/cases/case-ref-example.js';
import type { TurnContext } from '../../context.js';
import { card, plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { dropUpload } from './upload-cache.js';

export const ANSWERED =
  'That import was already confirmed or cancelled, or this preview was replaced by a newer one ' +
  '(after *Change columns*) or expired (after a day). Use the newest preview, or send the file again.';

const rowName = (row: number | string) => (typeof row === 'number' ? `row ${row}` : row);

/** Confirm: exactly one click applies the import; a stopped import is finished by the next click. */
export async function confirmImport(ctx: TurnContext, id: string): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'import a tracker');
  const claimed = await claimImport(ctx, id, ctx.turn.user.id);
  if (!claimed) return [text(ANSWERED)];
  dropUpload(id);
  const done = await applyImport(ctx, claimed);
  await ctx.store.recordAudit({
    actor: ctx.actor(),
    entity: 'programme',
    entityId: `import-${done.number}`,
    action: 'import',
    before: null,
    after: { cases: done.cases, newDates: done.newDates, changedDates: done.changedDates, refusedRows: done.refused.length },
    source: { platform: ctx.turn.platform, eventId: ctx.turn.eventId, file: claimed.fileName },
    at: ctx.now,
  });
  const refusedText = done.refused.length
    ? `\n${done.refused.length} row${done.refused.length === 1 ? ' was' : 's were'} not imported: ` +
      done.refused.slice(0, 10).map((e) => plain(rowName(e.row))).join(', ') +
      (done.refused.length > 10 ? '…' : '') + '.'
    : '';
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const updated = done.cases - done.newCases;
  const summary =
    `${plural(done.newCases, 'new case')}, ${plural(updated, 'case')} updated: ` +
    `${plural(done.newDates, 'date')} added, ${plural(done.changedDates, 'date')} changed.` +
    `${refusedText}\nTry \`chart accommodation to permanence recommendation\`, or \`case ${claimed.rows[0]?.caseRef ?? caseRefExampleOf(ctx.programme)}\`.` +
    `\nWrong file? \`import undo ${done.number}\` takes it back.`;
  return [card({ title: `Imported ${claimed.fileName}`, sections: [{ text: summary }] }, true)];
}

/** Cancel: the preview and its rows are gone; nothing about a case was ever changed. */
export async function cancelImport(ctx: TurnContext, id: string): Promise<Reply[]> {
  if (!ObjectId.isValid(id)) return [text(ANSWERED)];
  const closed = await ctx.store.imports.findOneAndUpdate(
    { _id: new ObjectId(id), userId: ctx.turn.user.id, status: 'preview' },
    { $set: { status: 'cancelled', rows: [] } },
  );
  if (!closed) return [text(ANSWERED)];
  dropUpload(id);
  return [card({ title: 'Import cancelled', sections: [{ text: 'Nothing was stored.' }] }, true)];
}
