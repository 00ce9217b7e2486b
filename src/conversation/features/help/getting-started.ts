import type { Group } from '../../../store/schemas/group.js';
import type { TurnContext } from '../../context.js';
import { plain } from '../../replies.js';

const tick = (done: boolean) => (done ? '✓' : '○');

/**
 * The admin's set-up checklist, each step marked done or not from what the workspace holds, so an
 * admin always sees the next thing to do.
 */
async function adminChecklist(ctx: TurnContext, caseRefExample: string): Promise<string[]> {
  const [groups, cases] = await Promise.all([
    ctx.store.groups.find({ archived: { $ne: true } }, { projection: { key: 1, name: 1, leads: 1, aim: 1 } }).toArray(),
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
    leadStep(ctx, groups),
    `${tick(!!programme?.meeting)} Set the meeting cadence: \`meeting set every 6 weeks from 14 Jan 10:00\``,
    `${tick(!!programme?.championsChannel)} Link the champions' channel: say \`champions channel\` in it`,
    `${tick(cases > 0)} Bring in the children's dates: \`import\` your tracker with the file attached, or type them (\`${caseRefExample} accommodated 3 Oct\`)`,
  ];
}

/** The local chat has no @mentions or people picker: a lead is added there by name. */
function leadSentence(ctx: TurnContext, group = '<group>'): string {
  return ctx.turn.platform === 'web' ? `person add "<name>" as lead of ${group}` : `group ${group} lead @name`;
}

/** Groups named in the lead step before "and N more": a phone shows the line whole. */
const SHOW_LEADERLESS = 3;

/**
 * Done only when every group has a lead, not when the first one has: a group without a lead has
 * no one to run it between meetings. Until then the step names those groups and says how to give
 * the first of them a lead.
 */
function leadStep(ctx: TurnContext, groups: { key: string; name: string; leads: string[] }[]): string {
  const leaderless = groups.filter((g) => g.leads.length === 0);
  if (groups.length === 0 || leaderless.length === 0) {
    return `${tick(groups.length > 0)} Make someone a lead: \`${leadSentence(ctx)}\``;
  }
  const names = leaderless.slice(0, SHOW_LEADERLESS).map((g) => plain(g.name));
  const hidden = leaderless.length - names.length;
  const last = hidden > 0 ? `${hidden} more` : names.pop()!;
  const listed = names.length > 0 ? `${names.join(', ')} and ${last}` : last;
  const verb = leaderless.length === 1 ? 'has' : 'have';
  return `${tick(false)} Make someone a lead: ${listed} ${verb} no lead yet — \`${leadSentence(ctx, leaderless[0]!.key)}\``;
}

/**
 * A lead's six steps, with their own group where a command needs one: its key measure's chart (not
 * one group's chart for every lead). Questions for the meeting are a coach's (domain.md: the coach
 * puts questions to the groups, and only a coach may queue one), so a lead chases its alerts instead.
 */
function leadSteps(group: Pick<Group, 'key' | 'aim'>): string[] {
  const measureKey = group.aim?.measureKey;
  return [
    '*Before each champions\' meeting*',
    '1. See what the digest will say: `digest preview`',
    measureKey ? `2. Look at your key measure: \`chart ${measureKey}\`` : `2. Look at your group's measures: \`measures ${group.key}\``,
    `3. Check your group's tests of change: \`pdsa list group ${group.key}\``,
    '4. Chase children waiting: `chart waiting`',
    "5. Act on children past your group's time: `alerts`",
    '6. Get the pack to project or print: `meeting pack`',
  ];
}

/**
 * What a coach does (domain.md): prompts to the groups, reviewing tests of change, the idea library,
 * questions for the meeting. A prompt is posted in the group's channel, so step 1 names a group whose
 * channel is linked; with none linked it says that comes first (the prompt is refused until then).
 * "Waiting for their Study" is a test carried out, which `status do` lists (`status study` lists
 * those studied, waiting for a decision).
 */
function coachSteps(group: { key: string; linked: boolean }): string[] {
  const prompt = `prompt ${group.key} every Monday at 09:00: What did your last test of change teach you?`;
  return [
    '*As the coach*',
    group.linked
      ? `1. Prompt a group every week: \`${prompt}\``
      : `1. Prompt a group every week, once a lead or admin has linked its channel (\`group ${group.key} link\`, typed there): \`${prompt}\``,
    '2. Review tests waiting for their Study: `pdsa list all status do`',
    '3. See how predictions turned out: `predictions`',
    '4. Keep the change-idea library up to date: `ideas`, `idea add`',
    '5. Read the answers to your prompts: `prompt responses`',
    `6. Put a question to a group's part of the next digest: \`digest question ${group.key} <question>\``,
  ];
}

/** Everyone's three steps; the date is typed with a reference of the area's kind that is no child's. */
function memberSteps(caseRefExample: string): string[] {
  return [
    '*Getting started*',
    `- Record a date, in your own words: *${caseRefExample} accommodated 3 Oct*`,
    '- Plan a test of change: `pdsa new`',
    '- See a chart: `chart accommodation to permanence recommendation`',
  ];
}

/**
 * A short start for the person's role: admins' checklist, leads' six steps, coaches' six, everyone's
 * three. `caseRefExample` is a reference the area does not hold (freeCaseRefExample).
 */
export async function gettingStarted(ctx: TurnContext, caseRefExample: string): Promise<string[]> {
  if (ctx.isAdmin) return adminChecklist(ctx, caseRefExample);
  if (ctx.leadOf.length > 0) return leadSteps(ctx.leadOf[0]!);
  if (ctx.isCoach) return coachSteps(await coachedGroup(ctx));
  return memberSteps(caseRefExample);
}

/**
 * The group for the example prompt, so it works as typed: one whose channel is linked (a prompt is
 * refused without one), the coach's own first; else one the coach coaches, else the first group.
 * A coached group without a channel used to come first, and its prompt was refused (demo try-out).
 */
async function coachedGroup(ctx: TurnContext): Promise<{ key: string; linked: boolean }> {
  const groups = await ctx.store.groups.find({ archived: { $ne: true } }, { projection: { key: 1, coaches: 1, channel: 1 }, sort: { key: 1 } }).toArray();
  const rank = (g: (typeof groups)[number]) => (g.channel ? 0 : 2) + (g.coaches.includes(ctx.turn.user.id) ? 0 : 1);
  const best = [...groups].sort((a, b) => rank(a) - rank(b))[0];
  return { key: best?.key ?? '<group>', linked: Boolean(best?.channel) };
}
