import type { Card, CardSection, FormInput } from '../../../../cards/model.js';
import type { PdsaCycle } from '../../../store/schemas/pdsa.js';
import { cycleId } from '../../../programme/pdsa/cycle-id.js';
import type { RecordableStage } from './stage-input.js';
import { STAGE_NAMES } from './stages.js';
import { plain } from '../../replies.js';
import type { PredictionEvidence } from '../../../programme/pdsa/prediction-evidence.js';
import { predictionSection, verdictInputs } from './prediction-section.js';

const DECISIONS = [
  { value: 'adopt', label: 'Adopt: it worked, make it the way we work' },
  { value: 'adapt', label: 'Adapt: change it and test again' },
  { value: 'abandon', label: 'Abandon: stop, try a different idea' },
];

/**
 * The Do, Study or Act form of a cycle, pre-filled from what is saved (or with what was typed when
 * errors are shown). Study shows the prediction, because Study is the comparison with it.
 */
export function stageForm(
  cycle: PdsaCycle,
  stage: RecordableStage,
  today: string,
  typed?: Record<string, string>,
  /** Study of a test with a checkable prediction: what its measure did since the start. */
  evidence?: PredictionEvidence | null,
): Card {
  const id = cycleId(cycle.number);
  const { predictionCheck, ...study } = cycle.study ?? {};
  const saved: Record<string, string | undefined> = {
    ...cycle.do,
    ...study,
    ...cycle.act,
    verdict: predictionCheck?.verdict,
    verdictReason: predictionCheck?.reason,
  };
  const v = (field: string) => (typed ? typed[field] : saved[field]) || undefined;
  const long = (field: string, label: string, required: boolean, hint?: string): FormInput => ({
    kind: 'multiline',
    id: field,
    label,
    required,
    maxLength: 2000,
    value: v(field),
    ...(hint ? { hint } : {}),
  });
  const inputs: Record<RecordableStage, FormInput[]> = {
    do: [
      {
        kind: 'date',
        id: 'carriedOutOn',
        label: 'Date carried out',
        required: true,
        value: v('carriedOutOn') ?? today,
      },
      long('whatHappened', 'What happened', true),
      long('problems', 'Problems and unexpected observations', false),
    ],
    study: [
      long(
        'resultsVsPrediction',
        'Results compared with the prediction',
        true,
        `You predicted: ${clip(cycle.plan.prediction, 300)}`,
      ),
      long('learned', 'What did you learn?', true),
      ...(evidence ? verdictInputs(evidence, v) : []),
    ],
    act: [
      {
        kind: 'choice',
        id: 'decision',
        label: 'Decision',
        required: true,
        value: v('decision'),
        options: DECISIONS,
      },
      long(
        'nextCycle',
        'What next?',
        false,
        'What the next cycle will be, or how the change will be kept going.',
      ),
    ],
  };
  return {
    title: `${id} ${cycle.title}: ${STAGE_NAMES[stage]}`,
    sections: [
      ...context(cycle, stage),
      ...(stage === 'study' && evidence ? [predictionSection(evidence)] : []),
    ],
    form: {
      id: `pdsa-${stage}`,
      title: `${id}: ${STAGE_NAMES[stage]}`,
      submitLabel: 'Save',
      submit: { verb: `pdsa.${stage}.save`, data: { number: cycle.number } },
      openAction: { verb: 'pdsa.stage', data: { number: cycle.number, stage } },
      inputs: inputs[stage],
    },
  };
}

function context(cycle: PdsaCycle, stage: RecordableStage): CardSection[] {
  if (stage === 'do') return [{ heading: 'Plan', text: plain(clip(cycle.plan.objective, 300)) }];
  const sections: CardSection[] = [{ heading: 'Prediction', text: plain(cycle.plan.prediction) }];
  if (cycle.do) sections.push({ heading: 'What happened', text: plain(clip(cycle.do.whatHappened, 300)) });
  if (stage === 'act' && cycle.study)
    sections.push({ heading: 'What you learned', text: plain(clip(cycle.study.learned, 300)) });
  return sections;
}

export function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
