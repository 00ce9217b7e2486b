import type { Db } from 'mongodb';
import type { Logger } from '../log.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { WorkspaceStore } from '../store/workspace-store.js';
import type { Group } from '../store/schemas/group.js';
import type { Member } from '../store/schemas/member.js';
import type { Programme } from '../store/schemas/programme.js';
import type { ChangeSource, ModelContext } from '../programme/model-context.js';
import type { Turn } from './turn.js';
import { plain } from './replies.js';

/** What the composition root gives the core. Everything is real in tests except the clock. */
export interface ConversationDeps {
  db: Db;
  logger: Logger;
  /** Now; tests pass a fixed clock. */
  clock: () => Date;
  /** Where the data lives, as the start-up line says it (credentials redacted), for the DPO's report. */
  storeLocation?: string;
}

export type Role = 'admin' | 'coach' | 'lead' | 'member';

/** Everything a handler needs for one turn, resolved once by handleTurn. */
export interface TurnContext extends ModelContext {
  turn: Turn;
  deps: ConversationDeps;
  store: WorkspaceStore;
  member: Member;
  now: Date;
  /** The workspace's programme, if set up yet. */
  programme: Programme | null;
  /** Groups this user leads. */
  leadOf: Group[];
  isAdmin: boolean;
  isCoach: boolean;
  /** Throws a ForbiddenError that says who can do it, unless the user holds one of the roles. */
  requireRole(roles: Role[], what: string, group?: Group | readonly Group[]): void;
  /** The programme, or a NotFoundError that tells an admin how to create it. */
  requireProgramme(): Programme;
  /** Source for audit entries: the platform event that caused the change, never its message. */
  source(): ChangeSource;
  actor(): { userId: string; name: string };
}

/**
 * Whether the person holds the role. A lead "of" a group, or of any of several (a shared measure that
 * several groups chose as their aim's key measure); with no group, a lead of any group.
 */
/** One group, several (a measure shared by groups), or none, as a list. */
const asGroups = (group?: Group | readonly Group[]): readonly Group[] =>
  group === undefined ? [] : Array.isArray(group) ? group : [group as Group];

export function hasRole(ctx: Pick<TurnContext, 'isAdmin' | 'isCoach' | 'leadOf'>, role: Role, group?: Group | readonly Group[]): boolean {
  if (role === 'member') return true;
  if (role === 'admin') return ctx.isAdmin;
  if (role === 'coach') return ctx.isCoach;
  const groups = asGroups(group);
  return groups.length > 0 ? ctx.leadOf.some((g) => groups.some((o) => o.key === g.key)) : ctx.leadOf.length > 0;
}

/** "a lead, a coach or an admin": one "or", as people write it (refusals, admins to ask, owners). */
export const eitherOf = new Intl.ListFormat('en-GB', { type: 'disjunction' });

export function roleCheck(ctx: Pick<TurnContext, 'isAdmin' | 'isCoach' | 'leadOf'>) {
  return (roles: Role[], what: string, group?: Group | readonly Group[]): void => {
    if (ctx.isAdmin) return; // admins may do everything
    if (roles.some((role) => hasRole(ctx, role, group))) return;
    const groups = asGroups(group);
    const leadOf = groups.length > 0 ? `a lead of ${eitherOf.format(groups.map((g) => plain(g.name)))}` : 'a lead';
    const who = roles.map((r) => (r === 'lead' ? leadOf : `${r === 'admin' ? 'an' : 'a'} ${r}`));
    throw new ForbiddenError(`Only ${eitherOf.format(who)} can ${what}.`, 'forbidden', { askAdmins: true });
  };
}

export function programmeRequired(programme: Programme | null): Programme {
  if (!programme) {
    throw new NotFoundError(
      'This workspace has no programme yet. An admin can create one with `setup programme "Our area PACE"`.',
      'no_programme',
    );
  }
  return programme;
}
