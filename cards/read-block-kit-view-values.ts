import { foldOtherValues } from './form-values.js';
import type { FormValues } from './model.js';

/** The parts of a `view.state.values` entry we read; Bolt's `ViewStateValue` fits this shape. */
export interface BlockKitStateValue {
  type: string;
  value?: string | null;
  selected_date?: string | null;
  selected_user?: string | null;
  selected_users?: string[];
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
}

export type BlockKitStateValues = Record<string, Record<string, BlockKitStateValue>>;

/**
 * The inverse of `toBlockKitModal`: `view.state.values` (block id → action id → state) back to
 * `{ inputId: string }`, the same shape every platform submits. Unanswered inputs give "";
 * multi-selects give comma-separated ids; an "other" text overrides its choice.
 */
export function readBlockKitViewValues(stateValues: BlockKitStateValues): FormValues {
  // Built from entries, so an action id such as "__proto__" stays an ordinary key.
  const values: FormValues = Object.fromEntries(
    Object.values(stateValues).flatMap((actions) =>
      Object.entries(actions).map(([actionId, state]) => [actionId, readOne(state)]),
    ),
  );
  return foldOtherValues(values);
}

function readOne(state: BlockKitStateValue): string {
  switch (state.type) {
    case 'datepicker':
      return state.selected_date ?? '';
    case 'users_select':
      return state.selected_user ?? '';
    case 'multi_users_select':
      return (state.selected_users ?? []).join(',');
    case 'static_select':
    case 'radio_buttons':
      return state.selected_option?.value ?? '';
    case 'multi_static_select':
    case 'checkboxes':
      return (state.selected_options ?? []).map((option) => option.value).join(',');
    default:
      return state.value ?? '';
  }
}
