import type { Db } from 'mongodb';
import { mayUseCommand } from '../../src/conversation/command-roles.js';
import type { Role } from '../../src/conversation/context.js';
import { z } from 'zod';
import { LOCAL_WORKSPACE_ID, PICKABLE_PEOPLE, demoPerson } from '../../src/demo/demo-people.js';
import { ValidationError } from '../../src/errors.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import { LOCAL_ID_PREFIX } from '../../src/programme/people/local-person.js';
import { rolesAndPlaces } from '../../src/programme/people/group-places.js';
import { freeCaseRefExample } from '../../src/programme/cases/case-ref-example.js';

/** Someone the person at the keyboard may be: a demo person, or a person of the local programme. */
export interface WebPerson {
  userId: string;
  name: string;
  /** Shown after the name in the picker: "admin", "lead", "member" (what they lead is in `about`). */
  role: string;
  /** What they do, for the welcome: "You are Ailsa Grant, admin and data support." */
  about: string;
  /** The page's own controls they may use (the bot refuses others): the tracker import is for admins… */
  mayImport: boolean;
  /** …and the digest preview for admins, leads and coaches. */
  mayPreview: boolean;
}

/** The page's controls a person with these roles may use: the commands behind them decide. */
function mayFrom(roles: readonly Role[]): Pick<WebPerson, 'mayImport' | 'mayPreview'> {
  return { mayImport: mayUseCommand(['import'], roles), mayPreview: mayUseCommand(['digest', 'preview'], roles) };
}

/** The demo's role words as roles. */
const DEMO_ROLES: Record<string, Role> = { admin: 'admin', 'aim-group lead': 'lead', coach: 'coach', member: 'member' };

/** The shape of a local id: the demo people's `demo-…`, people added by name `local-…`. */
export const WebUserIdSchema = z
  .string()
  .regex(/^(demo|local)-[a-z0-9-]{1,60}$/, { message: 'must be the id of a person the picker offers, like demo-admin' });

/** Whether the local workspace holds a programme someone set up (not the Glenmoray demo). */
export async function hasRealProgramme(db: Db): Promise<boolean> {
  const programme = await workspaceStore(db, LOCAL_WORKSPACE_ID).programmes.findOne({}, { projection: { demo: 1 } });
  return Boolean(programme && !programme.demo);
}

/**
 * The local programme's example case reference, for the message box: in the shape of its own
 * references, and never one of its children (freeCaseRefExample); C1042 when there is none.
 */
export async function localCaseRefExample(db: Db): Promise<string> {
  const store = workspaceStore(db, LOCAL_WORKSPACE_ID);
  const programme = await store.programmes.findOne({}, { projection: { caseRefPattern: 1, caseRefExample: 1 } });
  return freeCaseRefExample(store, programme);
}

/**
 * Who the "You are" picker offers. Before there is a real programme: one demo person of each role.
 * Once someone has set one up: the programme's own people, admins first, each with their role.
 */
export async function webPeople(db: Db): Promise<WebPerson[]> {
  const store = workspaceStore(db, LOCAL_WORKSPACE_ID);
  if (!(await hasRealProgramme(db))) {
    // The demo's four, and anyone added by name to try people changes on the demo.
    const added = await store.members.find({ userId: { $regex: `^${LOCAL_ID_PREFIX}` } }, { projection: { userId: 1, name: 1 } }).toArray();
    return [
      ...PICKABLE_PEOPLE.map(({ userId, role }) => ({
        userId,
        name: demoPerson(userId)!.name,
        role,
        about: demoPerson(userId)!.about,
        ...mayFrom([DEMO_ROLES[role] ?? 'member']),
      })),
      ...added.map((m) => ({ userId: m.userId, name: m.name, role: 'added', about: 'added to the demo', ...mayFrom(['member']) })),
    ];
  }
  const [members, groups] = await Promise.all([
    store.members.find({}, { projection: { userId: 1, name: 1, roles: 1 } }).toArray(),
    store.groups.find({ archived: { $ne: true } }, { projection: { name: 1, leads: 1, members: 1, coaches: 1 } }).toArray(),
  ]);
  return members
    .filter((m) => WebUserIdSchema.safeParse(m.userId).success)
    .map((m) => {
      const leads = groups.filter((g) => g.leads.includes(m.userId)).map((g) => `lead of ${g.name}`);
      // The picker shows "Name (role)" in one line a phone cuts at about 40 characters: "lead" there,
      // the groups in `about` ("Catriona MacDonald (lead of Perm…" was cut, a try-out).
      const role = [...m.roles, ...(leads.length > 0 ? ['lead'] : [])].join(', ') || 'member';
      // Each group by the role held there, as `people` says it: a member's home named no group (a phone re-check).
      const about = rolesAndPlaces(m.roles, groups, m.userId).join(', ') || 'member';
      return { userId: m.userId, name: m.name, role, about, admin: m.roles.includes('admin'), ...mayFrom([...m.roles, ...(leads.length > 0 ? ['lead' as const] : []), 'member']) };
    })
    .sort((a, b) => Number(b.admin) - Number(a.admin) || a.name.localeCompare(b.name))
    .map(({ admin: _admin, ...person }) => person);
}

/** The person a request speaks as; a 400 that says how to choose when the id is not one on offer. */
export async function webPerson(db: Db, as: unknown): Promise<WebPerson> {
  const parsed = WebUserIdSchema.safeParse(as ?? 'demo-admin');
  if (!parsed.success) throw new ValidationError('bad_web_user', `as: ${parsed.error.issues[0]!.message}`, { field: 'as' });
  const found = (await webPeople(db)).find((p) => p.userId === parsed.data);
  if (!found) throw new ValidationError('bad_web_user', 'as: that person is not in this programme. Choose someone under “You are”.', { field: 'as' });
  return found;
}
