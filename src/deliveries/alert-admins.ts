import type { Db } from 'mongodb';
import { COLLECTIONS } from '../store/collections.js';
import type { Delivery } from '../store/schemas/delivery.js';
import type { Member } from '../store/schemas/member.js';
import { enqueueDelivery } from './enqueue-delivery.js';
import { plain } from '../../cards/plain-text.js';

type Trouble = 'failed' | 'uncertain';

function what(record: Delivery, name: string): string {
  switch (record.kind) {
    case 'digest':
      return record.part === 'channel'
        ? "the digest to the champions' channel"
        : `${plain(name)}'s part of the digest`;
    case 'prompt':
      return "a coach's prompt to an aim group's channel";
    case 'reminder':
      return `a reminder to ${plain(name)}`;
    default:
      return 'a message';
  }
}

/** The sentence an admin reads: what did not go out, why, and what to do. */
export function alertText(record: Delivery, status: Trouble, name = 'someone'): string {
  if (status === 'uncertain') {
    return (
      `I may or may not have delivered ${what(record, name)}: I was stopped in the middle of ` +
      'sending it, and Teams cannot tell me whether the last message arrived. Please check the ' +
      'conversation; I will not send it again by myself, so nobody gets it twice.'
    );
  }
  const { lastError } = record;
  const said = lastError ? ` The platform said: ${plain(lastError.message)} (${plain(lastError.code)}).` : '';
  return (
    `I could not deliver ${what(record, name)} after ${record.attempts} tries.${said} ` +
    'If I was removed from the conversation, add me back; nothing more will be sent for this one.'
  );
}

/**
 * Tells every admin of the workspace, by direct message, that a delivery failed or is uncertain.
 * Alerts are deliveries too (exactly once per admin and incident); a failed alert raises no alert.
 */
export async function alertAdmins(
  db: Db,
  record: Delivery,
  status: Trouble,
  now: Date,
): Promise<number> {
  if (record.kind === 'alert') return 0;
  const { workspaceId } = record;
  const members = db.collection<Member>(COLLECTIONS.members);
  const admins = await members.find({ workspaceId, roles: 'admin' }).toArray();
  const { kind, id } = record.recipient;
  const recipient = kind === 'user' ? await members.findOne({ workspaceId, userId: id }) : null;
  const text = alertText(record, status, recipient?.name);
  let queued = 0;
  for (const admin of admins) {
    const added = await enqueueDelivery(
      db,
      {
        workspaceId,
        kind: 'alert',
        sourceId: record.idempotencyKey,
        occurrence: status,
        recipient: { platform: record.recipient.platform, kind: 'user', id: admin.userId },
        replies: [{ kind: 'text', text }],
      },
      now,
    );
    if (added) queued++;
  }
  return queued;
}
