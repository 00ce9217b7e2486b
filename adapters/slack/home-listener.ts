import type { App } from '@slack/bolt';
import { toBlockKitHome } from '../../cards/to-block-kit.js';
import type { ConversationDeps } from '../../src/conversation/context.js';
import { buildHome } from '../../src/conversation/home.js';
import type { TurnQueue } from '../../src/turn-queue.js';
import { workspaceIdOf } from './to-turn.js';

/**
 * `app_home_opened` on the Home tab → the person's home page via `views.publish` (platforms.md
 * §1.7), built on the turn queue like any turn. Publishing is idempotent, so a retried event needs
 * no de-duplication; when the queue is full the tab keeps the page it last showed (the next open
 * refreshes it), which loses nothing the person said.
 */
export function registerHomeListener(app: App, conversation: ConversationDeps, turns: TurnQueue): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const enterpriseId = (body as { enterprise_id?: string | null }).enterprise_id;
    const workspaceId = workspaceIdOf(body.team_id, enterpriseId);
    const viewer = { workspaceId, user: { id: event.user, name: '' } };
    // The error boundary sees what Bolt sees: await the work so a failure reaches app.error.
    await turns.offer(workspaceId, async () => {
      const cards = await buildHome(viewer, conversation);
      await client.views.publish({ user_id: event.user, view: toBlockKitHome(cards) });
    });
  });
}
