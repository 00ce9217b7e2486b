import type { Db, IndexDescription } from 'mongodb';

/** Every collection pacebot uses, with the indexes that make its queries fast and its uniqueness real. */
export const COLLECTIONS = {
  workspaces: 'workspaces',
  members: 'members',
  programmes: 'programmes',
  groups: 'groups',
  cases: 'cases',
  audit: 'audit',
  pdsa: 'pdsa_cycles',
  changeIdeas: 'change_ideas',
  measures: 'measures',
  dataPoints: 'data_points',
  pending: 'pending_actions',
  counters: 'counters',
  conversationRefs: 'conversation_refs',
  processedEvents: 'processed_events',
  prompts: 'prompts',
  promptResponses: 'prompt_responses',
  digests: 'digests',
  deliveries: 'deliveries',
  slackInstallations: 'slack_installations',
  imports: 'tracker_imports',
  migrations: 'migrations',
  notices: 'notices',
  /** Messages the bot posted into the local chat's channels and direct conversations. */
  webMessages: 'web_messages',
} as const;

export type CollectionKey = keyof typeof COLLECTIONS;

const unique = (key: Record<string, 1 | -1>, name: string): IndexDescription => ({ key, name, unique: true });
const plain = (key: Record<string, 1 | -1>, name: string): IndexDescription => ({ key, name });

export const INDEXES: Record<CollectionKey, IndexDescription[]> = {
  workspaces: [],
  members: [unique({ workspaceId: 1, userId: 1 }, 'workspace_user')],
  programmes: [unique({ workspaceId: 1 }, 'one_programme_per_workspace')],
  groups: [unique({ workspaceId: 1, key: 1 }, 'workspace_group_key')],
  cases: [
    unique({ workspaceId: 1, caseRef: 1 }, 'workspace_case_ref'),
    plain({ workspaceId: 1, groupKey: 1 }, 'workspace_group'),
    // The repair sweep looks for these every minute across every workspace.
    plain({ 'lastChange.pendingAudit': 1 }, 'change_audit_pending'),
  ],
  audit: [
    plain({ workspaceId: 1, entity: 1, entityId: 1, at: -1 }, 'entity_history'),
    plain({ workspaceId: 1, 'actor.userId': 1, at: -1 }, 'by_actor'),
    {
      key: { workspaceId: 1, changeKey: 1, entityId: 1 },
      name: 'one_entry_per_change',
      unique: true,
      partialFilterExpression: { changeKey: { $exists: true } },
    },
  ],
  pdsa: [
    unique({ workspaceId: 1, number: 1 }, 'workspace_short_id'),
    plain({ workspaceId: 1, ownerId: 1, stage: 1 }, 'by_owner'),
    plain({ workspaceId: 1, groupKey: 1, stage: 1 }, 'by_group'),
  ],
  changeIdeas: [unique({ workspaceId: 1, key: 1 }, 'workspace_idea_key')],
  measures: [unique({ workspaceId: 1, key: 1 }, 'workspace_measure_key'), plain({ workspaceId: 1, groupKey: 1 }, 'by_group')],
  dataPoints: [unique({ workspaceId: 1, measureKey: 1, period: 1 }, 'one_value_per_period')],
  pending: [plain({ workspaceId: 1, userId: 1, status: 1 }, 'open_for_user'), plain({ status: 1, leaseUntil: 1 }, 'stopped_changes')],
  counters: [],
  conversationRefs: [unique({ platform: 1, conversationId: 1 }, 'platform_conversation'), plain({ workspaceId: 1, userId: 1 }, 'by_user')],
  processedEvents: [{ key: { at: 1 }, name: 'expire_after_a_week', expireAfterSeconds: 7 * 24 * 3600 }],
  prompts: [plain({ workspaceId: 1, groupKey: 1 }, 'by_group')],
  promptResponses: [plain({ workspaceId: 1, promptId: 1, at: 1 }, 'by_prompt')],
  digests: [plain({ workspaceId: 1, meetingDate: -1 }, 'by_meeting')],
  deliveries: [unique({ idempotencyKey: 1 }, 'idempotency_key'), plain({ status: 1, nextAttemptAt: 1 }, 'due')],
  slackInstallations: [unique({ installationId: 1 }, 'installation')],
  imports: [unique({ workspaceId: 1, number: 1 }, 'workspace_import_number'), plain({ status: 1, leaseUntil: 1 }, 'unfinished')],
  migrations: [],
  notices: [unique({ workspaceId: 1, key: 1 }, 'workspace_notice_key'), plain({ kind: 1, status: 1 }, 'by_kind_status')],
  webMessages: [
    {
      key: { workspaceId: 1, key: 1 },
      name: 'one_message_per_key',
      unique: true,
      partialFilterExpression: { key: { $exists: true } },
    },
    plain({ workspaceId: 1, conversationId: 1, at: -1 }, 'conversation_log'),
  ],
};

/** Creates every index; safe to run at each start (createIndexes is idempotent for identical specs). */
export async function ensureIndexes(db: Db): Promise<void> {
  for (const [key, indexes] of Object.entries(INDEXES) as [CollectionKey, IndexDescription[]][]) {
    const name = COLLECTIONS[key];
    if (indexes.length === 0) {
      const exists = await db.listCollections({ name }, { nameOnly: true }).hasNext();
      if (!exists) await db.createCollection(name).catch(ignoreAlreadyExists);
      continue;
    }
    await db.collection(name).createIndexes(indexes);
  }
}

function ignoreAlreadyExists(error: { code?: number }): void {
  // 48 NamespaceExists: another instance created it between our check and our create.
  if (error.code !== 48) throw error;
}
