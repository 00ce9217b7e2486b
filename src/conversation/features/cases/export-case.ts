import type { Case } from '../../../store/schemas/case.js';
import type { TurnContext } from '../../context.js';
import { text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { auditCase } from '../../../programme/cases/audit-case.js';
import { findMentions, type Mention } from '../../../programme/cases/find-mentions.js';

// Slack cuts messages at 40,000 characters; leave room for the heading.
const MAX_CHARS = 38_000;
const TOO_LONG = '\n(Too long for one message: the start is shown. Ask data support for the rest.)';

function heldCase(found: Case | null) {
  if (!found) return null;
  const { milestones, version, createdAt, updatedAt, groupKey, route } = found;
  return { milestones, version, createdAt, updatedAt, groupKey, route };
}

/**
 * `case C1042 export` (admins): everything held on one reference — the case, its audit trail,
 * and every other record that names it (PDSA notes, digests, questions) — as JSON. The export is
 * itself audited, since it discloses a child's record.
 */
export async function exportCase(ctx: TurnContext, caseRef: string): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'export a case');
  const [found, mentions] = await Promise.all([
    ctx.store.cases.findOne({ caseRef }),
    findMentions(ctx.store, caseRef),
  ]);
  if (!found && mentions.length === 0) return [text(`Nothing is held on ${caseRef}.`)];
  const isTrail = (m: Mention) =>
    m.collection === 'audit' && m.doc.entity === 'case' && m.doc.entityId === caseRef;
  const auditTrail = mentions
    .filter(isTrail)
    .map(({ doc: { at, actor, action, before, after, source } }) => ({
      at,
      actor,
      action,
      before,
      after,
      // Never the source's text: it is the message the change came from, which may name and date
      // other children too ("LAC review 14/10 for C1042 and C1077").
      source: { platform: source.platform, eventId: source.eventId },
    }));
  const elsewhere = mentions
    .filter((m) => !isTrail(m))
    .flatMap(({ collection, doc, hits }) =>
      hits.map((h) => ({ collection, id: doc._id, field: h.path, text: h.text })),
    );
  const held = {
    caseRef,
    exportedAt: ctx.now,
    exportedBy: ctx.actor(),
    case: heldCase(found),
    auditTrail,
    mentions: elsewhere,
  };
  const { platform, eventId } = ctx.turn;
  await auditCase(ctx, caseRef, 'export', null, null, { platform, eventId });
  const pretty = JSON.stringify(held, null, 2);
  const json = pretty.length <= MAX_CHARS ? pretty : JSON.stringify(held);
  const note = json.length > MAX_CHARS ? TOO_LONG : '';
  const block = `\`\`\`\n${json.slice(0, MAX_CHARS)}\n\`\`\``;
  return [text(`*Everything held on ${caseRef}*\n${block}${note}`)];
}
