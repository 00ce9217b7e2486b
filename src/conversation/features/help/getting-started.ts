import type { TurnContext } from '../../context.js';

const tick = (done: boolean) => (done ? '✓' : '○');

/**
 * The admin's set-up checklist, each step marked done or not from what the workspace holds, so an
 * admin always sees the next thing to do.
 */
async function adminChecklist(ctx: TurnContext): Promise<string[]> {
  const [groups, cases] = await Promise.all([
    ctx.store.groups.find({ archived: { $ne: true } }, { projection: { key: 1, leads: 1, aim: 1 } }).toArray(),
    ctx.store.cases.countDocuments({}),
  ]);
  const programme = ctx.programme;
  // An aim's weeks are timed, and its chart drawn, on its key measure (`group <g> measure`).
  const aims = groups.filter((g) => g.aim);
  const unmeasured = aims.find((g) => !g.aim?.measureKey);
  return [
    '*Set-up checklist*',
    `${tick(!!programme)} Create the programme: \`setup programme "Our area PACE"\``,
    `${tick(groups.length > 0)} Add the aim groups: \`group new\``,
    `${tick(aims.length > 0 && !unmeasured)} Choose each aim's key measure: \`group ${unmeasured?.key ?? aims[0]?.key ?? '<group>'} measure\` lists them`,
    `${tick(groups.some((g) => g.leads.length > 0))} Make someone a lead: \`${leadSentence(ctx)}\``,
    `${tick(!!programme?.meeting)} Set the meeting cadence: \`meeting set every 6 weeks from 14 Jan 10:00\``,
    `${tick(!!programme?.championsChannel)} Link the champions' channel: say \`champions channel\` in it`,
    `${tick(cases > 0)} Bring in the children's dates: \`import\` your tracker with the file attached, or type them (\`C1042 accommodated 3 Oct\`)`,
  ];
}

/** The local chat has no @mentions or people picker: a lead is added there by name. */
function leadSentence(ctx: TurnContext): string {
  return ctx.turn.platform === 'web' ? 'person add "<name>" as lead of <group>' : 'group <group> lead @name';
}

/** A lead's six steps, with their own group's short name where a command needs one. */
function leadSteps(group: string): string[] {
  return [
    '*Before each champions\' meeting*',
    '1. See what the digest will say: `digest preview`',
    '2. Look at your key measure: `chart accommodation to permanence recommendation`',
    `3. Check your group's tests of change: \`pdsa list group ${group}\``,
    '4. Chase children waiting: `chart waiting`',
    `5. Add a question for the meeting: \`digest question ${group} <question>\``,
    '6. Get the pack to project or print: `meeting pack`',
  ];
}

/** What a coach does (domain.md): prompts to the groups, reviewing tests of change, the idea library. */
function coachSteps(group: string): string[] {
  return [
    '*As the coach*',
    `1. Prompt a group every week: \`prompt ${group} every Monday at 09:00: What did your last test of change teach you?\``,
    '2. Review tests waiting for their Study: `pdsa list all status study`',
    '3. See how predictions turned out: `predictions`',
    '4. Keep the change-idea library up to date: `ideas`, `idea add`',
    '5. Read the answers to your prompts: `prompt responses`',
  ];
}

const MEMBER_STEPS = [
  '*Getting started*',
  '- Record a date, in your own words: *C1042 accommodated 3 Oct*',
  '- Plan a test of change: `pdsa new`',
  '- See a chart: `chart accommodation to permanence recommendation`',
];

/** A short start for the person's role: admins' checklist, leads' six steps, coaches' five, everyone's three. */
export async function gettingStarted(ctx: TurnContext): Promise<string[]> {
  if (ctx.isAdmin) return adminChecklist(ctx);
  if (ctx.leadOf.length > 0) return leadSteps(ctx.leadOf[0]!.key);
  if (ctx.isCoach) return coachSteps(await coachedGroup(ctx));
  return MEMBER_STEPS;
}

/**
 * The group for the example prompt, so it works as typed: one the coach coaches, preferring one whose
 * channel is linked (a prompt is posted there), else any group with a channel, else the first group.
 */
async function coachedGroup(ctx: TurnContext): Promise<string> {
  const groups = await ctx.store.groups.find({ archived: { $ne: true } }, { projection: { key: 1, coaches: 1, channel: 1 }, sort: { key: 1 } }).toArray();
  const rank = (g: (typeof groups)[number]) => (g.coaches.includes(ctx.turn.user.id) ? 0 : 2) + (g.channel ? 0 : 1);
  return [...groups].sort((a, b) => rank(a) - rank(b))[0]?.key ?? '<group>';
}
