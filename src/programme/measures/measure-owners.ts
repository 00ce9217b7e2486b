import type { Group } from '../../store/schemas/group.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import type { MeasureDefinition } from './measure-catalogue.js';

/**
 * The aim groups whose leads decide how a measure's chart is read (baselines, phases, exclusions,
 * proposed phases): the group a custom measure belongs to, or, for a measure of the catalogue, the
 * groups that chose it as their aim's key measure. None for a measure no group has taken on: then
 * any lead may. (A phone try-out: a lead of one group dismissed a phase on another group's key
 * measure, because catalogue measures belong to no group.)
 */
export async function measureOwners(store: Pick<WorkspaceStore, 'groups'>, measure: Pick<MeasureDefinition, 'key' | 'groupKey'>): Promise<Group[]> {
  if (measure.groupKey) {
    const own = await store.groups.findOne({ key: measure.groupKey });
    return own ? [own] : [];
  }
  return store.groups.find({ 'aim.measureKey': measure.key, archived: { $ne: true } }, { sort: { name: 1 } }).toArray();
}
