import type { TurnContext } from '../../context.js';
import { text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { auditCase } from '../milestones/audit-case.js';
import { findMentions } from './find-mentions.js';

// Slack cuts messages at 40,000 characters; leave room for the heading.
const MAX_CHARS = 38_000;

/**
 * `case C1042 export` (admins): everything held on one reference — the case, its audit trail, and
 * every other record that names it (PDSA notes, digests, open questions) — as JSON. The export is
 * itself audited, since it discloses a child's record.
 */
export async function exportCase(ctx: TurnContext, caseRef: string): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'export a case');
  const [found, mentions] = await Promise.all([
    ctx.store.cases.findOne({ caseRef }),
    findMentions(ctx.store, caseRef),
  ]);
  const isTrail = (m: (typeof mentions)[number]) =>
    m.collection === 'audit' && m.doc.entity === 'case' && m.doc.entityId === caseRef;
  const trail = mentions.filter(isTrail).map(({ doc }) => ({
    at: doc.at,
    actor: doc.actor,
    action: doc.action,
    before: doc.before,
    after: doc.after,
    source: doc.source,
  }));
  const elsewhere = mentions
    .filter((m) => !isTrail(m))
    .flatMap((m) => m.hits.map((h) => ({ collection: m.collection, id: m.doc._id, field: h.path, text: h.text })));
  if (!found && mentions.length === 0) return [text(`Nothing is held on ${caseRef}.`)];
  const held = {
    caseRef,
    exportedAt: ctx.now,
    exportedBy: ctx.actor(),
    case: found
      ? { milestones: found.milestones, version: found.version, createdAt: found.createdAt, updatedAt: found.updatedAt, ...(found.groupKey ? { groupKey: found.groupKey } : {}), ...(found.route ? { route: found.route } : {}) }
      : null,
    auditTrail: trail,
    mentions: elsewhere,
  };
  await auditCase(ctx, caseRef, 'export', null, null, { platform: ctx.turn.platform, eventId: ctx.turn.eventId });
  const pretty = JSON.stringify(held, null, 2);
  const json = pretty.length <= MAX_CHARS ? pretty : JSON.stringify(held);
  const note = json.length > MAX_CHARS ? '\n(Too long for one message: the start is shown. Ask data support for the full export.)' : '';
  return [text(`*Everything held on ${caseRef}*\n\`\`\`\n${json.slice(0, MAX_CHARS)}\n\`\`\`${note}`)];
}
