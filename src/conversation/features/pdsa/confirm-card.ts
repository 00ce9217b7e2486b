import type { Card } from '../../../../cards/model.js';
import type { PdsaCycle } from '../../../store/schemas/pdsa.js';
import { nextStepButton, viewButton } from './cycle-buttons.js';
import { cycleId } from '../../../programme/pdsa/cycle-id.js';
import type { RecordableStage } from './stage-input.js';
import { shortDate } from '../../../programme/local-date.js';
import { predictionWords } from './prediction-section.js';

/** A measure as people read it: its name and unit (the plan stores only its key). */
export type MeasureWords = { name: string; unit: string };

const AFTER: Record<'plan' | RecordableStage, string> = {
  plan: 'Run the test, then record what happened.',
  do: 'Next, compare the results with your prediction.',
  study: 'Next, decide: adopt, adapt or abandon.',
  act: '',
};

/** A short "saved" card with the one button that leads on, so the next step is a tap away. */
export function confirmCard(
  cycle: PdsaCycle,
  saved: 'plan' | RecordableStage,
  edited: boolean,
  /** The checkable prediction's measure, so the check reads in words; without it, its key. */
  predicted?: MeasureWords,
): Card {
  const id = cycleId(cycle.number);
  const what = saved === 'plan' ? 'plan' : `${saved[0]!.toUpperCase()}${saved.slice(1)}`;
  if (saved === 'act' && cycle.act) {
    const offer =
      cycle.act.decision === 'abandon'
        ? 'Abandoning is learning too. Try a different idea in the same group?'
        : `Ready for cycle ${cycle.rampPosition + 1} of the ramp?`;
    return {
      title: `${id}: decision ${cycle.act.decision}`,
      subtitle: cycle.title,
      sections: [{ text: offer }],
      buttons: [nextStepButton(cycle), viewButton(cycle)],
    };
  }
  return {
    title: edited
      ? `${id}: ${what} updated`
      : saved === 'plan'
        ? `${id} saved`
        : `${id}: ${what} recorded`,
    subtitle: cycle.title,
    sections: [...(edited ? [] : [{ text: AFTER[saved] }]), ...checkableNote(cycle, saved, predicted)],
    buttons: [nextStepButton(cycle), viewButton(cycle)],
  };
}

/**
 * After a plan linked to a measure: the checkable prediction the bot will score at Study, or a
 * nudge to add one, since the free text alone cannot be checked against the chart.
 */
function checkableNote(cycle: PdsaCycle, saved: 'plan' | RecordableStage, predicted: MeasureWords | undefined) {
  if (saved !== 'plan' || cycle.linkedMeasures.length === 0) return [];
  const p = cycle.plan.checkable;
  if (p && predicted) return [{ text: `At Study the bot checks: ${predictionWords(p, predicted)}.` }];
  if (p) {
    const way = p.direction === 'down' ? 'falls to' : 'rises to';
    return [{ text: `At Study the bot checks: \`${p.measureKey}\` ${way} ${p.amount} by ${shortDate(p.by)}.` }];
  }
  return [
    {
      text: `Want the bot to score the prediction at Study? Edit the plan (\`pdsa ${cycleId(cycle.number)} edit\`) and fill in which way the measure goes, how far and by when.`,
    },
  ];
}
