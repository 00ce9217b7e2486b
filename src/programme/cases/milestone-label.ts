import {
  DEFAULT_MILESTONE_CATALOGUE,
  labelMidSentence,
} from '../../domain/milestone-catalogue.js';
import type { Programme } from '../../store/schemas/programme.js';

/** A milestone's name mid-sentence, as the programme calls it ("permanence recommendation"). */
export function milestoneLabel(programme: Pick<Programme, 'milestones'>, key: string): string {
  const label =
    programme.milestones?.find((m) => m.key === key)?.label ??
    DEFAULT_MILESTONE_CATALOGUE.find((m) => m.key === key)?.label ??
    key.replace(/_/g, ' ');
  return labelMidSentence(label);
}
