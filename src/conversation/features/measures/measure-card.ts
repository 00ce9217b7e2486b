import type { Card } from '../../../../cards/model.js';
import { wordsFor } from '../../channel-text.js';
import type { TurnContext } from '../../context.js';
import { describeSettings } from './describe-settings.js';
import type { MeasureDefinition } from '../../../programme/measures/measure-catalogue.js';
import { milestoneLabel } from '../../../programme/cases/milestone-label.js';
import { describeUnitRule } from './unit-rules.js';
import { valueWithUnit } from '../../../programme/measures/value-with-unit.js';
import { plain } from '../../replies.js';

const KINDS = {
  interval: 'time between two milestones, per child',
  proportion: '% of children within the target time',
  custom: 'values the group records',
};

/** One measure: what it is, how it is read, and the lead's chart settings with their reasons. */
export async function measureCard(ctx: TurnContext, measure: MeasureDefinition): Promise<Card> {
  const programme = ctx.requireProgramme();
  const group = measure.groupKey ? await ctx.store.groups.findOne({ key: measure.groupKey }) : null;
  const span =
    measure.from && measure.to
      ? [
          {
            label: 'From → to',
            value: plain(`${milestoneLabel(programme, measure.from)} → ${milestoneLabel(programme, measure.to)}`),
          },
        ]
      : [];
  // In a channel, a baseline or phase a lead set at a child is named by its date, not the reference.
  const settings = describeSettings(measure.settings, null, '', 'median', ctx.turn.conversation.kind === 'direct', wordsFor(ctx));
  return {
    title: measure.name,
    subtitle: `\`${measure.key}\``,
    facts: [
      { label: 'Kind', value: KINDS[measure.kind] },
      ...span,
      {
        label: 'Values',
        value:
          measure.kind === 'custom'
            ? `${describeUnitRule(measure.unit)}, ${measure.frequency}`
            : plain(measure.unit),
      },
      { label: 'Better', value: measure.betterDirection === 'up' ? 'higher' : 'lower' },
      {
        label: 'Chart',
        value: measure.settings.chart
          ? `always a ${measure.settings.chart.kind} chart (chosen by a lead)`
          : 'a run chart; a control chart from 20 points on, when the data suits one',
      },
      ...(measure.target !== undefined
        ? [{ label: 'Target', value: plain(valueWithUnit(measure.target, measure.unit)) }]
        : []),
      ...(group ? [{ label: 'Group', value: plain(group.name) }] : []),
    ],
    sections: [
      {
        heading: 'How the chart is read',
        text:
          settings.length > 0
            ? settings.map((s) => `- ${s}`).join('\n')
            : 'Median from all points; nothing excluded.',
      },
      { text: `\`chart ${measure.key}\` draws it.` },
    ],
  };
}
