import { buildProgrammeWorkbook } from '../../../programme/export/programme-workbook.js';
import type { TurnContext } from '../../context.js';
import type { Feature } from '../../registry.js';
import type { Reply } from '../../turn.js';
import { auditedWorkbook } from '../../audited-workbook.js';
import { KEPT_FOR_DIRECT_MESSAGE } from '../../channel-privacy.js';
import { mayNameChildren } from '../../may-name-children.js';

export const EXPORT_PROGRAMME_VERB = 'programme.export';

/**
 * `export` (admins): the whole programme as a workbook — the tracker (in the layout the import
 * reads back), tests of change, measures with their run-chart reading, and the audit — audited.
 * Moving out is possible at any time.
 */
async function exportProgramme(ctx: TurnContext): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'export the programme');
  // Its tracker names every child: a workbook's contents cannot be checked on the way out, so never here.
  if (!mayNameChildren(ctx.turn)) return [{ kind: 'text', text: KEPT_FOR_DIRECT_MESSAGE }];
  const workbook = await buildProgrammeWorkbook(ctx);
  const { cases, cycles, measures, auditEntries } = workbook.counts;
  return auditedWorkbook(ctx, 'export', {
    ...workbook,
    title: 'Programme export',
    alt:
      `${cases} children's tracker rows, ${cycles} tests of change, ${measures} measures and ` +
      `${auditEntries} audit entries. It holds children's data: keep it as securely as case files.`,
    audited: workbook.counts,
    again: { verb: EXPORT_PROGRAMME_VERB },
  });
}

export const exportFeature: Feature = {
  commands: [
    {
      words: ['export'],
      roles: ['admin'],
      usage: 'export',
      example: 'export',
      summary:
        'The whole programme as an Excel workbook: tracker, settings, aim groups, people, tests of change, measures, audit. ' +
        'Its Tracker sheet imports back as it is.',
      run: (ctx) => exportProgramme(ctx),
    },
  ],
  actions: [{ verb: EXPORT_PROGRAMME_VERB, run: (ctx) => exportProgramme(ctx) }],
};
