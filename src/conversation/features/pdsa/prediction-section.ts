import type { CardSection, FormInput } from '../../../../cards/model.js';
import { VERDICT_WORDS } from '../../../domain/predictions/index.js';
import { shortDate } from '../../../programme/local-date.js';
import { valueWithUnit } from '../../../programme/measures/value-with-unit.js';
import type { PredictionEvidence } from '../../../programme/pdsa/prediction-evidence.js';
import type { CheckablePrediction } from '../../../store/schemas/prediction.js';
import { plain } from '../../replies.js';

/** "Time to recommendation falls to 30 weeks or below by 31 Mar 2027". */
export function predictionWords(prediction: CheckablePrediction, measure: { name: string; unit: string }): string {
  const way = prediction.direction === 'down' ? 'falls to' : 'rises to';
  const limit = prediction.direction === 'down' ? 'or below' : 'or above';
  return `${plain(measure.name)} ${way} ${valueWithUnit(prediction.amount, plain(measure.unit))} ${limit} by ${shortDate(prediction.by)}`;
}

/**
 * The checkable prediction beside what the measure did since the test started: the level and the
 * values, any signal, and the bot's verdict, for the person recording Study to confirm or overrule.
 */
export function predictionSection(evidence: PredictionEvidence): CardSection {
  const { score, measure } = evidence;
  const unit = plain(measure.unit);
  const before = (words: string) => (score.before === null ? '' : ` (${words}: median ${valueWithUnit(score.before, unit)})`);
  const points = score.window.length;
  // No level and "from 0 points" read as a fault; say plainly that nothing has come in yet.
  const since =
    score.level === null
      ? `No points since the test started yet${before('before it')}.`
      : `Since the test started (${shortDate(evidence.startedOn)}): median ${valueWithUnit(score.level, unit)}${before('before the test')}, from ${points} point${points === 1 ? '' : 's'}.`;
  const lines = [
    `You predicted: ${predictionWords(evidence.prediction, measure)}.`,
    since,
    ...(evidence.values.length > 0 ? [`Values: ${evidence.values.join('; ')}`] : []),
    evidence.signalWords
      ? `The chart shows a signal after the start: ${evidence.signalWords}.`
      : 'No run-chart or control-chart signal after the start.',
    `The bot's verdict: *${VERDICT_WORDS[score.verdict]}*. A prediction that was not met is a lesson, not a failure.`,
  ];
  return { heading: 'Your prediction beside what happened', text: lines.join('\n') };
}

/** Confirm the bot's verdict or choose another, with a reason. */
export function verdictInputs(evidence: PredictionEvidence, v: (field: string) => string | undefined): FormInput[] {
  return [
    {
      kind: 'choice',
      id: 'verdict',
      label: 'Was the prediction met?',
      required: true,
      value: v('verdict') ?? evidence.score.verdict,
      options: (Object.keys(VERDICT_WORDS) as (keyof typeof VERDICT_WORDS)[]).map((v) => ({
        value: v,
        label: v === evidence.score.verdict ? `${VERDICT_WORDS[v]} (the bot's reading)` : VERDICT_WORDS[v],
      })),
    },
    {
      kind: 'multiline',
      id: 'verdictReason',
      // Needed only when overruling (kept-verdict.ts), so not required on the form: the label says when.
      label: 'Why a different verdict?',
      needed: 'needed when you differ from the data',
      maxLength: 500,
      value: v('verdictReason'),
      hint: "Leave it blank if you agree with the bot's reading. If you choose a different verdict, say why, e.g. \"the March figures are not in yet\". No names.",
    },
  ];
}
