import type { ConversationDeps } from '../../src/conversation/context.js';
import { buildHome } from '../../src/conversation/home.js';
import { card, text } from '../../src/conversation/replies.js';
import type { Reply } from '../../src/conversation/turn.js';
import { DEMO_LOAD_VERB } from '../../src/demo/demo-turn.js';
import { LOCAL_WORKSPACE_ID } from '../../src/demo/demo-people.js';
import type { WebPerson } from './web-people.js';
import { workspaceStore } from '../../src/store/workspace-store.js';

/**
 * What the chat shows when it opens, or when the person at the keyboard becomes someone else: their
 * home page once there is a programme; before that, a welcome with the way in (the demo, or `setup`).
 * Reads only, like the Slack App Home it mirrors.
 */
export async function welcomeReplies(deps: ConversationDeps, person: WebPerson): Promise<Reply[]> {
  const { userId } = person;
  const store = workspaceStore(deps.db, LOCAL_WORKSPACE_ID);
  if (await store.programmes.findOne({})) {
    const home = await buildHome({ workspaceId: LOCAL_WORKSPACE_ID, user: { id: person.userId, name: person.name } }, deps);
    return [text(`You are *${person.name}*, ${person.about}.`), ...home.map((c) => card(c))];
  }
  // In an empty workspace the first person to speak becomes its admin, so anyone may start the demo.
  const [members, me] = await Promise.all([store.members.countDocuments({}), store.members.findOne({ userId })]);
  const canLoad = members === 0 || (me?.roles.includes('admin') ?? false);
  return [
    card({
      title: 'Welcome to pacebot',
      subtitle: 'The local chat: no Slack or Teams account needed, and nothing leaves this computer.',
      sections: [
        {
          text:
            "Load *Glenmoray*, a fictional local area, to see the bot at work: five aim groups, 150 children " +
            "(pseudonymous references only), tests of change, run charts and a champions' meeting in a few days.",
        },
        canLoad
          ? { text: 'Or start your own programme: type `setup`.' }
          : { text: 'Only an admin can load it: choose *Ailsa Grant (admin)* under “You are”.' },
      ],
      ...(canLoad
        ? { buttons: [{ id: 'load-demo', label: 'Load demo data', style: 'primary' as const, action: { verb: DEMO_LOAD_VERB } }] }
        : {}),
    }),
  ];
}
