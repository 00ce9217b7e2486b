import { ValidationError } from '../../../errors.js';
import type { TurnContext } from '../../context.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { localToday } from '../../../programme/local-date.js';
import { buildMeasureChart } from '../../../programme/measures/build-measure-chart.js';
import { extractView, extractWindow } from '../../../programme/measures/chart-window.js';
import { describeSettings } from './describe-settings.js';
import { findMeasure } from './find-measure.js';
import { listMeasures } from '../../../programme/measures/measure-catalogue.js';

/** A group named in a chart request ("group legal", or a group key as a word); the text without it. */
async function extractGroup(ctx: TurnContext, said: string): Promise<{ rest: string }> {
  const groups = await ctx.store.groups.find({}).toArray();
  for (const group of groups) {
    const named = new RegExp(`(?:^|\\s)(?:(?:for\\s+)?group\\s+)?${group.key}(?=\\s|$)`, 'i').exec(
      said,
    );
    if (named) return { rest: said.replace(named[0], ' ') };
  }
  return { rest: said };
}

/**
 * `chart <measure> [group] [period] [monthly|per child]`: the run chart as an image, then the one or
 * two sentences that say what it shows under the programme's rule set.
 */
export async function chartCommand(ctx: TurnContext, rest: string): Promise<Reply[]> {
  const programme = ctx.requireProgramme();
  const today = localToday(ctx);
  const { view, rest: withoutView } = extractView(rest);
  const { window, rest: withoutWindow } = extractWindow(withoutView, today);
  // A group named is read off, as people add one, but the chart is the measure's: the tests of
  // change on it are those linked to the measure, whichever group asks.
  const { rest: said } = await extractGroup(ctx, withoutWindow);
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
  const measure = findMeasure(await listMeasures(ctx.store, ctx.now), name);
  const chart = await buildMeasureChart(ctx.store, programme, measure, {
    today,
    ...(view ? { view } : {}),
    ...(window ? { window } : {}),
  });
  const settings = describeSettings(measure.settings, chart.result.carriedBaseline, measure.unit);
  const other =
    measure.kind === 'interval'
      ? chart.result.view === 'monthly'
        ? 'per child'
        : 'monthly'
      : null;
  return [
    { kind: 'image', png: chart.png, alt: chart.alt, title: measure.name },
    text(
      [
        `*${plain(measure.name)}*: ${chart.sentences.join(' ')}`,
        ...settings,
        other ? `_Also as \`chart ${measure.key} ${other}\`._` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    ),
  ];
}
