import { ObjectId } from 'mongodb';
import type { Card, FormInput, FormValues } from '../../../../cards/model.js';
import { activeMilestones } from '../../../domain/milestone-catalogue.js';
import { addMilestone } from '../../../programme/cases/add-milestone.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { replacePreview } from '../../../programme/imports/preview-import.js';
import type { TrackerImport } from '../../../store/schemas/tracker-import.js';
import type { TurnContext } from '../../context.js';
import { card, form, plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { ANSWERED } from './answer-import.js';
import { previewReplies } from './import-file.js';
import { CANCEL_IMPORT, SAVE_REMAP } from './import-verbs.js';
import { keepUpload, takeUpload } from './upload-cache.js';

const IGNORE = 'ignore';

async function openPreview(ctx: TurnContext, id: string): Promise<TrackerImport | null> {
  if (!ObjectId.isValid(id)) return null;
  return ctx.store.imports.findOne({
    _id: new ObjectId(id),
    userId: ctx.turn.user.id,
    status: 'preview',
    expiresAt: { $gt: ctx.now },
  });
}

/** Columns an admin may re-map: milestones and ignored ones. Identifier columns are never offered. */
const mappable = (imp: TrackerImport) =>
  imp.columns.filter((c) => c.kind === 'milestone' || c.kind === 'ignored');

/** The form: one choice per column, its current meaning selected. */
export async function openRemap(ctx: TurnContext, id: string): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'import a tracker');
  const imp = await openPreview(ctx, id);
  if (!imp) return [text(ANSWERED)];
  const { catalogue } = milestoneSettings(ctx);
  const options = [
    { value: IGNORE, label: 'Ignore this column' },
    ...activeMilestones(catalogue).map((m) => ({ value: m.key, label: m.label })),
  ];
  const inputs: FormInput[] = mappable(imp).map((c, i) => ({
    kind: 'choice',
    id: `col${i}`,
    label: c.header.slice(0, 80),
    options,
    value: c.milestone ?? IGNORE,
    required: true,
  }));
  const remap: Card = {
    title: 'Change columns',
    sections: [{ text: 'Say what each column holds. Columns with personal details are never read.' }],
    form: {
      id: 'import-remap',
      title: 'Change columns',
      inputs,
      submitLabel: 'Show the preview again',
      submit: { verb: SAVE_REMAP, data: { import: id } },
    },
  };
  return [changingCard(imp.fileName, id), form(remap)];
}

/**
 * In the preview's place while its columns change: its Confirm must go, since the preview it would
 * confirm is replaced by the next one (which keeps its number). First, so Teams puts this card, not
 * the form, where the preview was; Cancel stays for an admin who gives up on the file.
 */
function changingCard(fileName: string, id: string): Reply {
  return card(
    {
      title: `Changing the columns of ${fileName}`,
      sections: [
        {
          text:
            'Choose what each column holds, then *Show the preview again*: the new preview takes this ' +
            'one’s place and its number. Nothing is stored until you confirm it.',
        },
      ],
      buttons: [{ id: 'cancel', label: 'Cancel', action: { verb: CANCEL_IMPORT, data: { import: id } } }],
    },
    true,
  );
}

/**
 * Re-reads the kept upload with the new meanings, as a preview in place of this one (same number;
 * the old card's buttons then answer that it was answered). Without the upload, the preview closes,
 * keeping the mapping for the file sent next.
 */
async function rePreview(ctx: TurnContext, imp: TrackerImport, mapping: Record<string, string>) {
  const id = imp._id!.toHexString();
  const upload = takeUpload(id);
  if (!upload) {
    await ctx.store.imports.updateOne(
      { _id: imp._id, status: 'preview' },
      { $set: { status: 'cancelled', rows: [], mapping } },
    );
    return [
      text(
        `I no longer have ${plain(imp.fileName)} (uploads are kept in memory for half an hour, never ` +
          'stored). Send it again: I will read its columns the way you just chose.',
      ),
    ];
  }
  let preview;
  try {
    preview = await replacePreview(ctx, imp, upload, mapping);
  } catch (error) {
    // The old preview is still open: its file stays for another try.
    keepUpload(id, upload.name, upload.data);
    throw error;
  }
  if (!preview) return [text(ANSWERED)];
  return previewReplies(ctx, preview, upload);
}

export async function saveRemap(ctx: TurnContext, id: string, values: FormValues): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'import a tracker');
  const imp = await openPreview(ctx, id);
  if (!imp) return [text(ANSWERED)];
  // Keyed by the file's own headings: a Map, so a heading such as "__proto__" is kept like any other.
  const mapping = new Map(Object.entries(imp.mapping ?? {}));
  mappable(imp).forEach((c, i) => {
    const chosen = values[`col${i}`];
    if (chosen) mapping.set(c.header, chosen);
  });
  return rePreview(ctx, imp, Object.fromEntries(mapping));
}

/** Adds a column the catalogue lacks as the programme's own milestone, then previews with it. */
export async function addColumnMilestone(ctx: TurnContext, id: string, header: string): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'add a milestone');
  const imp = await openPreview(ctx, id);
  if (!imp) return [text(ANSWERED)];
  const column = mappable(imp).find((c) => c.header === header);
  if (!column) return [text(ANSWERED)];
  const key = await addMilestone(ctx, header);
  return rePreview(ctx, imp, { ...(imp.mapping ?? {}), [header]: key });
}
