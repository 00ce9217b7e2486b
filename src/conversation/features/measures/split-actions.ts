import { audienceOf } from '../../may-name-children.js';
import { ValidationError } from '../../../errors.js';
import { loadCaseMilestones } from '../../../programme/cases/case-milestones.js';
import { analyseMeasure } from '../../../programme/measures/analyse-measure.js';
import type { ChartView } from '../../../programme/measures/chart-window.js';
import { listMeasures, type MeasureDefinition } from '../../../programme/measures/measure-catalogue.js';
import { type PhaseProposal, phaseProposals } from '../../../programme/measures/split-proposals.js';
import { localToday } from '../../../programme/local-date.js';
import { describePeriod } from '../../../programme/measures/month-words.js';
import { cycleId } from '../../../programme/pdsa/cycle-id.js';
import type { TurnContext } from '../../context.js';
import type { ActionHandler } from '../../registry.js';
import { form, plain, text } from '../../replies.js';
import { formErrors } from '../../form-errors.js';
import { findMeasure } from './find-measure.js';
import { ACCEPT_SPLIT, ACCEPT_SPLIT_SAVE, DISMISS_SPLIT } from '../../../programme/measures/proposal-card.js';
import { saveSettings } from './save-settings.js';
import { measureOwners } from '../../../programme/measures/measure-owners.js';

interface Asked {
  measure: MeasureDefinition;
  proposal: PhaseProposal;
  view: ChartView;
}

/** The proposal a button was about, worked out again now; a refusal when it no longer stands. */
async function standingProposal(ctx: TurnContext, data: Record<string, unknown>, what: string): Promise<Asked> {
  const programme = ctx.requireProgramme();
  const measure = findMeasure(await listMeasures(ctx.store, ctx.now), String(data.measure ?? ''));
  // Admins too, as the proposal card says (they pass every check; the refusal now names them).
  ctx.requireRole(['lead', 'coach', 'admin'], `${what} a new phase on the ${plain(measure.name)} chart`, await measureOwners(ctx.store, measure));
  const view: ChartView = data.view === 'monthly' ? 'monthly' : 'per-child';
  const cases = measure.kind === 'custom' ? [] : await loadCaseMilestones(ctx.store);
  const result = await analyseMeasure(ctx.store, programme, measure, {
    audience: audienceOf(ctx.turn),
    today: localToday(ctx),
    cases,
    window: { label: 'all data' },
    ...(measure.kind === 'interval' ? { view } : {}),
  });
  const proposal = (await phaseProposals(ctx.store, programme, result)).find((p) => p.testNumber === Number(data.test));
  if (!proposal)
    throw new ValidationError(
      'proposal_gone',
      `That proposal no longer stands: the ${plain(measure.name)} chart has changed, or someone has already decided on it. Nothing changed.`,
    );
  return { measure, proposal, view };
}

/** A lead or coach accepts: the phase starts at the shift, labelled with the test; audited with the reason. */
async function accept(ctx: TurnContext, data: Record<string, unknown>, reason: string) {
  const { measure, proposal } = await standingProposal(ctx, data, 'accept');
  const { point, testNumber } = proposal;
  const phase = {
    startPeriod: point.period,
    ...(point.caseRef ? { startCaseRef: point.caseRef } : {}),
    testNumber,
    reason,
    by: ctx.actor(),
    at: ctx.now,
  };
  const phases = [...measure.settings.phases, phase].sort((a, b) => a.startPeriod.localeCompare(b.startPeriod));
  await saveSettings(ctx, measure, { ...measure.settings, phases }, 'phase_at_test');
  return [
    text(
      // By its date, not its point number: the card may have numbered a chart window's points,
      // and the proposal is worked out again over all the data, where the numbers differ.
      `*${plain(measure.name)}*: new phase from ${describePeriod(point.period)}, at ${cycleId(testNumber)}. Each part now gets its own centre line and is judged on its own. Reason kept: "${plain(reason)}".`,
    ),
  ];
}

/** Accept, Dismiss, and the reason form of an acceptance. */
export const splitActions: ActionHandler[] = [
  {
    verb: ACCEPT_SPLIT,
    async run(ctx, data) {
      const { proposal, measure, view } = await standingProposal(ctx, data, 'accept');
      return [form(reasonForm(measure, proposal, view))];
    },
  },
  {
    verb: ACCEPT_SPLIT_SAVE,
    async form(ctx, data) {
      const { proposal, measure, view } = await standingProposal(ctx, data, 'accept');
      return reasonForm(measure, proposal, view);
    },
    async run(ctx, data, values) {
      const reason = (values.reason ?? '').trim();
      if (reason.length < 3) {
        const { proposal, measure, view } = await standingProposal(ctx, data, 'accept');
        return [formErrors({ reason: 'Say why the chart should start a new phase here, e.g. "T-12 changed how panels are booked".' }, reasonForm(measure, proposal, view))];
      }
      return accept(ctx, data, reason.slice(0, 500));
    },
  },
  {
    verb: DISMISS_SPLIT,
    async run(ctx, data) {
      const { measure, proposal } = await standingProposal(ctx, data, 'dismiss');
      const dismissed = [...(measure.settings.splitsDismissed ?? []), { testNumber: proposal.testNumber, by: ctx.actor(), at: ctx.now }];
      await saveSettings(ctx, measure, { ...measure.settings, splitsDismissed: dismissed }, 'phase_dismissed');
      return [text(`Dismissed: the ${plain(measure.name)} chart stays as it is, and the bot won't propose a phase at ${cycleId(proposal.testNumber)} again.`)];
    },
  },
];

function reasonForm(measure: MeasureDefinition, proposal: PhaseProposal, view: ChartView) {
  const data = { measure: measure.key, test: proposal.testNumber, view };
  return {
    title: 'Start a new phase?',
    sections: [{ text: proposal.sentence }],
    form: {
      id: 'split-accept',
      title: 'New phase',
      submitLabel: 'Start the phase',
      submit: { verb: ACCEPT_SPLIT_SAVE, data },
      openAction: { verb: ACCEPT_SPLIT, data },
      inputs: [
        {
          kind: 'multiline' as const,
          id: 'reason',
          label: 'Why start a new phase here?',
          required: true,
          maxLength: 500,
          hint: 'Kept with the chart and shown to everyone who reads it. No names.',
        },
      ],
    },
  };
}

