import type { Feature } from '../../registry.js';
import { addPersonCommand } from './add-person-command.js';
import { askHandover, cancelHandover, confirmHandover, HANDOVER_CANCEL_VERB, HANDOVER_VERB } from './hand-over-command.js';
import { peopleList } from './people-list.js';

/** People: adding someone before they have written to the bot, listing everyone, handing work over. */
export const peopleFeature: Feature = {
  commands: [
    {
      words: ['person', 'add'],
      roles: ['admin', 'lead'],
      usage: 'person add <@person or "name"> [as lead|coach|member of <group> | as coach|admin]',
      example: 'person add "Sam Lee" as member of permanence-milestones',
      summary: 'Add someone before they have written to the bot (a mention or e-mail on Slack, a mention on Teams, a name in the local chat).',
      colleagueEmails: true,
      run: (ctx, rest) => addPersonCommand(ctx, rest),
    },
    {
      words: ['add', 'person'],
      roles: ['admin', 'lead'],
      usage: 'add person <@person or "name"> [as lead|coach|member of <group> | as coach|admin]',
      example: 'add person "Sam Lee" as member of permanence-milestones',
      summary: 'The same as `person add`.',
      colleagueEmails: true,
      run: (ctx, rest) => addPersonCommand(ctx, rest),
    },
    {
      words: ['people'],
      roles: ['member'],
      usage: 'people',
      example: 'people',
      summary: 'Everyone the bot knows, with their roles and groups.',
      run: (ctx) => peopleList(ctx),
    },
    {
      words: ['hand', 'over'],
      roles: ['admin', 'lead'],
      usage: 'hand over @person to @person',
      example: 'hand over @Jamie to @Sam',
      summary: 'When someone leaves: give their open cases and open tests of change to someone else (asks first).',
      run: (ctx, rest) => askHandover(ctx, rest),
    },
  ],
  actions: [
    { verb: HANDOVER_VERB, run: (ctx, data) => confirmHandover(ctx, data.pending) },
    { verb: HANDOVER_CANCEL_VERB, run: (ctx, data) => cancelHandover(ctx, data.pending) },
  ],
};
