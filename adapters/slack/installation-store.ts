import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Db } from 'mongodb';
import { COLLECTIONS } from '../../src/store/collections.js';

interface StoredInstallation {
  installationId: string;
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  installation: Installation;
  updatedAt: Date;
}

/** An org-wide install answers for every workspace of the organisation; otherwise one per team. */
function installationIdOf(query: {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
}): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  return `team:${query.teamId ?? ''}`;
}

/**
 * Slack OAuth installations (bot tokens) in MongoDB, so every instance can authorize every
 * workspace. Bolt's InstallProvider calls this on install and on each incoming request.
 */
export function createInstallationStore(db: Db): InstallationStore & {
  deleteInstallation(query: InstallationQuery<boolean>): Promise<void>;
} {
  const installations = db.collection<StoredInstallation>(COLLECTIONS.slackInstallations);
  return {
    async storeInstallation(installation) {
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      const teamId = installation.team?.id;
      const enterpriseId = installation.enterprise?.id;
      const query = { teamId, enterpriseId, isEnterpriseInstall };
      const installationId = installationIdOf(query);
      await installations.replaceOne(
        { installationId },
        {
          installationId,
          teamId: query.teamId ?? null,
          enterpriseId: query.enterpriseId ?? null,
          isEnterpriseInstall,
          installation: installation as Installation,
          updatedAt: new Date(),
        },
        { upsert: true },
      );
    },
    async fetchInstallation(query) {
      const found = await installations.findOne({ installationId: installationIdOf(query) });
      // Bolt turns this into an AuthorizationError: the request is acknowledged and ignored.
      if (!found) throw new Error('No Slack installation for this workspace');
      return found.installation;
    },
    async deleteInstallation(query) {
      await installations.deleteOne({ installationId: installationIdOf(query) });
    },
  };
}
