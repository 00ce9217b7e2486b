import { z } from 'zod';
import { ObjectIdSchema } from './common.js';

/**
 * A message the bot posted into the local chat (a digest, a coach's prompt, a reminder), rendered
 * as the page shows it. A lead's copy of the digest names children, so erasure and export look here
 * too (programme/cases/find-mentions.ts).
 */
export const WebMessageSchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  /** A local channel (`web-champions`, `web-group-<key>`) or a person's direct conversation (`web-<userId>`). */
  conversationId: z.string().max(200),
  messageId: z.string().max(100),
  /** The delivery's message key: one message per key, however often a send is tried. */
  key: z.string().max(300).optional(),
  reply: z.object({ kind: z.string().max(20), html: z.string(), replaces: z.boolean().optional() }),
  at: z.date(),
});
export type WebMessage = z.infer<typeof WebMessageSchema>;
