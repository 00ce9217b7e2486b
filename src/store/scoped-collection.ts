import type {
  AggregateOptions,
  Collection,
  Db,
  Document,
  Filter,
  FindOptions,
  FindOneAndUpdateOptions,
  OptionalUnlessRequiredId,
  UpdateFilter,
  UpdateOptions,
  WithId,
} from 'mongodb';
import type { z } from 'zod';
import { ValidationError } from '../errors.js';

/** Every stored document that belongs to a workspace carries its id. */
export interface WorkspaceOwned {
  workspaceId: string;
}

/**
 * A collection seen from one workspace. Every read merges `{ workspaceId }` into its filter and every
 * write stamps it, so no code path can read or change another workspace's data by forgetting a clause.
 * Whole documents are validated with the collection's zod schema before they are written; `$set`
 * values are validated against the schema's field of the same top-level name.
 */
export class ScopedCollection<T extends WorkspaceOwned & Document> {
  readonly raw: Collection<T>;

  constructor(
    db: Db,
    name: string,
    readonly workspaceId: string,
    private readonly schema: z.ZodObject,
  ) {
    this.raw = db.collection<T>(name);
  }

  private scope(filter: Filter<T> = {}): Filter<T> {
    return { ...filter, workspaceId: this.workspaceId } as Filter<T>;
  }

  find(filter: Filter<T> = {}, options?: FindOptions) {
    return this.raw.find(this.scope(filter), options);
  }

  findOne(filter: Filter<T> = {}, options?: FindOptions): Promise<WithId<T> | null> {
    return this.raw.findOne(this.scope(filter), options);
  }

  countDocuments(filter: Filter<T> = {}): Promise<number> {
    return this.raw.countDocuments(this.scope(filter));
  }

  distinct(key: string, filter: Filter<T> = {}) {
    return this.raw.distinct(key, this.scope(filter));
  }

  aggregate<R extends Document>(pipeline: Document[], options?: AggregateOptions) {
    return this.raw.aggregate<R>([{ $match: { workspaceId: this.workspaceId } }, ...pipeline], options);
  }

  async insertOne(doc: Omit<T, 'workspaceId'>) {
    const full = this.validate({ ...doc, workspaceId: this.workspaceId });
    return this.raw.insertOne(full as OptionalUnlessRequiredId<T>);
  }

  async insertMany(docs: Omit<T, 'workspaceId'>[]) {
    const full = docs.map((doc) => this.validate({ ...doc, workspaceId: this.workspaceId }));
    return this.raw.insertMany(full as OptionalUnlessRequiredId<T>[]);
  }

  async replaceOne(filter: Filter<T>, doc: Omit<T, 'workspaceId'>, options: { upsert?: boolean } = {}) {
    const full = this.validate({ ...doc, workspaceId: this.workspaceId });
    return this.raw.replaceOne(this.scope(filter), full as T, options);
  }

  updateOne(filter: Filter<T>, update: UpdateFilter<T>, options?: UpdateOptions) {
    return this.raw.updateOne(this.scope(filter), this.checkUpdate(update), options);
  }

  updateMany(filter: Filter<T>, update: UpdateFilter<T>, options?: UpdateOptions) {
    return this.raw.updateMany(this.scope(filter), this.checkUpdate(update), options);
  }

  findOneAndUpdate(filter: Filter<T>, update: UpdateFilter<T>, options: FindOneAndUpdateOptions = {}) {
    return this.raw.findOneAndUpdate(this.scope(filter), this.checkUpdate(update), {
      returnDocument: 'after',
      ...options,
      includeResultMetadata: false,
    });
  }

  deleteOne(filter: Filter<T>) {
    return this.raw.deleteOne(this.scope(filter));
  }

  deleteMany(filter: Filter<T>) {
    return this.raw.deleteMany(this.scope(filter));
  }

  private validate(doc: unknown): T {
    const parsed = this.schema.safeParse(doc);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ValidationError('invalid_document', `That could not be saved: ${issue.path.join('.') || 'value'} ${issue.message}.`, {
        field: issue.path.map(String).join('.'),
        cause: parsed.error,
      });
    }
    return parsed.data as T;
  }

  /** Validates `$set`/`$setOnInsert` values whose key is a top-level field; stamps the workspace on upserts. */
  private checkUpdate(update: UpdateFilter<T>): UpdateFilter<T> {
    const shape = this.schema.shape as Record<string, z.ZodType>;
    for (const operator of ['$set', '$setOnInsert'] as const) {
      const values = (update as Record<string, Record<string, unknown> | undefined>)[operator];
      if (!values) continue;
      for (const [key, value] of Object.entries(values)) {
        if (key === 'workspaceId') throw new ValidationError('workspace_immutable', 'The workspace of a record cannot change.');
        const field = shape[key];
        if (!field || key.includes('.')) continue;
        const parsed = field.safeParse(value);
        if (!parsed.success) {
          throw new ValidationError('invalid_update', `That could not be saved: ${key} ${parsed.error.issues[0]!.message}.`, {
            field: key,
            cause: parsed.error,
          });
        }
      }
    }
    return update;
  }
}
