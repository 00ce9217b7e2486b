import { audienceOf } from '../../may-name-children.js';
import { ValidationError } from '../../../errors.js';
import type { TurnContext } from '../../context.js';
import { splitArgs } from '../../match-command.js';
import { card, plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { localToday } from '../../../programme/local-date.js';
import { analyseMeasure } from '../../../programme/measures/analyse-measure.js';
import { loadCaseMilestones } from '../../../programme/cases/case-milestones.js';
import { findMeasure } from './find-measure.js';
import { measureCard } from './measure-card.js';
import { listMeasures, type MeasureDefinition } from '../../../programme/measures/measure-catalogue.js';
import { saveSettings } from './save-settings.js';
import { mayNameChildren } from '../../may-name-children.js';
import { compileCaseRefPattern } from '../../../domain/case-reference.js';
import { measureOwners } from '../../../programme/measures/measure-owners.js';
import { freeCaseRefExample } from '../../../programme/cases/case-ref-example.js';
import {
  type ChangeInput,
  changeBaseline,
  changeChart,
  changeExclusion,
  changePhase,
} from './settings-changes.js';

const VERBS = ['baseline', 'phase', 'exclude', 'include', 'chart'];

/** The chart a refusal talks about: the one the lead chose, or just "chart" when it is chosen by the data. */
const whichChart = (measure: MeasureDefinition) =>
  measure.settings.chart ? `${measure.settings.chart.kind} chart` : 'chart';

/** The reason at the end: in quotes, or after "because". */
function extractReason(rest: string): { reason: string | null; body: string } {
  const quoted =
    /\s*(?:"([^"]*)"|“([^”]*)”)\s*$/.exec(rest) ?? /\s+(?:because|reason:?)\s+(.+)$/i.exec(rest);
  if (!quoted) return { reason: null, body: rest };
  const reason = (quoted[1] ?? quoted[2] ?? '').trim();
  return { reason: reason.length >= 3 ? reason : null, body: rest.slice(0, quoted.index) };
}

function reasonRequired(measure: MeasureDefinition, verb: string, rest: string): ValidationError {
  return new ValidationError(
    'reason_required',
    `Please add a reason in quotes, e.g. \`measure ${measure.key} ${verb} ${plain(rest) || '…'} "new recording process from March"\`. ` +
      'It is kept with the chart and shown to everyone who reads it: changing how a chart is read changes what it says, so others need to be able to judge whether it was fair. Nothing was changed.',
  );
}

/**
 * `measure <measure> baseline|phase|exclude|include … "<reason>"` (leads, coaches, admins), or just
 * `measure <measure>` to see it. Each change is audited and answered with what the chart now says.
 */
export async function settingsCommand(ctx: TurnContext, rest: string): Promise<Reply[]> {
  const programme = ctx.requireProgramme();
  const { reason, body } = extractReason(rest);
  const args = splitArgs(body);
  const at = args.findIndex((a, i) => i > 0 && VERBS.includes(a.toLowerCase()));
  const all = await listMeasures(ctx.store, ctx.now);
  if (args.length === 0 || VERBS.includes(args[0]!.toLowerCase())) {
    throw new ValidationError(
      'no_measure',
      'Which measure? e.g. `measure accommodated-to-first-lac-review baseline 12 "before the new agenda"`. Type `measures` to see them.',
    );
  }
  if (at < 0) return [card(await measureCard(ctx, findMeasure(all, args.join(' '))))];
  const measure = findMeasure(all, args.slice(0, at).join(' '));
  const verb = args[at]!.toLowerCase();
  const said = args.slice(at + 1).join(' ');
  ctx.requireRole(
    ['lead', 'coach', 'admin'],
    `change how the ${plain(measure.name)} ${whichChart(measure)} is read`,
    await measureOwners(ctx.store, measure),
  );
  if (!reason) throw reasonRequired(measure, verb, said);

  const today = localToday(ctx);
  const cases = measure.kind === 'custom' ? [] : await loadCaseMilestones(ctx.store);
  const everything = { label: 'all data' };
  const audience = audienceOf(ctx.turn);
  const whole = await analyseMeasure(ctx.store, programme, measure, {
    audience,
    today,
    cases,
    window: everything,
  });
  const monthly =
    measure.kind === 'interval'
      ? await analyseMeasure(ctx.store, programme, measure, {
          audience,
          today,
          cases,
          window: everything,
          view: 'monthly',
        })
      : null;
  const input: ChangeInput = {
    settings: measure.settings,
    points: whole.points,
    otherPoints: monthly?.points ?? [],
    stamp: { reason, by: ctx.actor(), at: ctx.now },
    centre: whole.control ? (whole.control.type === 'g' ? 'median and limits' : 'mean') : 'median',
    words: {
      references: mayNameChildren(ctx.turn),
      caseRefPattern: compileCaseRefPattern(programme.caseRefPattern),
      example: await freeCaseRefExample(ctx.store, programme),
    },
  };
  const change =
    verb === 'baseline'
      ? changeBaseline(input, said)
      : verb === 'chart'
        ? changeChart(input, said)
        : verb === 'phase'
          ? changePhase(input, said)
          : changeExclusion(input, said, verb === 'include');
  const saved = await saveSettings(ctx, measure, change.settings, change.action);
  const now = await analyseMeasure(ctx.store, programme, saved, { today, cases, audience: audienceOf(ctx.turn) });
  return [
    text(`*${plain(measure.name)}*: ${change.done} Reason kept: "${plain(reason)}".\nNow: ${now.sentences[0]}`),
  ];
}
