import type { Db } from 'mongodb';
import { promptMessage } from '../src/programme/prompts/prompt-message.js';
import { dueOccurrence } from '../src/programme/prompts/prompt-occurrences.js';
import { enqueueDelivery } from '../src/deliveries/enqueue-delivery.js';
import { allProgrammes } from '../src/digest/programmes.js';
import type { Logger } from '../src/log.js';
import { workspaceStore } from '../src/store/workspace-store.js';

export interface CoachPromptsDeps {
  db: Db;
  logger: Logger;
  clock: () => Date;
  /** Called when prompts were queued, to send them at once rather than at the next poll. */
  onQueued?: () => Promise<void>;
}

/**
 * Queues each prompt occurrence that has come (once, recurring, or relative to the group's
 * sub-group meetings) as a delivery to the group's channel, keyed by prompt, channel and
 * occurrence, so however often this runs, and on however many instances, each is posted once.
 */
export async function runCoachPrompts(deps: CoachPromptsDeps): Promise<number> {
  const now = deps.clock();
  let queued = 0;
  for (const programme of await allProgrammes(deps.db)) {
    const store = workspaceStore(deps.db, programme.workspaceId);
    const prompts = await store.prompts.find({ kind: 'prompt', status: 'active' }).toArray();
    for (const prompt of prompts) {
      const group = await store.groups.findOne({ key: prompt.groupKey });
      if (!group?.channel || !prompt.schedule) continue;
      const channel = group.channel.conversationId;
      const due = dueOccurrence(prompt.schedule, group, programme.timeZone, now);
      const finished = prompt.schedule.kind === 'once' && prompt.schedule.at <= now;
      if (due && due.toISOString() !== prompt.lastOccurrence) {
        const added = await enqueueDelivery(
          deps.db,
          {
            workspaceId: programme.workspaceId,
            kind: 'prompt',
            sourceId: prompt._id.toHexString(),
            occurrence: due.toISOString(),
            recipient: { platform: group.channel.platform, kind: 'channel', id: channel },
            replies: promptMessage(prompt, group),
          },
          now,
        );
        if (added) queued++;
      }
      if (due || finished) {
        const last = due ? { lastOccurrence: due.toISOString() } : {};
        const done = finished ? { status: 'done' as const } : {};
        const update = { $set: { ...last, ...done, updatedAt: now } };
        await store.prompts.updateOne({ _id: prompt._id }, update);
      }
    }
  }
  if (queued > 0) {
    deps.logger.info({ queued }, 'coach prompts queued');
    await deps.onQueued?.();
  }
  return queued;
}
