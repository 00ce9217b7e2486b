import type { Feature } from '../../registry.js';
import { text } from '../../replies.js';
import { chartCommand } from './chart-command.js';
import { measuresList } from './measures-list.js';
import { newMeasure } from './new-measure.js';
import { answerOverwrite, KEEP_VERB, OVERWRITE_VERB } from './overwrite-dialog.js';
import { recordCommand, recordSentence } from './record-value.js';
import { settingsCommand } from './settings-command.js';
import { splitActions } from './split-actions.js';
import { waitingCommand } from './waiting-command.js';

const expired = [text('That question has already been answered, or it expired. Nothing changed.')];
const pendingId = (data: Record<string, unknown>) =>
  typeof data.pending === 'string' ? data.pending : '';

/** Measures and run charts: list, chart, waiting, custom measures and their values, chart settings. */
export const measuresFeature: Feature = {
  commands: [
    {
      words: ['measures'],
      roles: ['member'],
      usage: 'measures [group]',
      example: 'measures permanence-milestones',
      summary: 'Each measure with its latest value and what the run-chart rules say.',
      run: async (ctx, rest) => [text(await measuresList(ctx, rest))],
    },
    {
      // "charts" is what people ask for; help lists it once, under `measures` (same usage).
      words: ['charts'],
      roles: ['member'],
      usage: 'measures [group]',
      example: 'measures permanence-milestones',
      summary: 'Each measure with its latest value and what the run-chart rules say.',
      run: async (ctx, rest) => [text(await measuresList(ctx, rest))],
    },
    {
      words: ['chart'],
      roles: ['member'],
      usage: 'chart <measure> [group] [period] [monthly] [run|control]',
      example: 'chart accommodation to recommendation last 12 months',
      summary:
        'The chart of a measure, with its signals in plain words: a run chart, or a control chart (I, C or P) from 20 points on.',
      run: chartCommand,
    },
    {
      words: ['chart', 'waiting'],
      roles: ['member'],
      usage: 'chart waiting [stage]',
      example: 'chart waiting accommodation to recommendation',
      summary: 'Children still waiting at each stage, by how long.',
      run: waitingCommand,
    },
    {
      words: ['measure', 'new'],
      roles: ['lead', 'coach'],
      usage:
        'measure new "<name>" unit <%|count…> better up|down [target <n>] [group <g>] [monthly|weekly|per-meeting]',
      example: 'measure new "Template use" unit % better up target 80 monthly',
      summary: 'Define a measure your group records by hand.',
      run: async (ctx, rest) => [text(await newMeasure(ctx, rest))],
    },
    {
      words: ['measure', 'record'],
      roles: ['member'],
      usage: 'measure record <measure> <period> <value>',
      example: 'measure record template use Oct 2026 64%',
      summary:
        'Record a value of a custom measure (or just say it: "template use for October was 64%"); a share can be said as "17 of 20", which also lets its chart be a P chart.',
      run: recordCommand,
    },
    {
      words: ['measure'],
      roles: ['lead', 'coach'],
      usage:
        'measure <measure> baseline <n>|phase from <point>|exclude <point>|include <point>|chart run|control|auto "<reason>"',
      example: 'measure acc-rec baseline 12 "before the 72-hour agenda"',
      summary:
        'Change how a chart is read (baseline, phases, exclusions, run or control chart); needs a reason.',
      run: settingsCommand,
    },
  ],
  actions: [
    {
      verb: OVERWRITE_VERB,
      run: async (ctx, data) =>
        (await answerOverwrite(ctx, 'overwrite', pendingId(data))) ?? expired,
    },
    {
      verb: KEEP_VERB,
      run: async (ctx, data) => (await answerOverwrite(ctx, 'keep', pendingId(data))) ?? expired,
    },
    ...splitActions,
  ],
  sentences: [
    {
      name: 'overwrite-answer',
      async run(ctx, said) {
        const answer = /^(overwrite|replace)(?:\s+it)?[.!]?$/i.test(said)
          ? 'overwrite'
          : /^keep(?:\s+(?:it|the old(?: one| value)?))?[.!]?$/i.test(said)
            ? 'keep'
            : null;
        return answer ? answerOverwrite(ctx, answer) : null;
      },
    },
    {
      name: 'show-chart',
      async run(ctx, said) {
        // "the run chart of x" / "the control chart of x" asks for that kind of chart.
        const kind =
          /^(?:show\s+(?:me\s+)?)?(?:the\s+)?(run|control)\s+chart\s+(?:of\s+|for\s+)?(.+)$/i.exec(said);
        if (kind) return chartCommand(ctx, `${kind[2]!} ${kind[1]!.toLowerCase()}`);
        const match = /^show\s+(?:me\s+)?(?:the\s+)?chart\s+(?:of|for)\s+(.+)$/i.exec(said);
        return match ? chartCommand(ctx, match[1]!) : null;
      },
    },
    { name: 'record-measure-value', run: recordSentence },
  ],
};
