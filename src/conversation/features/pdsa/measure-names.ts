import { listMeasures } from '../../../programme/measures/measure-catalogue.js';
import type { TurnContext } from '../../context.js';
import type { MeasureWords } from './confirm-card.js';

/**
 * Measures by key, as people read them: a plan stores its linked measures' keys
 * (`accommodated-to-first-lac-review`), but a card says "Accommodation to first LAC review".
 */
export async function measureNames(ctx: Pick<TurnContext, 'store' | 'now'>): Promise<Map<string, MeasureWords>> {
  const measures = await listMeasures(ctx.store, ctx.now);
  return new Map(measures.map((m) => [m.key, { name: m.name, unit: m.unit }]));
}

/** One measure's name and unit; undefined for a key no longer in the catalogue (the card then shows the key). */
export async function measureNamed(ctx: Pick<TurnContext, 'store' | 'now'>, key: string): Promise<MeasureWords | undefined> {
  return (await measureNames(ctx)).get(key);
}
