import type { Feature } from '../../registry.js';
import { card, form, plain, text } from '../../replies.js';
import { findGroup } from '../../find-group.js';
import { splitArgs } from '../../match-command.js';
import { groupCard, groupsList } from './group-card.js';
import { groupForm } from './group-form.js';
import { programmeForm } from './programme-form.js';
import { saveGroup } from './save-group.js';
import { saveProgramme } from './save-programme.js';
import { GROUP_WORDS, groupSubcommand, roleCommands } from './role-commands.js';
import { archiveGroup, removeFromGroup, renameGroup } from './group-changes.js';
import { joinGroup } from './group-people.js';

/** Admin set-up: the programme, aim groups and their aims, channels. Roles are in role-commands.ts. */
export const setupFeature: Feature = {
  commands: [
    {
      words: ['setup'],
      roles: ['admin'],
      usage: 'setup',
      example: 'setup',
      summary: 'Open the programme settings form (name, time zone, case-reference pattern, run-chart rules).',
      async run(ctx) {
        ctx.requireRole(['admin'], 'set up the programme');
        return [form(programmeForm(ctx.programme))];
      },
    },
    {
      words: ['setup', 'programme'],
      roles: ['admin'],
      usage: 'setup programme "<name>" [tz <zone>] [rules ihi|anhoej]',
      example: 'setup programme "Northshire PACE" rules ihi',
      summary: 'Create or rename the programme in one line.',
      async run(ctx, rest) {
        const args = splitArgs(rest);
        const named = (word: string) => {
          const i = args.findIndex((a) => a.toLowerCase() === word);
          return i >= 0 ? args.splice(i, 2)[1] : undefined;
        };
        const timeZone = named('tz');
        const ruleSet = named('rules')?.toLowerCase();
        const pattern = named('pattern');
        const name = args.join(' ') || ctx.programme?.name || '';
        const saved = await saveProgramme(ctx, {
          name,
          timeZone: timeZone ?? ctx.programme?.timeZone,
          ruleSet: ruleSet ?? ctx.programme?.ruleSet,
          caseRefPattern: pattern ?? ctx.programme?.caseRefPattern,
        });
        return [text(`Programme *${plain(saved.name)}* saved: time zone ${saved.timeZone}, ${saved.ruleSet === 'ihi' ? 'IHI' : 'Anhøj'} run-chart rules. Next: \`group new\` to add an aim group.`)];
      },
    },
    {
      words: ['group', 'new'],
      roles: ['admin'],
      usage: 'group new',
      example: 'group new',
      summary: 'Open a form to create an aim group with its aim.',
      async run(ctx) {
        ctx.requireRole(['admin'], 'create aim groups');
        ctx.requireProgramme();
        return [form(groupForm())];
      },
    },
    {
      words: ['group', 'add'],
      roles: ['admin'],
      usage: 'group add "<name>" [aim "<aim>" target "<target>" by <YYYY-MM-DD>]',
      example: 'group add "Permanence milestones" aim "Reduce time to permanence recommendation" target "28 weeks" by 2027-12-31',
      summary: 'Create an aim group in one line.',
      async run(ctx, rest) {
        const args = splitArgs(rest);
        const named = (word: string) => {
          const i = args.findIndex((a) => a.toLowerCase() === word);
          return i >= 0 ? args.splice(i, 2)[1] : undefined;
        };
        const aimStatement = named('aim');
        const aimTarget = named('target');
        const aimTargetDate = named('by');
        const group = await saveGroup(ctx, { name: args.join(' '), aimStatement, aimTarget, aimTargetDate });
        return [text(`Aim group *${plain(group.name)}* created (\`${group.key}\`). Give it a lead: \`group ${group.key} lead @name\`.`)];
      },
    },
    {
      words: ['group'],
      roles: ['member'],
      usage: 'group <group>',
      example: 'group permanence-milestones',
      summary: 'Show an aim group: its aim, leads, coaches and members.',
      async run(ctx, rest) {
        const answer = await groupSubcommand(ctx, rest);
        if (answer) return [text(answer)];
        const [name, sub] = splitArgs(rest);
        if (!name) return [text(await groupsList(ctx))];
        const group = await findGroup(ctx, name);
        const word = sub?.toLowerCase();
        const more = splitArgs(rest).slice(2);
        if (word === 'edit' || word === 'aim') {
          ctx.requireRole(['admin', 'lead'], 'change this aim group', group);
          return [form(groupForm(group))];
        }
        if (word === 'remove') return removeFromGroup(ctx, group, more);
        if (word === 'rename') return renameGroup(ctx, group, more.join(' '));
        if (word === 'archive' || word === 'restore') return archiveGroup(ctx, group, word === 'archive');
        if (word === 'show' || word === undefined) return [card(await groupCard(ctx, group))];
        // A word it does not know says so; it never silently shows something else.
        return [text(`I can't do \`group ${group.key} ${plain(word)}\`. With a group I can: ${GROUP_WORDS}.`)];
      },
    },
    {
      words: ['groups'],
      roles: ['member'],
      usage: 'groups',
      example: 'groups',
      summary: 'List the aim groups.',
      async run(ctx) {
        return [text(await groupsList(ctx))];
      },
    },
    ...roleCommands,
  ],
  actions: [
    {
      verb: 'setup.programme.save',
      form: (ctx, _data, values) => programmeForm(ctx.programme, values),
      async run(ctx, _data, values) {
        const saved = await saveProgramme(ctx, values);
        return [text(`Programme *${plain(saved.name)}* saved. Next: \`group new\` to add an aim group.`)];
      },
    },
    {
      verb: 'setup.group.join',
      run: async (ctx, data) => [text(await joinGroup(ctx, await findGroup(ctx, String(data.key ?? ''))))],
    },
    {
      verb: 'setup.group.edit',
      async run(ctx, data) {
        const group = await findGroup(ctx, String(data.key ?? ''));
        ctx.requireRole(['admin', 'lead'], 'change this aim group', group);
        return [form(groupForm(group))];
      },
    },
    {
      verb: 'setup.group.save',
      async form(ctx, data, values) {
        const existing = typeof data.key === 'string' ? await ctx.store.groups.findOne({ key: data.key }) : null;
        return groupForm(existing ?? undefined, values);
      },
      async run(ctx, data, values) {
        const group = await saveGroup(ctx, { ...values, ...(typeof data.key === 'string' ? { key: data.key } : {}) });
        return [card(await groupCard(ctx, group))];
      },
    },
  ],
};
