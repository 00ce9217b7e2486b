import type { Db } from 'mongodb';
import type { z } from 'zod';
import { COLLECTIONS } from './collections.js';
import { ScopedCollection, type WorkspaceOwned } from './scoped-collection.js';
import { AuditEntrySchema, type AuditEntry } from './schemas/audit.js';
import { CaseSchema, type Case } from './schemas/case.js';
import { ChangeIdeaSchema, type ChangeIdea } from './schemas/change-idea.js';
import { DataPointSchema, type DataPoint } from './schemas/data-point.js';
import { DeliverySchema, type Delivery } from './schemas/delivery.js';
import { DigestSchema, type Digest } from './schemas/digest.js';
import { GroupSchema, type Group } from './schemas/group.js';
import { MeasureSchema, type Measure } from './schemas/measure.js';
import { MemberSchema, type Member } from './schemas/member.js';
import { PdsaCycleSchema, type PdsaCycle } from './schemas/pdsa.js';
import { PendingActionSchema, type PendingAction } from './schemas/pending-action.js';
import { ProgrammeSchema, type Programme } from './schemas/programme.js';
import { TrackerImportSchema, type TrackerImport } from './schemas/tracker-import.js';
import { NoticeSchema, type Notice } from './schemas/notice.js';
import { WebMessageSchema, type WebMessage } from './schemas/web-message.js';
import { PromptResponseSchema, PromptSchema, type Prompt, type PromptResponse } from './schemas/prompt.js';

/**
 * Everything one workspace may touch. Handlers receive this, never the raw `Db`, so a query without
 * the workspace clause cannot be written by accident. Feature modules add their collections here.
 */
export function workspaceStore(db: Db, workspaceId: string) {
  const scoped = <T extends WorkspaceOwned>(name: string, schema: z.ZodObject) =>
    new ScopedCollection<T>(db, name, workspaceId, schema);
  const audit = scoped<AuditEntry>(COLLECTIONS.audit, AuditEntrySchema);
  return {
    workspaceId,
    db,
    members: scoped<Member>(COLLECTIONS.members, MemberSchema),
    programmes: scoped<Programme>(COLLECTIONS.programmes, ProgrammeSchema),
    groups: scoped<Group>(COLLECTIONS.groups, GroupSchema),
    cases: scoped<Case>(COLLECTIONS.cases, CaseSchema),
    pdsa: scoped<PdsaCycle>(COLLECTIONS.pdsa, PdsaCycleSchema),
    changeIdeas: scoped<ChangeIdea>(COLLECTIONS.changeIdeas, ChangeIdeaSchema),
    measures: scoped<Measure>(COLLECTIONS.measures, MeasureSchema),
    dataPoints: scoped<DataPoint>(COLLECTIONS.dataPoints, DataPointSchema),
    pending: scoped<PendingAction>(COLLECTIONS.pending, PendingActionSchema),
    prompts: scoped<Prompt>(COLLECTIONS.prompts, PromptSchema),
    promptResponses: scoped<PromptResponse>(COLLECTIONS.promptResponses, PromptResponseSchema),
    digests: scoped<Digest>(COLLECTIONS.digests, DigestSchema),
    deliveries: scoped<Delivery>(COLLECTIONS.deliveries, DeliverySchema),
    imports: scoped<TrackerImport>(COLLECTIONS.imports, TrackerImportSchema),
    notices: scoped<Notice>(COLLECTIONS.notices, NoticeSchema),
    webMessages: scoped<WebMessage>(COLLECTIONS.webMessages, WebMessageSchema),
    audit,
    /** Appends one audit entry. The log is append-only: nothing in the code updates or deletes it, except erasure. */
    recordAudit(entry: Omit<AuditEntry, 'workspaceId' | 'at'> & { at?: Date }) {
      return audit.insertOne({ ...entry, at: entry.at ?? new Date() });
    },
    /** Next number of a per-workspace sequence (e.g. PDSA short ids), atomic across instances. */
    async nextSequence(name: string): Promise<number> {
      const counters = db.collection<{ _id: string; seq: number }>(COLLECTIONS.counters);
      const doc = await counters.findOneAndUpdate(
        { _id: `${workspaceId}:${name}` },
        { $inc: { seq: 1 } },
        { upsert: true, returnDocument: 'after' },
      );
      return doc!.seq;
    },
  };
}

export type WorkspaceStore = ReturnType<typeof workspaceStore>;
