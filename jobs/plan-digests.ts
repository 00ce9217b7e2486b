import type { Db } from 'mongodb';
import { dueDigestSlot } from '../src/digest/due-digest.js';
import { planDigest, type PlanOutcome } from '../src/digest/plan-digest.js';
import { allProgrammes } from '../src/digest/programmes.js';
import type { Logger } from '../src/log.js';
import type { JobDefinition } from '../src/scheduler.js';

export interface PlanDigestsDeps {
  db: Db;
  logger: Logger;
  clock: () => Date;
  /** This process, for build leases. */
  owner: string;
  buildLeaseMs?: number;
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
  for (const programme of await allProgrammes(deps.db)) {
    const slot = dueDigestSlot(programme, now);
    if (!slot) continue;
    outcomes[programme.workspaceId] = await planDigest(deps.db, programme, slot, {
      owner: deps.owner,
      now,
      buildLeaseMs: deps.buildLeaseMs ?? DEFAULT_BUILD_LEASE_MS,
    });
    if (outcomes[programme.workspaceId] === 'planned') {
      const { workspaceId } = programme;
      deps.logger.info({ workspaceId, meeting: slot.meeting.localDate }, 'digest planned');
    }
  }
  if (Object.values(outcomes).includes('planned')) await deps.onPlanned?.();
  return outcomes;
}

/** 'plan-digests': every five minutes, so a digest goes out within minutes of its time. */
export function planDigestsJob(deps: PlanDigestsDeps): JobDefinition {
  const handler = async () => void (await runPlanDigests(deps));
  return { name: 'plan-digests', every: '5 minutes', handler };
}
