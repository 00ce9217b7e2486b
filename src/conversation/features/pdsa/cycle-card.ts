import type { PredictionCheck } from '../../../store/schemas/prediction.js';
import { VERDICT_WORDS } from '../../../domain/predictions/index.js';
import type { Card, CardFact, CardSection } from '../../../../cards/model.js';
import type { PdsaCycle } from '../../../store/schemas/pdsa.js';
import type { TurnContext } from '../../context.js';
import { editButton, nextStepButton, stageLabel } from './cycle-buttons.js';
import { cycleId } from '../../../programme/pdsa/cycle-id.js';
import { shortDate, shortDateOf } from '../../../programme/local-date.js';
import { clip } from './stage-forms.js';
import { plain } from '../../replies.js';
import type { MeasureWords } from './confirm-card.js';
import { measureNames } from './measure-names.js';
import { predictionWords } from './prediction-section.js';
import { wordsFor } from '../../channel-text.js';

const MAX = 300;

/** A cycle as one card: the worksheet stage by stage, its ramp, recent notes, and what to do next. */
export async function cycleCard(ctx: TurnContext, shown: PdsaCycle): Promise<Card> {
  const cycle = typedWordsFor(ctx, shown);
  const [group, followers, names] = await Promise.all([
    ctx.store.groups.findOne({ key: cycle.groupKey }),
    ctx.store.pdsa.find({ previousNumber: cycle.number }, { sort: { number: 1 } }).toArray(),
    cycle.linkedMeasures.length > 0 ? measureNames(ctx) : new Map<string, MeasureWords>(),
  ]);
  const sections: CardSection[] = [{ heading: 'Plan', facts: planFacts(cycle, names) }];
  if (cycle.do) {
    sections.push({
      heading: 'Do',
      facts: facts([
        ['Carried out', shortDate(cycle.do.carriedOutOn)],
        ['What happened', cycle.do.whatHappened],
        ['Problems', cycle.do.problems],
      ]),
    });
  }
  if (cycle.study)
    sections.push({
      heading: 'Study',
      facts: facts([
        ['Results vs prediction', cycle.study.resultsVsPrediction],
        ['Learned', cycle.study.learned],
        ['Prediction', verdictLine(cycle.study.predictionCheck)],
      ]),
    });
  if (cycle.act)
    sections.push({
      heading: 'Act',
      facts: facts([
        ['Decision', cycle.act.decision],
        ['Next', cycle.act.nextCycle],
      ]),
    });
  const ramp = [
    `Cycle ${cycle.rampPosition}`,
    cycle.previousNumber ? `builds on ${cycleId(cycle.previousNumber)}` : undefined,
    followers.length > 0
      ? `followed by ${followers.map((f) => cycleId(f.number)).join(', ')}`
      : undefined,
  ].filter(Boolean);
  if (ramp.length > 1) sections.push({ heading: 'Ramp', text: ramp.join(' · ') });
  if (cycle.notes.length > 0) {
    const recent = cycle.notes
      .slice(-3)
      .map((n) => `- ${shortDateOf(n.at, ctx)}, ${plain(n.byName ?? 'someone')}: ${plain(clip(n.text, 200))}`);
    sections.push({ heading: `Notes (${cycle.notes.length})`, text: recent.join('\n') });
  }
  return {
    title: `${cycleId(cycle.number)} ${cycle.title}`,
    subtitle: `${stageLabel(cycle)} · ${group?.name ?? cycle.groupKey}`,
    facts: [
      { label: 'Change idea', value: plain(cycle.changeIdea) },
      { label: 'Owner', value: plain(cycle.ownerName) },
    ],
    sections,
    buttons: [nextStepButton(cycle), editButton(cycle)],
  };
}

/**
 * The cycle with the words people typed (its title, each stage's text, its notes) made fit for the
 * conversation (channel-text.ts); ids, keys and dates as they are.
 */
function typedWordsFor(ctx: TurnContext, cycle: PdsaCycle): PdsaCycle {
  const words = wordsFor(ctx);
  const texts = <T extends object | undefined>(part: T): T =>
    part && (Object.fromEntries(Object.entries(part).map(([k, v]) => [k, typeof v === 'string' ? words(v) : v])) as T);
  return {
    ...cycle,
    title: words(cycle.title),
    plan: texts(cycle.plan),
    do: texts(cycle.do),
    study: texts(cycle.study),
    act: texts(cycle.act),
    notes: cycle.notes.map((n) => ({ ...n, text: words(n.text) })),
  };
}

/** The Plan as facts; measures by their names, and the checkable prediction the bot scores at Study. */
function planFacts(cycle: PdsaCycle, names: Map<string, MeasureWords>): CardFact[] {
  const { plan } = cycle;
  const checked = plan.checkable ? names.get(plan.checkable.measureKey) : undefined;
  const logistics = (['who', 'what', 'when', 'where'] as const)
    .filter((k) => plan[k])
    .map((k) => `${k[0]!.toUpperCase()}${k.slice(1)}: ${plan[k]}`)
    .join(' · ');
  return facts([
    ['Objective', plan.objective],
    ['Questions', plan.questions],
    ['Prediction', plan.prediction],
    ['Who, what, when, where', logistics],
    ['Data', plan.dataToCollect],
    ['Measures', cycle.linkedMeasures.map((key) => names.get(key)?.name ?? key).join(', ')],
    ['Checked at Study', plan.checkable && checked ? predictionWords(plan.checkable, checked) : undefined],
    ['Start', cycle.startedOn ? shortDate(cycle.startedOn) : undefined],
  ]);
}

function facts(pairs: [string, string | undefined][]): CardFact[] {
  return pairs
    .filter(([, value]) => value)
    .map(([label, value]) => ({ label, value: plain(clip(value!, MAX)) }));
}

/** "partly met (…) — the group's verdict; the bot read: met. Reason: …", for the Study section. */
function verdictLine(check: PredictionCheck | undefined): string | undefined {
  if (!check) return undefined;
  if (check.verdict === check.botVerdict) return VERDICT_WORDS[check.verdict];
  return `${VERDICT_WORDS[check.verdict]} — the group's verdict; the bot read: ${VERDICT_WORDS[check.botVerdict]}. Reason: ${check.reason ?? ''}`;
}
