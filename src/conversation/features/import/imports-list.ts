import { DateTime } from 'luxon';
import type { TrackerImport } from '../../../store/schemas/tracker-import.js';
import { describePeriod } from '../../../programme/measures/month-words.js';
import type { TurnContext } from '../../context.js';
import { mayNameChildren } from '../../may-name-children.js';
import { ASK_IN_DIRECT_MESSAGE } from '../../channel-privacy.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { howToImport } from './import-file.js';

/** The newest imports listed; older ones are in the export's Audit sheet. */
const SHOWN = 10;

type Listed = Pick<TrackerImport, 'number' | 'fileName' | 'status' | 'actor' | 'createdAt' | 'expiresAt' | 'appliedAt' | 'undoneAt'>;

/** What became of one import, in words: a preview uses up its number whether or not it is confirmed. */
function fate(imp: Listed, now: Date, day: (at: Date) => string): string {
  switch (imp.status) {
    case 'preview':
      return imp.expiresAt > now ? `a preview waiting for Confirm or Cancel, ${day(imp.createdAt)}` : `a preview never confirmed, ${day(imp.createdAt)}`;
    case 'cancelled':
      return `cancelled at its preview, ${day(imp.createdAt)}`;
    case 'applying':
      return 'being applied now';
    case 'applied':
      return `confirmed ${day(imp.appliedAt ?? imp.createdAt)}`;
    case 'undoing':
      return 'being undone now';
    case 'undone':
      return `confirmed ${day(imp.appliedAt ?? imp.createdAt)}, undone ${day(imp.undoneAt ?? imp.createdAt)}`;
  }
}

/**
 * `imports`: the area's tracker imports, newest first, each with what became of it. A cancelled
 * preview uses up its number, and an admin whose first confirmed import was #2 could not see why
 * (a try-out). File names only, never a row: still for a direct message, as `import undo` is.
 */
export async function importsList(ctx: TurnContext): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'list the tracker imports');
  if (!mayNameChildren(ctx.turn)) return [text(ASK_IN_DIRECT_MESSAGE)];
  const projection = { number: 1, fileName: 1, status: 1, actor: 1, createdAt: 1, expiresAt: 1, appliedAt: 1, undoneAt: 1 };
  const [imports, total] = await Promise.all([
    ctx.store.imports.find({}, { sort: { number: -1 }, limit: SHOWN, projection }).toArray(),
    ctx.store.imports.countDocuments({}),
  ]);
  if (imports.length === 0) return [text(`No tracker has been imported yet. ${howToImport(ctx.turn.platform)}`)];
  const zone = ctx.programme?.timeZone ?? 'Europe/London';
  const day = (at: Date) => describePeriod(DateTime.fromJSDate(at, { zone }).toISODate()!);
  const lines = imports.map((imp) => `- #${imp.number} ${plain(imp.fileName)}: ${fate(imp, ctx.now, day)}, ${plain(imp.actor.name)}`);
  const more = total > imports.length ? `\n…and ${total - imports.length} older: the export's Audit sheet has every one.` : '';
  return [text([`*Imports* (${total}), newest first:`, ...lines].join('\n') + more + '\n`import undo <number>` takes a confirmed one back.')];
}
