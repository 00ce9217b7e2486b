import type { WorkspaceStore } from '../../store/workspace-store.js';
import { SEED_IDEAS } from './seed-ideas.js';

const SYSTEM_ACTOR = { userId: 'pacebot', name: 'pacebot' };
const SYSTEM_SOURCE = { platform: 'system', eventId: 'seed-change-ideas' };

/**
 * Puts the programme's published change ideas into the workspace's library. Idempotent: an entry
 * that exists (even one a coach has since edited or retired) is left alone, so seeding may run on
 * every read; once all are present it costs one count. Returns how many entries it added.
 */
export async function seedChangeIdeas(store: WorkspaceStore, now: Date): Promise<number> {
  const keys = SEED_IDEAS.map((idea) => idea.key);
  if ((await store.changeIdeas.countDocuments({ key: { $in: keys } })) >= keys.length) return 0;
  const added: string[] = [];
  for (const idea of SEED_IDEAS) {
    const seed = {
      ...idea,
      source: 'programme' as const,
      retired: false,
      createdAt: now,
      updatedAt: now,
    };
    try {
      const result = await store.changeIdeas.updateOne(
        { key: idea.key },
        { $setOnInsert: seed },
        { upsert: true },
      );
      if (result.upsertedCount > 0) added.push(idea.key);
    } catch (error) {
      // 11000: another instance seeded this entry at the same moment; theirs is as good as ours.
      if ((error as { code?: number }).code !== 11000) throw error;
    }
  }
  if (added.length > 0) {
    await store.recordAudit({
      actor: SYSTEM_ACTOR,
      source: SYSTEM_SOURCE,
      entity: 'change_idea',
      entityId: 'library',
      action: 'seed',
      before: null,
      after: { keys: added },
      at: now,
    });
  }
  return added.length;
}
