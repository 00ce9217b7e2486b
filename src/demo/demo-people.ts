import type { WorkspaceRole } from '../store/schemas/member.js';

/** The workspace of the local web chat; `npm run demo` loads into it by default. */
export const LOCAL_WORKSPACE_ID = 'web-local';

export interface DemoPerson {
  userId: string;
  name: string;
  roles: WorkspaceRole[];
  /** What they do in Glenmoray, for the "who are you" picker. */
  about: string;
}

/** Fictional people of the Glenmoray champions' group. Ids start `demo-` so they read as demo data anywhere. */
export const DEMO_PEOPLE = [
  { userId: 'demo-admin', name: 'Ailsa Grant', roles: ['admin'], about: 'admin and data support' },
  { userId: 'demo-lead', name: 'Fiona MacLeod', roles: [], about: 'lead of Permanence milestones' },
  { userId: 'demo-coach', name: 'Callum Reid', roles: ['coach'], about: 'improvement coach' },
  { userId: 'demo-member', name: 'Jamie Munro', roles: [], about: 'social worker, Permanence milestones' },
  { userId: 'demo-lead-assessment', name: 'Priya Nair', roles: [], about: 'lead of Assessment and planning' },
  { userId: 'demo-lead-legal', name: 'Euan Fraser', roles: [], about: 'solicitor, lead of Legal processes' },
  { userId: 'demo-lead-health', name: 'Helen Baird', roles: [], about: 'LAC nurse, lead of Health' },
  { userId: 'demo-lead-education', name: 'Morag Stewart', roles: [], about: 'virtual head teacher, lead of Education' },
  { userId: 'demo-reporter', name: 'Iain Duncan', roles: [], about: "Children's Reporter (SCRA)" },
  { userId: 'demo-panel', name: 'Rhona Baxter', roles: [], about: "Children's Hearings panel member" },
] as const satisfies readonly DemoPerson[];

export type DemoUserId = (typeof DEMO_PEOPLE)[number]['userId'];

/** The four people the local chat offers to "be": one of each role. */
export const PICKABLE_PEOPLE: readonly { userId: DemoUserId; role: string }[] = [
  { userId: 'demo-admin', role: 'admin' },
  { userId: 'demo-lead', role: 'aim-group lead' },
  { userId: 'demo-coach', role: 'coach' },
  { userId: 'demo-member', role: 'member' },
];

export function demoPerson(userId: string): DemoPerson | undefined {
  return DEMO_PEOPLE.find((person) => person.userId === userId);
}
