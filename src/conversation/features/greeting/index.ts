import { buildHome } from '../../home.js';
import type { Feature } from '../../registry.js';
import { card, text } from '../../replies.js';
import { mayNameChildren } from '../../may-name-children.js';

/** Hello, hi, hey, good morning: the person's home, and a pointer to help. */
const GREETING = /^(?:hello|hi|hiya|hey|good (?:morning|afternoon|evening)|morning|afternoon)\b[\s!.,]*(?:pacebot)?[\s!.]*$/i;

export const greetingFeature: Feature = {
  sentences: [
    {
      name: 'greeting',
      async run(ctx, said) {
        if (!GREETING.test(said.trim())) return null;
        const inChannel = !mayNameChildren(ctx.turn);
        const home = await buildHome({ workspaceId: ctx.turn.workspaceId, user: ctx.turn.user, inChannel }, ctx.deps);
        return [
          text(`Hello ${ctx.turn.user.name.split(' ')[0] ?? ''}. Here is where things stand; say \`help\` for what you can do.`.replace(' .', '.')),
          ...home.map((c) => card(c)),
        ];
      },
    },
  ],
};
