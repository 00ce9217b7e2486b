import { AppError, ValidationError } from '../../../errors.js';
import { listMeasures } from '../../../programme/measures/measure-catalogue.js';
import type { TurnContext } from '../../context.js';
import { findMeasure } from '../measures/find-measure.js';

/**
 * The measures a Plan names, by name as people write them ("Accommodation to permanence
 * recommendation", "acc to rec") or by key, as their keys. A name that matches none, or several,
 * is refused beside the field with what went wrong.
 */
export async function linkedMeasureKeys(ctx: TurnContext, said: readonly string[]): Promise<string[]> {
  if (said.length === 0) return [];
  const measures = await listMeasures(ctx.store, ctx.now);
  const keys: string[] = [];
  for (const phrase of said) {
    try {
      keys.push(findMeasure(measures, phrase).key);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw new ValidationError('unknown_measure', `${error.userMessage.replace(/ Use its key\.$/, ' Use its full name.')}`, { field: 'linkedMeasures' });
    }
  }
  return [...new Set(keys)];
}
