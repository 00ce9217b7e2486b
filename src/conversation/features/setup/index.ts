import type { Feature } from '../../registry.js';
import { card, form, plain, text } from '../../replies.js';
import { findGroup } from '../../find-group.js';
import { splitArgs } from '../../match-command.js';
import { groupCard, groupsList } from './group-card.js';
import { groupForm } from './group-form.js';
import { programmeForm } from './programme-form.js';
import { saveGroup } from './save-group.js';
import { setKeyMeasure } from './group-key-measure.js';
import { saveProgramme } from './save-programme.js';
import { KEEP_PROGRAMME_VERB, RENAME_PROGRAMME_VERB, confirmRename, savedSummary, setupProgrammeCommand } from './setup-programme-command.js';
import { GROUP_WORDS, groupSubcommand, roleCommands } from './role-commands.js';
import { archiveGroup, removeFromGroup, renameGroup } from './group-changes.js';
import { addToGroup, joinGroup, pickedPeople } from './group-people.js';
import { changeAlertTime } from '../alerts/alert-commands.js';
import { withInlineErrors } from '../../form-errors.js';
import { weeksAimsWithoutStage } from '../../../programme/measures/aim-weeks.js';
import { localToday } from '../../../programme/local-date.js';
import { describeDay } from '../../../programme/meetings/describe-meeting.js';

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
      run: (ctx, rest) => setupProgrammeCommand(ctx, rest),
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
      usage: 'group add "<name>" [aim "<aim>" target "<target>" by <month year>]',
      example: 'group add "Permanence milestones" aim "Reduce time to permanence recommendation" target "28 weeks" by December 2027',
      summary: 'Create an aim group in one line.',
      async run(ctx, rest) {
        const args = splitArgs(rest);
        const named = (word: string) => {
          const i = args.findIndex((a) => a.toLowerCase() === word);
          return i >= 0 ? args.splice(i, 2)[1] : undefined;
        };
        const aimStatement = named('aim');
        const aimTarget = named('target');
        // "by December 2027" may be unquoted: everything after "by" is the date.
        const byAt = args.findIndex((a) => a.toLowerCase() === 'by');
        const aimTargetDate = byAt >= 0 ? args.splice(byAt).slice(1).join(' ') : undefined;
        const group = await saveGroup(ctx, { name: args.join(' '), aimStatement, aimTarget, aimTargetDate });
        // The local chat has no @mentions: a lead is added there by name.
        const giveLead = ctx.turn.platform === 'web' ? `person add "<name>" as lead of ${group.key}` : `group ${group.key} lead @name`;
        // An aim in weeks times a stage only once a key measure names it, which only the form sets.
        const timed = weeksAimsWithoutStage([group]).length > 0
          ? ` Its aim is in weeks: choose its key measure with \`group ${group.key} measure <measure>\` (\`group ${group.key} measure\` lists them), so I can time it.`
          : '';
        // A target date gone by is most likely a slip of the year: said, not refused (an area may
        // record an aim it already had).
        const passed = group.aim && group.aim.targetDate < localToday(ctx)
          ? ` Its target date, ${describeDay(group.aim.targetDate)}, has passed: if that is a slip, change it with \`group ${group.key} aim\`.`
          : '';
        return [text(`Aim group *${plain(group.name)}* created (\`${group.key}\`). Give it a lead: \`${giveLead}\`.${timed}${passed}`)];
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
        // `group <g> link` answers about the group's channel; the role words about its people.
        if (answer) return [card({ title: splitArgs(rest)[1]?.toLowerCase() === 'link' ? 'Channel' : 'People', sections: [{ text: answer }] })];
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
        // `group legal measure acc-rec` or `group legal key measure …`: the aim's key measure.
        if (word === 'measure') return setKeyMeasure(ctx, group, more.join(' '));
        if (word === 'key' && more[0]?.toLowerCase() === 'measure') return setKeyMeasure(ctx, group, more.slice(1).join(' '));
        if (word === 'rename') return renameGroup(ctx, group, more.join(' '));
        if (word === 'archive' || word === 'restore') return archiveGroup(ctx, group, word === 'archive');
        // `group <g> alert after 30 weeks`: the group's own drift-alert time (features/alerts).
        if (word === 'alert' || word === 'alerts') return [text(await changeAlertTime(ctx, group.key, more.join(' ')))];
        if (word === 'show' || word === undefined) return [card(await groupCard(ctx, group))];
        // A word it does not know says so; it never silently shows something else.
        // "group Early permanence link": "Early" found the group and "permanence" was read as what to do.
        // Echo the two words as typed, once (never the words after: they may be a name), and say how
        // to write a name of several words.
        const partOfName = group.name.toLowerCase().split(/\s+/).includes(word);
        const next = more.length > 0 ? ` ${plain(more[0]!)}${more.length > 1 ? ' …' : ''}` : '';
        const quoting = partOfName
          ? ` A group name of more than one word goes in quotes: \`group "${plain(group.name)}"${next}\`, or use its short name: \`group ${group.key}${next}\`.`
          : '';
        return [text(`I can't do \`group ${plain(name)} ${plain(sub!)}\`.${quoting} With a group I can: ${GROUP_WORDS}.`)];
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
        const created = !ctx.programme;
        const saved = await saveProgramme(ctx, values);
        return [text(savedSummary(saved, created))];
      },
    },
    { verb: RENAME_PROGRAMME_VERB, run: (ctx, data) => confirmRename(ctx, data) },
    { verb: KEEP_PROGRAMME_VERB, run: async (ctx) => [card({ title: 'Kept', sections: [{ text: `The programme is still called *${plain(ctx.programme?.name ?? '')}*.` }] }, true)] },
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
        const { addLeads, addMembers, ...fields } = values;
        const existing = typeof data.key === 'string' ? await ctx.store.groups.findOne({ key: data.key }) : null;
        if (existing) ctx.requireRole(['admin', 'lead'], 'change this aim group', existing);
        else ctx.requireRole(['admin'], 'create aim groups');
        // A refusal that belongs to a field (a lead not known yet, a date it cannot read) comes back
        // beside that field, on the form as it was typed: on a phone the form is long to fill again.
        return withInlineErrors(
          () => groupForm(existing ?? undefined, values),
          async () => {
            // Resolve the picked people first, so an unknown one changes nothing.
            const picked = await pickedPeople(ctx, { leads: addLeads, members: addMembers });
            const group = await saveGroup(ctx, { ...fields, ...(typeof data.key === 'string' ? { key: data.key } : {}) });
            for (const { role, userId } of picked) await addToGroup(ctx, (await ctx.store.groups.findOne({ key: group.key }))!, role, userId);
            return [card(await groupCard(ctx, (await ctx.store.groups.findOne({ key: group.key })) ?? group))];
          },
        );
      },
    },
  ],
};
