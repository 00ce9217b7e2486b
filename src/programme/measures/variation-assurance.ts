import type { MeasureControl } from './control-measure.js';
import { controlSignalDirection } from './describe-control-signals.js';

/**
 * NHS "Making Data Count" summaries of a control chart. Variation: special cause improvement or
 * concern (a signal, read with the measure's better direction), special cause with no clear
 * direction, or common cause. Assurance: where the target sits against the latest limits.
 */
export type Variation = 'improvement' | 'concern' | 'special' | 'common';
export type Assurance = 'pass' | 'fail' | 'hit-and-miss';

export function variationOf(control: MeasureControl, better?: 'up' | 'down'): Variation | null {
  const phase = control.analysis.phases.at(-1);
  if (!phase || phase.centre === null) return null;
  if (!phase.sigmaSignal && !phase.runsSignal) return 'common';
  const moved = controlSignalDirection(control);
  if (!moved || !better) return 'special';
  return moved === better ? 'improvement' : 'concern';
}

/** Null without a target or without limits at the latest point. */
export function assuranceOf(control: MeasureControl, target: number | undefined, better?: 'up' | 'down'): Assurance | null {
  const last = control.analysis.points.filter((p) => p.lcl !== null && p.ucl !== null).at(-1);
  if (target === undefined || !better || !last) return null;
  const lower = last.lcl! * control.scale;
  const upper = last.ucl! * control.scale;
  const allAbove = lower > target;
  const allBelow = upper < target;
  if (better === 'up') return allAbove ? 'pass' : allBelow ? 'fail' : 'hit-and-miss';
  return allBelow ? 'pass' : allAbove ? 'fail' : 'hit-and-miss';
}

const VARIATION_WORDS: Record<Variation, string> = {
  improvement: 'Variation: special cause, improvement',
  concern: 'Variation: special cause, concern',
  special: 'Variation: special cause (no clear direction)',
  common: 'Variation: common cause, no signal',
};

const ASSURANCE_WORDS: Record<Assurance, string> = {
  pass: 'Target: consistently met (the whole band between the limits is on the right side of it)',
  fail: 'Target: consistently missed (it lies outside the limits, so it will not be met without a change to the process)',
  'hit-and-miss': 'Target: hit and miss (it lies between the limits, so some months will meet it and some will not)',
};

/**
 * The Making Data Count badges as text, e.g. "[Variation: special cause, improvement] [Target: hit
 * and miss (…)]". Text rather than drawn icons: it reads the same in Slack, Teams, the local chat,
 * a PDF and a screen reader, and needs no colour to be understood.
 */
export function variationAssuranceBadges(
  control: MeasureControl,
  target: number | undefined,
  better?: 'up' | 'down',
): string {
  const variation = variationOf(control, better);
  const assurance = assuranceOf(control, target, better);
  return [variation && `[${VARIATION_WORDS[variation]}]`, assurance && `[${ASSURANCE_WORDS[assurance]}]`]
    .filter(Boolean)
    .join(' ');
}
