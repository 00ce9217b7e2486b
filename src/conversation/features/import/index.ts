import type { Feature } from '../../registry.js';
import { card, text } from '../../replies.js';
import { cancelImport, confirmImport } from './answer-import.js';
import { howToImport, importFiles } from './import-file.js';
import { ADD_MILESTONE, CANCEL_IMPORT, CONFIRM_IMPORT, importIdOf, KEEP_IMPORT, OPEN_REMAP, SAVE_REMAP, UNDO_IMPORT } from './import-verbs.js';
import { confirmImportUndo, importUndoCommand } from './undo-import-command.js';
import { importsList } from './imports-list.js';
import { addColumnMilestone, openRemap, saveRemap } from './remap-columns.js';

/**
 * Moving in: an admin sends the area's tracker (xlsx or csv), sees what would be imported, and
 * confirms. The reading and the writing are the programme model's (src/programme/imports).
 */
export const importFeature: Feature = {
  commands: [
    {
      words: ['import'],
      roles: ['admin'],
      usage: 'import (with the tracker file attached)',
      example: 'import',
      summary: 'Bring in your Excel or CSV tracker of key dates: a preview first, nothing stored until you confirm.',
      async run(ctx) {
        ctx.requireRole(['admin'], 'import a tracker');
        return [text(howToImport(ctx.turn.platform))];
      },
    },
    {
      words: ['imports'],
      roles: ['admin'],
      usage: 'imports',
      example: 'imports',
      summary: 'The tracker imports so far, newest first, each with what became of it (confirmed, cancelled, undone).',
      run: (ctx) => importsList(ctx),
    },
    {
      words: ['import', 'undo'],
      roles: ['admin'],
      usage: 'import undo [number]',
      example: 'import undo 3',
      summary: 'Take a confirmed import back: its cases get the dates they had before it; cases changed since are left.',
      run: (ctx, rest) => importUndoCommand(ctx, rest),
    },
  ],
  files: [{ name: 'tracker', run: importFiles }],
  actions: [
    { verb: CONFIRM_IMPORT, run: (ctx, data) => confirmImport(ctx, importIdOf(data)) },
    { verb: CANCEL_IMPORT, run: (ctx, data) => cancelImport(ctx, importIdOf(data)) },
    { verb: UNDO_IMPORT, run: (ctx, data) => confirmImportUndo(ctx, data) },
    // Nothing was asked for or held: the card asked, the answer is no, and nothing changes.
    { verb: KEEP_IMPORT, run: async () => [card({ title: 'Import kept', sections: [{ text: 'Nothing changed.' }] }, true)] },
    { verb: OPEN_REMAP, run: (ctx, data) => openRemap(ctx, importIdOf(data)) },
    { verb: SAVE_REMAP, run: (ctx, data, values) => saveRemap(ctx, importIdOf(data), values) },
    {
      verb: ADD_MILESTONE,
      run: (ctx, data) => addColumnMilestone(ctx, importIdOf(data), typeof data.header === 'string' ? data.header : ''),
    },
  ],
};
