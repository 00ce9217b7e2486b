import type { Filter, UpdateFilter } from 'mongodb';
import { plain } from '../../../cards/plain-text.js';
import { refuseIdentifiers } from '../../domain/identifiers/index.js';
import { DEFAULT_CASE_REF_EXAMPLE } from '../../domain/case-reference.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { Case } from '../../store/schemas/case.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { flushPendingAudit, pendingAuditOf } from '../audit/pending-audit.js';
import type { ModelContext } from '../model-context.js';
import { freeCaseRefExample } from './case-ref-example.js';

const MAX_TEAM = 40;
const DUPLICATE_KEY = 11000;

/**
 * A team's name as people type it, tidied: "north  team" → "North team". Teams are not identifiers,
 * but the text is free, so it goes through the identifier guard before it can be stored.
 */
export function tidyTeam(said: string, now: Date, caseRefExample = DEFAULT_CASE_REF_EXAMPLE): string {
  const team = said.replace(/\s+/g, ' ').replace(/^["“”']|["“”']$/g, '').trim();
  if (!/[a-z]/i.test(team)) {
    throw new ValidationError('invalid_team', `Give the team a name with letters, e.g. \`${caseRefExample} team North\`.`, { field: 'team' });
  }
  if (team.length > MAX_TEAM) {
    throw new ValidationError('invalid_team', `That team name is too long — keep it under ${MAX_TEAM} letters.`, { field: 'team' });
  }
  refuseIdentifiers({ team }, now);
  return team.charAt(0).toUpperCase() + team.slice(1);
}

/** The teams cases are in, in alphabetical order. */
export async function knownTeams(store: Pick<WorkspaceStore, 'cases'>): Promise<string[]> {
  const teams = (await store.cases.distinct('team', { team: { $exists: true } })) as string[];
  return teams.filter(Boolean).sort((a, b) => a.localeCompare(b));
}

/** The team a person named, spelled as the cases already have it (case does not matter). */
function sameTeam(teams: string[], said: string): string | undefined {
  return teams.find((t) => t.toLowerCase() === said.trim().toLowerCase());
}

/**
 * A team named in a list or chart request: one that cases are in, or a refusal naming the teams
 * (or, with none yet, how to give one, with the area's own example reference).
 */
export async function requireTeam(store: Pick<WorkspaceStore, 'cases' | 'programmes'>, said: string): Promise<string> {
  const teams = await knownTeams(store);
  const found = sameTeam(teams, said);
  if (found) return found;
  // Both are words people typed, said back as typed (plain), never as markup.
  const hint = teams.length
    ? `Teams with cases: ${teams.map(plain).join(', ')}.`
    : `No case has a team yet: say e.g. \`${await freeCaseRefExample(store, await store.programmes.findOne({}))} team North\`.`;
  throw new NotFoundError(`No case is in a team called “${plain(said.trim())}”. ${hint}`, 'unknown_team');
}

/** The cases filter for a team, or every case. */
export function teamFilter(team: string | undefined): Filter<Case> {
  return team ? { team } : {};
}

/** "… team North" at the end of a command: the team and the words before it. */
export function extractTeam(said: string): { team?: string; rest: string } {
  const match = /(?:^|\s)(?:team|locality)\s+(.+)$/i.exec(said);
  if (!match) return { rest: said };
  return { team: match[1]!.trim(), rest: said.slice(0, match.index).trim() };
}

/**
 * Puts a case in a team (or takes it out, with null), audited in the same write as the change.
 * The spelling of a team already used is kept, so "north" joins "North".
 */
export async function setCaseTeam(ctx: ModelContext, caseRef: string, said: string | null, retry = false): Promise<{ team: string | null; was: string | null; started: boolean }> {
  const held = await ctx.store.cases.findOne({ caseRef });
  const team = said === null ? null : (sameTeam(await knownTeams(ctx.store), said) ?? tidyTeam(said, ctx.now, await freeCaseRefExample(ctx.store, ctx.programme)));
  if (!held) {
    if (team === null) return { team, was: null, started: false };
    try {
      return await startCaseInTeam(ctx, caseRef, team);
    } catch (error) {
      // Someone started the case at the same moment: set the team on theirs instead.
      if ((error as { code?: number }).code !== DUPLICATE_KEY || retry) throw error;
      return setCaseTeam(ctx, caseRef, said, true);
    }
  }
  const was = held.team ?? null;
  if (team === was) return { team, was, started: false };
  // A change still carrying its entry is written out first, so this one cannot replace it.
  await flushPendingAudit(ctx.store, 'cases', [held]);
  const pendingAudit = pendingAuditOf(ctx, { entity: 'case', entityId: caseRef, action: 'team', before: { team: was }, after: { team } });
  const update: UpdateFilter<Case> =
    team === null ? { $unset: { team: '' as const }, $set: { pendingAudit, updatedAt: ctx.now } } : { $set: { team, pendingAudit, updatedAt: ctx.now } };
  const written = await ctx.store.cases.findOneAndUpdate({ caseRef, version: held.version }, update);
  if (!written) throw new ValidationError('edit_conflict', `Someone changed ${caseRef} at the same moment. Please say it again.`);
  await flushPendingAudit(ctx.store, 'cases', [written]);
  return { team, was, started: false };
}

/**
 * A worker may name a child's team before any date: the case starts with its team and no dates
 * (version 0, so its first dates are audited as the start of its journey), nobody holds it yet and
 * lists skip it (has-dates.ts) until a date is recorded. Audited in the same write.
 */
async function startCaseInTeam(ctx: ModelContext, caseRef: string, team: string): Promise<{ team: string; was: null; started: true }> {
  const pendingAudit = pendingAuditOf(ctx, { entity: 'case', entityId: caseRef, action: 'team', before: { team: null }, after: { team } });
  const doc = { caseRef, milestones: {}, team, version: 0, pendingAudit, createdAt: ctx.now, updatedAt: ctx.now };
  await ctx.store.cases.insertOne(doc);
  const written = await ctx.store.cases.findOne({ caseRef, 'pendingAudit.key': pendingAudit.key });
  if (written) await flushPendingAudit(ctx.store, 'cases', [written]);
  return { team, was: null, started: true };
}
