export const CONFIRM_IMPORT = 'import.confirm';
export const CANCEL_IMPORT = 'import.cancel';
export const OPEN_REMAP = 'import.remap.open';
export const SAVE_REMAP = 'import.remap.save';
export const ADD_MILESTONE = 'import.milestone.add';
export const UNDO_IMPORT = 'import.undo';
export const KEEP_IMPORT = 'import.undo.keep';

/** The import a button or form is about; an unusable value reads as an expired preview. */
export const importIdOf = (data: Record<string, unknown>) =>
  typeof data.import === 'string' ? data.import : '';
