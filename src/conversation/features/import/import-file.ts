import { ValidationError } from '../../../errors.js';
import { type ImportPreview, previewImport, type TrackerFile } from '../../../programme/imports/preview-import.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { MAX_TRACKER_BYTES } from '../../../programme/tracker/tracker-limits.js';
import type { ColumnMapping } from '../../../programme/tracker/tracker-types.js';
import type { TurnContext } from '../../context.js';
import { card, plain, text } from '../../replies.js';
import type { Reply, TurnFile } from '../../turn.js';
import { previewCard } from './preview-card.js';
import { keepUpload } from './upload-cache.js';

const TRACKER_NAME = /\.(xlsx|csv)$/i;

const HOW_BY_PLATFORM = {
  web: 'Choose it with *Import a tracker* under the message box.',
  slack: 'Drop it into this chat, or attach it to a message that says `import`.',
  teams: 'Attach it to a message in our personal chat.',
} as const;

/** How to send a tracker, in the words of the surface the person is on. */
export function howToImport(platform: keyof typeof HOW_BY_PLATFORM): string {
  return (
    `Send your tracker as an Excel \`.xlsx\` or a \`.csv\` file. ${HOW_BY_PLATFORM[platform]} ` +
    'I show what I would import, and store nothing until you confirm.'
  );
}

/** The mapping this admin chose last time for a file of the same name: next month's tracker reads alike. */
async function rememberedMapping(ctx: TurnContext, fileName: string): Promise<ColumnMapping | undefined> {
  const last = await ctx.store.imports.findOne(
    { userId: ctx.turn.user.id, fileName, mapping: { $exists: true } },
    { sort: { number: -1 }, projection: { mapping: 1 } },
  );
  return last?.mapping;
}

/** Reads the file and shows the preview; the upload stays in memory briefly for re-mapping. */
export async function previewFile(
  ctx: TurnContext,
  name: string,
  data: Buffer,
  mapping?: ColumnMapping,
): Promise<Reply[]> {
  const chosen = mapping ?? (await rememberedMapping(ctx, name));
  const preview = await previewImport(ctx, { name, data }, ctx.turn.user.id, chosen);
  return previewReplies(ctx, preview, { name, data });
}

/** The preview's card; the upload stays in memory briefly, under this preview, for re-mapping. */
export function previewReplies(ctx: TurnContext, preview: ImportPreview, file: TrackerFile): Reply[] {
  keepUpload(preview.imp._id.toHexString(), file.name, file.data);
  return [card(previewCard(preview, milestoneSettings(ctx).catalogue))];
}

/**
 * A message with files: the first tracker-like file is previewed for an admin. Anyone else is told
 * who can import, and the file is never downloaded. Files that are not trackers are left to others
 * when the message says something else.
 */
export async function importFiles(
  ctx: TurnContext,
  files: TurnFile[],
  said: string,
): Promise<Reply[] | null> {
  const tracker = files.find((f) => TRACKER_NAME.test(f.name));
  const asked = /^import\b/i.test(said);
  if (!tracker) {
    if (!asked && said) return null;
    const old = files.some((f) => /\.xls$/i.test(f.name))
      ? 'That is an old-style .xls workbook: open it in Excel and use Save As → Excel Workbook (.xlsx). '
      : 'I can import an Excel tracker (.xlsx) or a .csv file. ';
    return [text(old + howToImport(ctx.turn.platform))];
  }
  ctx.requireRole(['admin'], 'import a tracker');
  if (tracker.size !== undefined && tracker.size > MAX_TRACKER_BYTES) {
    throw new ValidationError(
      'file_too_large',
      `${plain(tracker.name)} is larger than ${MAX_TRACKER_BYTES / 1024 / 1024} MB. Save only the tracker ` +
        'sheet as a .csv or split it, then send it again.',
    );
  }
  const data = await tracker.read();
  return previewFile(ctx, tracker.name, data);
}
