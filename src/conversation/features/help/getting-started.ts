import type { TurnContext } from '../../context.js';

const tick = (done: boolean) => (done ? '✓' : '○');

/**
 * The admin's set-up checklist, each step marked done or not from what the workspace holds, so an
 * admin always sees the next thing to do.
 */
async function adminChecklist(ctx: TurnContext): Promise<string[]> {
  const [groups, cases] = await Promise.all([
    ctx.store.groups.find({}, { projection: { leads: 1 } }).toArray(),
    ctx.store.cases.countDocuments({}),
  ]);
  const programme = ctx.programme;
  return [
    '*Set-up checklist*',
    `${tick(!!programme)} Create the programme: \`setup programme "Our area PACE"\``,
    `${tick(groups.length > 0)} Add the aim groups: \`group new\``,
    `${tick(groups.some((g) => g.leads.length > 0))} Make someone a lead: \`group <group> lead @name\``,
    `${tick(!!programme?.meeting)} Set the meeting cadence: \`meeting set every 6 weeks from 3 Dec 2026 10:00\``,
    `${tick(!!programme?.championsChannel)} Link the champions' channel: say \`champions channel\` in it`,
    `${tick(cases > 0)} Bring in your tracker: \`import\`, with the file attached`,
  ];
}

const LEAD_STEPS = [
  '*Before each champions\' meeting*',
  '1. See what the digest will say: `digest preview`',
  '2. Look at your key measure: `chart accommodation to permanence recommendation`',
  '3. Check your group\'s tests of change: `pdsa list group <group>`',
  '4. Chase children waiting: `chart waiting`',
  '5. Add a question for the meeting: `digest question <group> <question>`',
  '6. Get the pack to project or print: `meeting pack`',
];

const MEMBER_STEPS = [
  '*Getting started*',
  '- Record a date, in your own words: *C1042 accommodated 3 Oct*',
  '- Plan a test of change: `pdsa new`',
  '- See a chart: `chart accommodation to permanence recommendation`',
];

/** A short start for the person's role: admins' checklist, leads' six steps, everyone's three. */
export async function gettingStarted(ctx: TurnContext): Promise<string[]> {
  if (ctx.isAdmin) return adminChecklist(ctx);
  if (ctx.leadOf.length > 0) return LEAD_STEPS;
  return MEMBER_STEPS;
}
