import type { Db } from 'mongodb';
import type { DigestComposer } from '../src/digest/compose-digest.js';
import { dueDigestSlot } from '../src/digest/due-digest.js';
import { planDigest, type PlanOutcome } from '../src/digest/plan-digest.js';
import { DEFAULT_CHARTS_KEPT_MEETINGS, pruneDigestCharts } from '../src/digest/prune-digest-charts.js';
import { allProgrammes } from '../src/digest/programmes.js';
import type { Logger } from '../src/log.js';

export interface PlanDigestsDeps {
  db: Db;
  logger: Logger;
  clock: () => Date;
  /** This process, for build leases. */
  owner: string;
  buildLeaseMs?: number;
  /** Composes each digest; the app's runs in a child process (digest-worker-pool.ts), default here. */
  compose?: DigestComposer;
  /** Digests keep their chart images for this many meetings (default 3). */
  chartsKeptMeetings?: number;
  /** Called when digests were planned, to start sending at once rather than at the next poll. */
  onPlanned?: () => Promise<void>;
}

/** Building a digest renders a dozen charts: ten minutes is far more than that needs. */
const DEFAULT_BUILD_LEASE_MS = 10 * 60_000;

/**
 * For each programme, the next meeting's digest time from its cadence — computed each run, so
 * a moved meeting or new timing re-plans it — and when that time has come, the digest and its
 * delivery records. Returns what happened per workspace.
 */
export async function runPlanDigests(deps: PlanDigestsDeps): Promise<Record<string, PlanOutcome>> {
  const now = deps.clock();
  const outcomes: Record<string, PlanOutcome> = {};
  const keep = deps.chartsKeptMeetings ?? DEFAULT_CHARTS_KEPT_MEETINGS;
  for (const programme of await allProgrammes(deps.db)) {
    const slot = dueDigestSlot(programme, now);
    if (slot) {
      outcomes[programme.workspaceId] = await planDigest(deps.db, programme, slot, {
        owner: deps.owner,
        now,
        buildLeaseMs: deps.buildLeaseMs ?? DEFAULT_BUILD_LEASE_MS,
        ...(deps.compose && { compose: deps.compose }),
      });
      if (outcomes[programme.workspaceId] === 'planned') {
        const { workspaceId } = programme;
        deps.logger.info({ workspaceId, meeting: slot.meeting.localDate }, 'digest planned');
      }
    }
    // After planning, so a digest just built counts as one of the meetings whose charts are kept.
    await pruneDigestCharts(deps.db, programme.workspaceId, keep, now);
  }
  if (Object.values(outcomes).includes('planned')) await deps.onPlanned?.();
  return outcomes;
}
