import { ValidationError } from '../../../errors.js';
import type { MeasureSettings } from '../../../store/schemas/measure.js';
import type { TurnContext } from '../../context.js';
import type { MeasureDefinition } from '../../../programme/measures/measure-catalogue.js';
import { plain } from '../../replies.js';

const DUPLICATE_KEY = 11000;

function changedMeanwhile(measure: MeasureDefinition): ValidationError {
  return new ValidationError(
    'edit_conflict',
    `Someone changed the settings of ${plain(measure.name)} a moment ago. Have a look with \`measure ${measure.key}\`, then try again.`,
  );
}

/**
 * Saves a measure's chart settings, conditional on the version read, and audits the change. A default
 * measure is stored the first time its settings change; its definition still comes from the code.
 */
export async function saveSettings(
  ctx: TurnContext,
  measure: MeasureDefinition,
  settings: MeasureSettings,
  action: string,
): Promise<MeasureDefinition> {
  const next: MeasureDefinition = {
    ...measure,
    settings,
    version: measure.version + 1,
    updatedAt: ctx.now,
  };
  const stored = await ctx.store.measures.findOne({ key: measure.key }, { projection: { _id: 1 } });
  if (stored) {
    const result = await ctx.store.measures.replaceOne(
      { key: measure.key, version: measure.version },
      next,
    );
    if (result.matchedCount === 0) throw changedMeanwhile(measure);
  } else {
    try {
      await ctx.store.measures.insertOne(next);
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) throw changedMeanwhile(measure);
      throw error;
    }
  }
  await ctx.store.recordAudit({
    actor: ctx.actor(),
    entity: 'measure',
    entityId: measure.key,
    action,
    before: measure.settings,
    after: settings,
    source: ctx.source(),
    at: ctx.now,
  });
  return next;
}
