import { DateTime } from 'luxon';
import { claimImportUndo, previewImportUndo, undoImport } from '../../../programme/imports/undo-import.js';
import { describePeriod } from '../../../programme/measures/month-words.js';
import type { TurnContext } from '../../context.js';
import { mayNameChildren } from '../../may-name-children.js';
import { ASK_IN_DIRECT_MESSAGE } from '../../channel-privacy.js';
import { card, plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { KEEP_IMPORT, UNDO_IMPORT } from './import-verbs.js';

/** A long list of references is cut: a phone shows the first few and says how many more. */
const SHOW_REFS = 10;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function refList(refs: readonly string[]): string {
  const shown = refs.slice(0, SHOW_REFS).join(', ');
  return refs.length > SHOW_REFS ? `${shown} and ${refs.length - SHOW_REFS} more` : shown;
}

/** "3", "#3", "import 3": the import's number, or null. */
function importNumber(said: string): number | null {
  const match = /^(?:import\s+)?#?(\d{1,6})$/i.exec(said.trim());
  return match ? Number(match[1]) : null;
}

/** The imports that could be taken back, newest first, for `import undo` said without a number. */
async function undoableImports(ctx: TurnContext): Promise<string> {
  const applied = await ctx.store.imports
    .find({ status: 'applied' }, { sort: { number: -1 }, limit: 5, projection: { number: 1, fileName: 1, appliedAt: 1 } })
    .toArray();
  if (applied.length === 0) {
    const undone = await ctx.store.imports.countDocuments({ status: 'undone' });
    return undone > 0 ? 'No import is left to undo: each confirmed import has been taken back already.' : 'There is no import to undo: none has been confirmed yet.';
  }
  const zone = ctx.programme?.timeZone ?? 'Europe/London';
  const day = (at: Date) => describePeriod(DateTime.fromJSDate(at, { zone }).toISODate()!);
  const lines = applied.map((i) => `- #${i.number} ${plain(i.fileName)}${i.appliedAt ? `, ${day(i.appliedAt)}` : ''}`);
  return ['Which import? Say its number, e.g. `import undo ' + applied[0]!.number + '`:', ...lines].join('\n');
}

/** Why import #N cannot be taken back, from what became of it. */
async function whyNotUndoable(ctx: TurnContext, number: number): Promise<string> {
  const imp = await ctx.store.imports.findOne({ number }, { projection: { status: 1, expiresAt: 1 } });
  if (!imp) return `There is no import #${number}.`;
  if (imp.status === 'undone') return `Import #${number} was already undone.`;
  if (imp.status === 'undoing') return `Import #${number} is being undone now.`;
  if (imp.status === 'cancelled') return `Import #${number} was cancelled at its preview, so it changed nothing.`;
  if (imp.status === 'preview' && imp.expiresAt > ctx.now) return `Import #${number} is a preview not yet confirmed: Confirm or Cancel on its card.`;
  if (imp.status === 'preview') return `Import #${number} was never confirmed, so it changed nothing.`;
  return `Import #${number} is being applied now: try again in a minute.`;
}

/**
 * `import undo <number>`: what taking an import back would do, with a button to do it. Dates go
 * back for every case still as the import left it; cases changed since are named and left alone.
 */
export async function importUndoCommand(ctx: TurnContext, rest: string): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'undo an import');
  // It names and counts the children an import touched: for a direct message only.
  if (!mayNameChildren(ctx.turn)) return [text(ASK_IN_DIRECT_MESSAGE)];
  if (!rest.trim()) return [text(await undoableImports(ctx))];
  const number = importNumber(rest);
  if (number === null) return [text(`Say the import's number, e.g. \`import undo 3\`. \`import undo\` lists them.`)];
  const preview = await previewImportUndo(ctx.store, number);
  // Which ones can be, there and then: a cancelled preview uses up its number, so an area's first
  // confirmed import can be #2, and `import undo 1` said only "no confirmed import" (a try-out).
  if (!preview) return [text(`${await whyNotUndoable(ctx, number)}\n${await undoableImports(ctx)}`)];
  const { imp, asLeft, started, changedSince } = preview;
  // Cases that were held before the import go back to their dates; those it started have none to
  // go back to. Said apart, in short sentences: one long parenthesis was hard going on a phone, and
  // "goes back to the dates it had" read wrongly for a case the import started (a try-out, a review).
  const before = asLeft - started;
  const back =
    asLeft === 0
      ? 'No case is still as this import left it, so there are no dates to take back.'
      : [
          before > 0
            ? `${plural(before, 'case')} ${before === 1 ? 'goes' : 'go'} back to the dates ${before === 1 ? 'it' : 'they'} had before it.`
            : '',
          started > 0
            ? `${plural(started, 'case')} this import started ${started === 1 ? 'loses its dates and leaves' : 'lose their dates and leave'} every list. ` +
              `${started === 1 ? 'Its reference stays' : 'Their references stay'} until erased (\`case <case> erase\`).`
            : '',
        ]
          .filter(Boolean)
          .join(' ');
  const since = changedSince.length
    ? `\n${plural(changedSince.length, 'case')} changed since ${changedSince.length === 1 ? 'is' : 'are'} left as ${changedSince.length === 1 ? 'it is' : 'they are'}: ${refList(changedSince)}.`
    : '';
  // Only where the file had a team column: otherwise the import set none.
  const teams = imp.columns.some((c) => c.kind === 'team') ? '\nTeams the import set stay as they are.' : '';
  return [
    card({
      title: `Undo import #${imp.number}, ${imp.fileName}?`,
      sections: [{ text: `${back}${since}${teams}` }],
      buttons:
        asLeft === 0
          ? []
          : [
              { id: 'undo-import', label: `Undo import #${imp.number}`, style: 'danger', action: { verb: UNDO_IMPORT, data: { number: imp.number } } },
              // A question with a danger button has a way to say no, as every other asks.
              { id: 'keep-import', label: 'Keep it', action: { verb: KEEP_IMPORT, data: { number: imp.number } } },
            ],
    }),
  ];
}

/** The card's button: exactly one click takes the import back; a stopped undo is finished by the next. */
export async function confirmImportUndo(ctx: TurnContext, data: Record<string, unknown>): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'undo an import');
  // A number, or its digits where a platform carried the button's data as text.
  const said = data.number;
  const number = typeof said === 'number' ? said : typeof said === 'string' && /^\d{1,6}$/.test(said) ? Number(said) : Number.NaN;
  if (!Number.isInteger(number) || number < 1) return [text('That button has expired. `import undo` lists the imports that can be taken back.')];
  const claimed = await claimImportUndo(ctx, number);
  if (!claimed) {
    const held = await ctx.store.imports.findOne({ number }, { projection: { status: 1 } });
    const why =
      held?.status === 'undone'
        ? `Import #${number} was already undone.`
        : held?.status === 'undoing'
          ? `Import #${number} is being undone now.`
          : `There is no confirmed import #${number} to undo.`;
    return [text(`${why} \`case <case> history\` shows what happened to a case.`)];
  }
  const { reverted } = await undoImport(ctx, claimed);
  return [
    card(
      {
        title: `Import #${claimed.number} undone`,
        sections: [{ text: `${plural(reverted, 'case')} went back to the dates ${reverted === 1 ? 'it' : 'they'} had before ${plain(claimed.fileName)}.` }],
      },
      true,
    ),
  ];
}
