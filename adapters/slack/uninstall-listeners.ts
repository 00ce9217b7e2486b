import type { App, InstallationQuery } from '@slack/bolt';
import type { Logger } from '../../src/log.js';

/**
 * When a workspace removes the app (`app_uninstalled`) or revokes its bot token (`tokens_revoked`),
 * the stored installation goes too, so no instance keeps using a dead token. Bolt skips
 * authorization for these two events, since the token is already gone.
 */
export function registerUninstallListeners(
  app: App,
  deleteInstallation: (query: InstallationQuery<boolean>) => Promise<void>,
  logger: Logger,
): void {
  type Body = { team_id?: string; enterprise_id?: string | null };
  const remove = async (body: Body, isEnterpriseInstall: boolean) => {
    const query = {
      teamId: body.team_id,
      enterpriseId: body.enterprise_id ?? undefined,
      isEnterpriseInstall,
    } as InstallationQuery<boolean>;
    await deleteInstallation(query);
    logger.info({ teamId: query.teamId, enterpriseId: query.enterpriseId }, 'slack installation removed');
  };

  app.event('app_uninstalled', async ({ body, context }) => {
    await remove(body, context.isEnterpriseInstall === true);
  });

  app.event('tokens_revoked', async ({ event, body, context }) => {
    if ((event.tokens.bot ?? []).length === 0) return; // only user tokens went; the bot still works
    await remove(body, context.isEnterpriseInstall === true);
  });
}
