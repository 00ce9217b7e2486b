import { z } from 'zod';
import { IsoDateSchema, UserIdSchema } from './common.js';

/**
 * A Reply as stored: text, a neutral card (JSON), or an image by its index in the owner's `images`,
 * so a chart shared by the channel and a lead's message is stored once.
 */
export const StoredReplySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().max(40_000) }),
  z.object({ kind: z.literal('card'), card: z.looseObject({ title: z.string() }) }),
  z.object({ kind: z.literal('image'), image: z.number().int().min(0) }),
]);
export type StoredReply = z.infer<typeof StoredReplySchema>;

/** PNG bytes (a Buffer going in; the driver hands back a BSON Binary). */
export const StoredImageSchema = z.object({
  png: z.custom<Uint8Array | { buffer: Uint8Array }>((v) => typeof v === 'object' && v !== null),
  alt: z.string().max(4000),
  title: z.string().max(200).optional(),
});
export type StoredImage = z.infer<typeof StoredImageSchema>;

/** The meeting pack built with the digest (a PDF naming no child), sent after the channel's part. */
export const StoredPackSchema = z.object({
  pdf: z.custom<Uint8Array | { buffer: Uint8Array }>((v) => typeof v === 'object' && v !== null),
  fileName: z.string().max(200),
  title: z.string().max(200),
  alt: z.string().max(4000),
});
export type StoredPack = z.infer<typeof StoredPackSchema>;

/** A lead's direct message: their groups' parts, with case references. */
export const LeadPartSchema = z.object({
  userId: UserIdSchema,
  groupKeys: z.array(z.string()),
  replies: z.array(StoredReplySchema),
});

export const DigestStatusSchema = z.enum(['building', 'queued', 'sent']);

/**
 * The digest for one champions' meeting. `_id` is `<workspaceId>:<scheduled date>`, so however many
 * instances plan at once there is one digest per meeting; a moved meeting keeps its scheduled date.
 */
export const DigestSchema = z.object({
  _id: z.string().min(3).max(260),
  workspaceId: z.string(),
  /** The cadence's date for the meeting (YYYY-MM-DD): identifies the occurrence even when moved. */
  occurrence: IsoDateSchema,
  /** When the meeting happens. */
  meetingDate: z.date(),
  meetingLocalDate: IsoDateSchema,
  /** When the digest was due (its planned send time). */
  dueAt: z.date(),
  /** Start of "since the last meeting"; null when there was none. */
  since: z.date().nullable(),
  status: DigestStatusSchema,
  /** Who is building it and until when; another instance takes over after `until`. */
  build: z.object({ by: z.string().max(200), until: z.date() }).optional(),
  channel: z.array(StoredReplySchema).default([]),
  leads: z.array(LeadPartSchema).default([]),
  images: z.array(StoredImageSchema).default([]),
  pack: StoredPackSchema.optional(),
  /** Coach questions this digest carried (prompt ids), so each is asked once. */
  questionIds: z.array(z.string()).default([]),
  createdAt: z.date(),
  builtAt: z.date().optional(),
  sentAt: z.date().optional(),
  /** When its chart images were removed, the meeting being older than those whose charts are kept. */
  chartsRemovedAt: z.date().optional(),
});
export type Digest = z.infer<typeof DigestSchema>;
