import { buildPrivacyReport } from '../../../programme/privacy/privacy-report.js';
import type { Feature } from '../../registry.js';
import { auditedWorkbook } from '../../audited-workbook.js';

export const PRIVACY_REPORT_VERB = 'privacy.report';

/** `privacy report` (admins): the workbook a data protection officer needs for a DPIA. */
export const privacyFeature: Feature = {
  actions: [
    {
      verb: PRIVACY_REPORT_VERB,
      run: (ctx) => privacyFeature.commands![0]!.run(ctx, ''),
    },
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
  ],
};
