import { formatValue } from './format-value.js';

/** A chart's target line as the spec gives it: the value, the unit, and whose target it is. */
interface TargetOf {
  target?: number | undefined;
  unit: string;
  /** An aim group's name when the line is that group's aim target, not the measure's own. */
  targetOf?: string | undefined;
}

/**
 * "30 weeks (aim of Permanence milestones)": whose line it is, in the legend and the alt text
 * alike, so a chart two groups draw with different targets says which one it shows.
 */
export function targetWords(spec: TargetOf): string {
  const whose = spec.targetOf ? ` (aim of ${spec.targetOf})` : '';
  return `${formatValue(spec.target!)} ${spec.unit}${whose}`;
}
