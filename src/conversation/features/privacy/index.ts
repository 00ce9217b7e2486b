import { buildPrivacyReport } from '../../../programme/privacy/privacy-report.js';
import type { Feature } from '../../registry.js';
import { auditedWorkbook } from '../../audited-workbook.js';
import { KEPT_FOR_DIRECT_MESSAGE } from '../../channel-privacy.js';
import { mayNameChildren } from '../../may-name-children.js';
import {
  askEraseProgramme,
  cancelEraseProgramme,
  confirmEraseProgramme,
  ERASE_PROGRAMME_VERB,
  KEEP_PROGRAMME_VERB,
} from './erase-programme.js';

export const PRIVACY_REPORT_VERB = 'privacy.report';

/** `privacy report` (admins): the workbook a data protection officer needs for a DPIA. */
export const privacyFeature: Feature = {
  actions: [
    {
      verb: PRIVACY_REPORT_VERB,
      run: (ctx) => privacyFeature.commands![0]!.run(ctx, ''),
    },
    { verb: ERASE_PROGRAMME_VERB, run: (ctx, data) => confirmEraseProgramme(ctx, data.pending) },
    { verb: KEEP_PROGRAMME_VERB, run: (ctx, data) => cancelEraseProgramme(ctx, data.pending) },
  ],
  commands: [
    {
      words: ['privacy', 'report'],
      roles: ['admin'],
      usage: 'privacy report',
      example: 'privacy report',
      summary: 'For your data protection officer: what is held (fields and counts, no values), where, retention, erasures and exports, roles.',
      async run(ctx) {
        ctx.requireRole(['admin'], 'make the privacy report');
        // Its register names children's references: a direct message only, as `export` (and not
        // built, nor audited as made, where it would be held back).
        if (!mayNameChildren(ctx.turn)) return [{ kind: 'text', text: KEPT_FOR_DIRECT_MESSAGE }];
        const report = await buildPrivacyReport(ctx, ctx.deps.storeLocation ?? 'not known to this process');
        return auditedWorkbook(ctx, 'privacy_report', {
          ...report,
          title: 'Privacy report',
          alt: 'What pacebot holds for this workspace (field names and counts, no values), where, the retention rule, erasures and exports, and roles.',
          audited: null,
          again: { verb: PRIVACY_REPORT_VERB },
        });
      },
    },
    {
      words: ['erase', 'programme'],
      roles: ['admin'],
      usage: 'erase programme',
      example: 'erase programme',
      summary: 'For an area leaving pacebot: deletes everything held for this workspace, after a card with the counts. Export first.',
      run: (ctx) => askEraseProgramme(ctx),
    },
  ],
};
