/** One gate an outbound call passes: at most `limit` calls under `key` run at once. */
export interface Slot {
  key: string;
  limit: number;
}

interface Gate {
  active: number;
  waiting: (() => void)[];
}

/**
 * A semaphore per key (a workspace, a conversation), so calls queue only behind calls of their own
 * key: a workspace or a person whose calls hang fills its own slots and nobody else's. A call
 * takes its slots in the order given (narrowest first by convention, so a conversation can hold at
 * most its own share of its workspace) and gives them back when it settles. Idle keys are dropped,
 * so the map holds only keys with calls in flight or waiting.
 */
export class KeyedLimiter {
  private readonly gates = new Map<string, Gate>();

  async run<T>(slots: readonly Slot[], work: () => Promise<T>): Promise<T> {
    const taken: string[] = [];
    try {
      for (const slot of slots) {
        await this.acquire(slot);
        taken.push(slot.key);
      }
      return await work();
    } finally {
      for (const key of taken.reverse()) this.release(key);
    }
  }

  /** Calls running or waiting under `key` (for tests and metrics). */
  load(key: string): { active: number; waiting: number } {
    const gate = this.gates.get(key);
    return { active: gate?.active ?? 0, waiting: gate?.waiting.length ?? 0 };
  }

  private acquire({ key, limit }: Slot): Promise<void> {
    let gate = this.gates.get(key);
    if (!gate) this.gates.set(key, (gate = { active: 0, waiting: [] }));
    if (gate.active < Math.max(1, limit)) {
      gate.active += 1;
      return Promise.resolve();
    }
    // The slot passes straight from the releasing call to the first waiter: `active` stays put.
    return new Promise((resolve) => gate.waiting.push(resolve));
  }

  private release(key: string): void {
    const gate = this.gates.get(key);
    if (!gate) return;
    const next = gate.waiting.shift();
    if (next) return next();
    gate.active -= 1;
    if (gate.active === 0) this.gates.delete(key);
  }
}
