import { parsePrediction } from '../../../domain/predictions/index.js';
import { ValidationError } from '../../../errors.js';
import type { CheckablePrediction } from '../../../store/schemas/prediction.js';
import type { PlanInput } from './plan-input.js';

const missing = (field: string, message: string) =>
  new ValidationError('checkable_prediction_incomplete', message, { field });

/**
 * The Plan's checkable prediction, from its own fields or (all left blank) read from the words of
 * the prediction, for a test linked to a measure. A measure named for the prediction is linked too:
 * predicting what it does is a reason to show the test on its chart. Undefined when there is none.
 */
export function checkablePrediction(
  input: PlanInput,
  today: string,
): { checkable?: CheckablePrediction; linkedMeasures: string[] } {
  const measureKey = input.predictMeasure?.toLowerCase() ?? input.linkedMeasures[0];
  const linkedMeasures =
    measureKey && !input.linkedMeasures.includes(measureKey)
      ? [...input.linkedMeasures, measureKey]
      : input.linkedMeasures;
  const { predictDirection: direction, predictAmount, predictBy: by } = input;
  if (!direction && !predictAmount && !by) {
    const read = measureKey ? parsePrediction(input.prediction, today) : null;
    return read ? { checkable: { measureKey: measureKey!, ...read }, linkedMeasures } : { linkedMeasures };
  }
  if (!measureKey)
    throw missing('linkedMeasures', 'Link the measure the prediction is about, so the bot can check it at Study.');
  if (!direction) throw missing('predictDirection', 'Choose whether the measure will fall or rise.');
  if (!predictAmount) throw missing('predictAmount', 'How far? Give a number in the measure’s unit, e.g. 30.');
  if (!by) throw missing('predictBy', 'By when? Pick the date the prediction is about.');
  const amount = Number(predictAmount.replace('%', '').trim());
  return { checkable: { measureKey, direction, amount, by }, linkedMeasures };
}
