import { hasRole } from '../../context.js';
import type { Command, Feature } from '../../registry.js';
import { text } from '../../replies.js';

/**
 * `help` lists what the user's role can do, with an example of each. The command list is passed in
 * lazily so help always reflects every feature registered in features.ts.
 */
export function helpFeature(allCommands: () => Command[]): Feature {
  return {
    commands: [
      {
        words: ['help'],
        roles: ['member'],
        usage: 'help [topic]',
        example: 'help pdsa',
        summary: 'What you can do here.',
        async run(ctx, rest) {
          const topic = rest.trim().toLowerCase();
          const mine = allCommands().filter(
            (c) => c.roles.some((role) => hasRole(ctx, role) || ctx.isAdmin) && (!topic || c.words[0] === topic),
          );
          const unique = [...new Map(mine.map((c) => [c.usage, c])).values()];
          const lines = unique
            .sort((a, b) => a.usage.localeCompare(b.usage))
            .map((c) => `- \`${c.usage}\` — ${c.summary}${c.example !== c.usage ? ` e.g. \`${c.example}\`` : ''}`);
          const roles = [ctx.isAdmin && 'admin', ctx.isCoach && 'coach', ctx.leadOf.length > 0 && 'lead'].filter(Boolean);
          return [
            text(
              [
                `*What you can do* (${roles.length > 0 ? roles.join(', ') : 'member'})`,
                'Tell me a milestone in your own words, e.g. *C1042 accommodated 3 Oct* or *panel booked for C1077 on 12 December*.',
                ...lines,
              ].join('\n'),
            ),
          ];
        },
      },
    ],
  };
}
