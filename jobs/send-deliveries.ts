import { claimNextDelivery, claimStaleDelivery } from '../src/deliveries/claim-delivery.js';
import { DEFAULT_LEASE_MS } from '../src/deliveries/retry-policy.js';
import { sendDelivery, type SendDeps, type SendOutcome } from '../src/deliveries/send-delivery.js';

export interface SendDeliveriesDeps extends Omit<SendDeps, 'leaseMs'> {
  /** This process, recorded on each claim. */
  owner: string;
  leaseMs?: number;
  /** Bound on one run, so a backlog cannot hold the job's lock for ever. */
  maxPerRun?: number;
}

/**
 * Sends what is due: first deliveries whose sender's lease lapsed (it died or hangs), then pending
 * ones oldest first, each under a claim. Any number of instances may run this at once.
 */
export async function runSendDeliveries(
  deps: SendDeliveriesDeps,
): Promise<Partial<Record<SendOutcome, number>>> {
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const counts: Partial<Record<SendOutcome, number>> = {};
  for (let i = 0; i < (deps.maxPerRun ?? 200); i++) {
    const now = deps.clock();
    const record =
      (await claimStaleDelivery(deps.db, deps.owner, now, leaseMs)) ??
      (await claimNextDelivery(deps.db, deps.owner, now, leaseMs));
    if (!record) break;
    const outcome = await sendDelivery({ ...deps, leaseMs }, record);
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  }
  return counts;
}
