import {
  DEFAULT_INTERVAL_MEASURES,
  type IntervalMeasureDefinition,
} from '../../domain/measures/index.js';
import type { Measure } from '../../store/schemas/measure.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { aimProportionMeasure } from './aim-proportion.js';

/** A measure as handlers use it: stored or not, with no workspace or database id. */
export type MeasureDefinition = Omit<Measure, 'workspaceId' | '_id'>;

export const EMPTY_SETTINGS: MeasureDefinition['settings'] = {
  phases: [],
  exclusions: [],
  astronomical: [],
};

/** A default interval measure as a measure definition, with no chart settings yet. */
export function defaultMeasure(
  definition: IntervalMeasureDefinition,
  now: Date,
): MeasureDefinition {
  return {
    key: definition.id,
    kind: 'interval',
    name: definition.name,
    unit: definition.unit,
    frequency: 'per-child',
    betterDirection: definition.betterDirection,
    from: definition.from,
    to: definition.to,
    settings: EMPTY_SETTINGS,
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
}

function strip({ _id, workspaceId, ...definition }: Measure): MeasureDefinition {
  return definition;
}

/**
 * Every measure of a workspace: the six default interval measures (always there; stored only once a
 * lead changes their chart settings, which then apply), each aim group's "% within target" measure,
 * then the custom measures groups defined.
 */
export async function listMeasures(
  store: Pick<WorkspaceStore, 'measures' | 'groups'>,
  now: Date,
): Promise<MeasureDefinition[]> {
  const [stored, groups] = await Promise.all([
    store.measures.find({}, { sort: { createdAt: 1, key: 1 } }).toArray(),
    // An archived group's aim measure leaves the catalogue (and so its charts); its data stays.
    store.groups.find({ archived: { $ne: true } }, { sort: { key: 1 } }).toArray(),
  ]);
  const byKey = new Map(stored.map((m) => [m.key, strip(m)]));
  // Definitions of derived measures come from code, so a renamed default reaches every workspace;
  // only the lead's settings (and their version) come from the stored copy.
  const withStoredSettings = (definition: MeasureDefinition): MeasureDefinition => {
    const saved = byKey.get(definition.key);
    return saved ? { ...definition, settings: saved.settings, version: saved.version } : definition;
  };
  const defaults = DEFAULT_INTERVAL_MEASURES.map((d) => withStoredSettings(defaultMeasure(d, now)));
  const proportions = groups
    .map((group) => aimProportionMeasure(group, defaults, now))
    .filter((m): m is MeasureDefinition => m !== null)
    .map(withStoredSettings);
  const derived = new Set([...defaults, ...proportions].map((m) => m.key));
  return [...defaults, ...proportions, ...[...byKey.values()].filter((m) => !derived.has(m.key))];
}
