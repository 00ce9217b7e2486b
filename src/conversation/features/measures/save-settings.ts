import { ValidationError } from '../../../errors.js';
import type { MeasureSettings } from '../../../store/schemas/measure.js';
import { flushPendingAudit, pendingAuditOf } from '../../../programme/audit/pending-audit.js';
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
  // The audit entry travels with the settings in one write and is written right after, so a crash
  // between the two is finished by the repair sweep (programme/audit/pending-audit.ts).
  const entry = { entity: 'measure' as const, entityId: measure.key, action, before: measure.settings, after: settings };
  const carried = { ...next, pendingAudit: pendingAuditOf(ctx, entry) };
  const stored = await ctx.store.measures.findOne({ key: measure.key });
  if (stored) {
    await flushPendingAudit(ctx.store, 'measures', [stored]);
    const written = await ctx.store.measures.findOneAndUpdate(
      { key: measure.key, version: measure.version },
      { $set: { settings, version: next.version, updatedAt: ctx.now, pendingAudit: carried.pendingAudit } },
    );
    if (!written) throw changedMeanwhile(measure);
    await flushPendingAudit(ctx.store, 'measures', [written]);
  } else {
    try {
      const { insertedId } = await ctx.store.measures.insertOne(carried);
      await flushPendingAudit(ctx.store, 'measures', [{ ...carried, _id: insertedId, workspaceId: ctx.store.workspaceId }]);
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) throw changedMeanwhile(measure);
      throw error;
    }
  }
  return next;
}
