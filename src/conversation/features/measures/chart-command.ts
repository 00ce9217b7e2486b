import { NotFoundError, ValidationError } from '../../../errors.js';
import type { TurnContext } from '../../context.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { localToday } from '../../../programme/local-date.js';
import { buildMeasureChart } from '../../../programme/measures/build-measure-chart.js';
import { chartProposals } from './chart-proposals.js';
import { extractView, extractWindow } from '../../../programme/measures/chart-window.js';
import { describeSettings } from './describe-settings.js';
import { findMeasure, matchMeasure } from './find-measure.js';
import { slips } from '../../nearest-command.js';
import { listMeasures } from '../../../programme/measures/measure-catalogue.js';
import { extractTeam, requireTeam, teamFilter } from '../../../programme/cases/case-team.js';
import { loadCaseMilestones } from '../../../programme/cases/case-milestones.js';
import { catalogueOf } from '../../../programme/cases/milestone-settings.js';
import { retiredNote } from '../../../programme/cases/retired-note.js';
import { audienceOf } from '../../may-name-children.js';
import { wordsFor } from '../../channel-text.js';
import { SMALL_NUMBER_LIMIT, tooFewToDrawForGroup } from '../../../programme/measures/too-few-for-group.js';
import { milestoneLabel } from '../../../programme/cases/milestone-label.js';
import { chartTargetLine } from '../../../programme/measures/group-target-line.js';
import type { Group } from '../../../store/schemas/group.js';

/** A group named in a chart request ("group legal", or a group key as a word); the text without it. */
async function extractGroup(ctx: TurnContext, said: string): Promise<{ rest: string; named?: Group; groups: Group[] }> {
  const groups = await ctx.store.groups.find({}).toArray();
  for (const group of groups) {
    const named = new RegExp(`(?:^|\\s)(?:(?:for\\s+)?group\\s+)?${group.key}(?=\\s|$)`, 'i').exec(
      said,
    );
    if (named) return { rest: said.replace(named[0], ' '), named: group, groups };
  }
  return { rest: said, groups };
}

/** "run", "control", "spc" (with or without "chart") asks for that chart this once. */
function extractChartKind(said: string): { kind?: 'run' | 'control'; rest: string } {
  const match = /(?:^|\s)(run|control|spc)(?:\s+chart)?(?=\s|$)/i.exec(said);
  if (!match) return { rest: said };
  return { kind: match[1]!.toLowerCase() === 'run' ? 'run' : 'control', rest: said.replace(match[0], ' ') };
}

/**
 * `chart <measure> [group] [period] [monthly|per child] [run|control]`: the measure's chart (run or control, see choose-chart.ts) as an image, then the one or
 * two sentences that say what it shows under the programme's rule set.
 */
