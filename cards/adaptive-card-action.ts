import type { AcAction } from './adaptive-card-types.js';
import type { CardAction } from './model.js';

const AC_STYLE = { primary: 'positive', danger: 'destructive', default: undefined } as const;

export interface AcActionOptions {
  id?: string;
  title: string;
  style?: 'primary' | 'danger' | 'default';
  /** Extra keys for `data` (e.g. `formId`); `verb` always wins so it cannot be overwritten. */
  extraData?: Record<string, string>;
  /** 'none' keeps a plain button from collecting (and validating) the inputs of a form on the card. */
  associatedInputs?: 'auto' | 'none';
}

/**
 * A button as `Action.Execute` (an `adaptiveCard/action` invoke) with an `Action.Submit` fallback
 * (a message activity) for clients older than 1.4, as Teams' Universal Actions guide asks
 * (platforms.md §2.4). Both carry the same `data`: `{ ...action.data, verb }`.
 */
export function toAdaptiveAction(action: CardAction, options: AcActionOptions): AcAction {
  const data = { ...action.data, ...options.extraData, verb: action.verb };
  const style = AC_STYLE[options.style ?? 'default'];
  const shared: Omit<AcAction, 'type'> = {
    title: options.title,
    data,
    ...(style && { style }),
    ...(options.associatedInputs && { associatedInputs: options.associatedInputs }),
  };
  return {
    type: 'Action.Execute',
    ...(options.id && { id: options.id }),
    verb: action.verb,
    ...shared,
    fallback: { type: 'Action.Submit', ...shared },
  };
}
