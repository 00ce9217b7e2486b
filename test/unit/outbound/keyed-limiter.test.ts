import { describe, expect, it } from 'vitest';
import { KeyedLimiter } from '../../../src/outbound/keyed-limiter.js';

/** A call that runs until the test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('KeyedLimiter', () => {
  it('runs at most `limit` calls per key and starts the next as one finishes', async () => {
    const limiter = new KeyedLimiter();
    const started: number[] = [];
    const gates = [gate(), gate(), gate()];
    const runs = gates.map((g, i) =>
      limiter.run([{ key: 'w1', limit: 2 }], async () => {
        started.push(i);
        await g.opened;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limiter.load('w1')).toEqual({ active: 2, waiting: 1 });
    gates[0]!.open();
    await runs[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    gates[1]!.open();
    gates[2]!.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(limiter.load('w1')).toEqual({ active: 0, waiting: 0 });
  });

  it('never makes one key wait behind another key that is full', async () => {
    const limiter = new KeyedLimiter();
    const stuck = gate();
    const hung = limiter.run([{ key: 'slow', limit: 1 }], () => stuck.opened);
    const queued = limiter.run([{ key: 'slow', limit: 1 }], async () => 'late');
    expect(await limiter.run([{ key: 'other', limit: 1 }], async () => 'now')).toBe('now');
    stuck.open();
    await hung;
    expect(await queued).toBe('late');
  });

  it('holds a narrow slot inside a wide one: a conversation takes only its share of the workspace', async () => {
    const limiter = new KeyedLimiter();
    const stuck = gate();
    const slots = (conversation: string) => [
      { key: `w/${conversation}`, limit: 1 },
      { key: 'w', limit: 2 },
    ];
    const hung = [1, 2, 3].map(() => limiter.run(slots('a'), () => stuck.opened));
    await Promise.resolve();
    expect(limiter.load('w')).toEqual({ active: 1, waiting: 0 });
    expect(await limiter.run(slots('b'), async () => 'b answered')).toBe('b answered');
    stuck.open();
    await Promise.all(hung);
  });

  it('gives the slot back when the call throws', async () => {
    const limiter = new KeyedLimiter();
    await expect(limiter.run([{ key: 'k', limit: 1 }], async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(limiter.load('k')).toEqual({ active: 0, waiting: 0 });
    expect(await limiter.run([{ key: 'k', limit: 1 }], async () => 'again')).toBe('again');
  });
});