export async function chartCommand(ctx: TurnContext, rest: string): Promise<Reply[]> {
  const programme = ctx.requireProgramme();
  const today = localToday(ctx);
  const { kind, rest: withoutKind } = extractChartKind(rest);
  const { view, rest: withoutView } = extractView(withoutKind);
  const { window, rest: withoutWindow } = extractWindow(withoutView, today);
  // "team North" (last, after the period is read off): only that team's children.
  const { team: teamWords, rest: withoutTeam } = extractTeam(withoutWindow);
  const team = teamWords ? await requireTeam(ctx.store, teamWords) : undefined;
  // A group named is read off, as people add one, but the chart is the measure's: the tests of
  // change on it are those linked to the measure, whichever group asks. Only its target line is
  // the group's (group-target-line.ts says which group's).
  const { rest: said, named, groups } = await extractGroup(ctx, withoutTeam);
  const name = said
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:of|for)\s+/i, '');
  if (!name) {
    throw new ValidationError(
      'no_measure',
      'Which measure? e.g. `chart accommodation to recommendation last 12 months`. Type `measures` to see them all.',
    );
  }
  const measures = await listMeasures(ctx.store, ctx.now);
  // "chart wating" is `chart waiting` with a slip, not a measure of that name (phone try-out).
  const [first = '', ...after] = name.split(' ');
  if (!matchMeasure(measures, name) && first.length >= 5 && slips(first.toLowerCase(), 'waiting') === 1) {
    const meant = ['chart waiting', ...after].join(' ');
    throw new NotFoundError(`I don't know a measure called "${plain(name)}". Did you mean \`${plain(meant)}\`?`, 'unknown_measure');
  }
  const measure = findMeasure(measures, name);
  const target = chartTargetLine(groups, measure, { named, userId: ctx.turn.user.id, conversationId: ctx.turn.conversation.id });
  const chart = await buildMeasureChart(ctx.store, programme, measure, {
    today,
    groupTarget: target.line,
    // Case references go to a person only: in a channel the chart and its words name no child.
    references: ctx.turn.conversation.kind === 'direct',
    audience: audienceOf(ctx.turn),
    ...(kind ? { chart: kind } : {}),
    ...(view ? { view } : {}),
    ...(window ? { window } : {}),
    ...(team && measure.kind !== 'custom' ? { cases: await loadCaseMilestones(ctx.store, teamFilter(team)), scope: `team ${team}` } : {}),
  });
  if (measure.kind === 'interval' && tooFewToDrawForGroup(chart.result)) {
    const end = measure.to ? milestoneLabel(programme, measure.to) : measure.name;
    return [
      text(
        `Fewer than ${SMALL_NUMBER_LIMIT} children reached ${plain(end)}${team ? ` in team ${plain(team)}` : ''}: too few to draw child by child in a channel, where one child's dates could be recognised. ` +
          `Ask me in a direct message: \`chart ${plain(rest.trim().replace(/\s+/g, ' '))}\`.`,
      ),
    ];
  }
  const retired = measure.kind === 'custom' ? null : retiredNote(catalogueOf(programme), [measure.from, measure.to]);
  const control = chart.result.control;
  // A control chart's window keeps its baseline's limits itself (control-measure.ts), so no
  // carried run-chart median is described for it.
  const direct = ctx.turn.conversation.kind === 'direct';
  const settings = control
    ? describeSettings(measure.settings, null, measure.unit, control.type === 'g' ? 'median and limits' : 'mean and limits', direct, wordsFor(ctx))
    : describeSettings(measure.settings, chart.result.carriedBaseline, measure.unit, 'median', direct, wordsFor(ctx));
  const other =
    measure.kind === 'interval'
      ? chart.result.view === 'monthly'
        ? 'per child'
        : 'monthly'
      : null;
  const proposals = await chartProposals(ctx, programme, chart.result);
  const [headline, ...sentences] = phoneLines(chart.sentences, chart.result.badges);
  return [
    { kind: 'image', png: chart.png, alt: chart.alt, title: measure.name, ...(chart.table ? { table: chart.table } : {}) },
    text(
      [
        `*${plain(measure.name)}*${team ? ` (team ${plain(team)})` : ''}: ${headline ?? ''}`,
        ...sentences,
        retired ? `_${retired}_` : '',
        ...settings,
        other ? `_Also as \`chart ${measure.key} ${other}\`._` : '',
        targetLinesNote(target.others, name),
      ]
        .filter(Boolean)
        .join('\n'),
    ),
    ...proposals,
  ];
}

/**
 * The chart's words as lines for a phone: a control chart's Making Data Count badges first (the
 * verdict at a glance), then each sentence on a line of its own, not one paragraph of 900
 * characters. The digest keeps the badges at the end of the first sentence, as one line per chart.
 */
function phoneLines(sentences: readonly string[], badges: string): string[] {
  const [first = '', ...rest] = sentences;
  if (badges && first.endsWith(` ${badges}`)) return [badges, first.slice(0, -badges.length - 1), ...rest];
  return [first, ...rest];
}

/** Several groups draw this measure with their own target lines, and the request did not say whose. */
function targetLinesNote(others: readonly Group[], asked: string): string {
  if (others.length < 2) return '';
  const sorted = [...others].sort((a, b) => a.name.localeCompare(b.name));
  const names = new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(sorted.map((g) => plain(g.name)));
  return `_${names} have target lines for it: add the group, e.g. \`chart ${plain(asked)} group ${sorted[0]!.key}\`._`;
}
