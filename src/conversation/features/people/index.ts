import type { Feature } from '../../registry.js';
import { addPersonCommand } from './add-person-command.js';
import { askHandover, cancelHandover, confirmHandover, HANDOVER_CANCEL_VERB, HANDOVER_VERB } from './hand-over-command.js';
import { peopleList } from './people-list.js';
import { askRemovePerson, cancelRemovePerson, confirmRemovePerson, REMOVE_PERSON_CANCEL_VERB, REMOVE_PERSON_VERB } from './remove-person-command.js';

/** People: adding someone before they have written to the bot (or removing them), listing everyone, handing work over. */
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
      aliasOf: 'person add',
      colleagueEmails: true,
      run: (ctx, rest) => addPersonCommand(ctx, rest),
    },
    {
      words: ['person', 'remove'],
      roles: ['admin'],
      usage: 'person remove <@person or "name">',
      example: 'person remove "Sam Lee"',
      summary: 'Remove someone added by mistake, or who has left, once their open cases and tests of change are handed over (asks first).',
      run: (ctx, rest) => askRemovePerson(ctx, rest),
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
    { verb: REMOVE_PERSON_VERB, run: (ctx, data) => confirmRemovePerson(ctx, data.pending) },
    { verb: REMOVE_PERSON_CANCEL_VERB, run: (ctx, data) => cancelRemovePerson(ctx, data.pending) },
  ],
};
