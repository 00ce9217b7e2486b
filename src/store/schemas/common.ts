import { ObjectId } from 'mongodb';
import { z } from 'zod';

export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date like 2026-10-03' });
export const ObjectIdSchema = z.instanceof(ObjectId);
export const WorkspaceIdSchema = z.string().min(1).max(200);
export const UserIdSchema = z.string().min(1).max(200);
export const ActorSchema = z.object({ userId: UserIdSchema, name: z.string().max(200) });
export type Actor = z.infer<typeof ActorSchema>;
