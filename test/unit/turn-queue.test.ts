import { describe, expect, it } from 'vitest';
import { TurnQueue } from '../../src/turn-queue.js';

/** A job that runs until the test lets it finish, recording when it started. */
function gate(log: string[], name: string) {
  let open = () => {};
  const finished = new Promise<void>((resolve) => (open = resolve));
  return {
    job: async () => {
      log.push(name);
      await finished;
      return name;
    },
    open: () => open(),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('TurnQueue', () => {
  it('refuses once a workspace has as many turns waiting as it may, and takes more when they are done', async () => {
    const queue = new TurnQueue({ running: 1, runningPerWorkspace: 1, waitingPerWorkspace: 2, waitingTotal: 10 });
    const log: string[] = [];
    const gates = ['a', 'b', 'c'].map((name) => gate(log, name));
    const results = gates.map((g) => queue.offer('T1', g.job));
    expect(results.every((r) => r !== null)).toBe(true);
    expect(queue.offer('T1', async () => 'd')).toBeNull();
    expect(queue.stats()).toEqual({ running: 1, waiting: 2 });
    await tick();
    expect(log).toEqual(['a']);
    gates[0]!.open();
    expect(await results[0]).toBe('a');
    await tick();
    expect(log).toEqual(['a', 'b']);
    expect(queue.offer('T1', async () => 'e')).not.toBeNull();
    for (const g of gates) g.open();
    await queue.idle();
    expect(queue.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('bounds the waiting turns of all workspaces together', () => {
    const queue = new TurnQueue({ running: 1, runningPerWorkspace: 1, waitingPerWorkspace: 5, waitingTotal: 2 });
    const never = () => new Promise<void>(() => {});
    expect(queue.offer('T1', never)).not.toBeNull(); // runs
    expect(queue.offer('T1', never)).not.toBeNull(); // waits
    expect(queue.offer('T2', never)).not.toBeNull(); // waits
    expect(queue.offer('T3', never)).toBeNull();
  });

  it('gives free places to waiting workspaces in turn, so a flood does not starve another workspace', async () => {
    const queue = new TurnQueue({ running: 1, runningPerWorkspace: 1, waitingPerWorkspace: 10, waitingTotal: 100 });
    const log: string[] = [];
    const first = gate(log, 'A0');
    void queue.offer('A', first.job);
    for (let i = 1; i <= 3; i++) void queue.offer('A', async () => void log.push(`A${i}`));
    void queue.offer('B', async () => void log.push('B1'));
    first.open();
    await queue.idle();
    expect(log.slice(0, 3)).toEqual(['A0', 'A1', 'B1']);
    expect(log).toHaveLength(5);
  });

  it('keeps a workspace to its own running places while another waits', async () => {
    const queue = new TurnQueue({ running: 3, runningPerWorkspace: 2, waitingPerWorkspace: 10, waitingTotal: 100 });
    const log: string[] = [];
    const a = [gate(log, 'A1'), gate(log, 'A2'), gate(log, 'A3')];
    for (const g of a) void queue.offer('A', g.job);
    const b = queue.offer('B', async () => 'B1');
    expect(await b).toBe('B1');
    expect(log).toEqual(['A1', 'A2']);
    for (const g of a) g.open();
    await queue.idle();
    expect(log).toEqual(['A1', 'A2', 'A3']);
  });

  it('passes a failed turn to its caller and goes on with the next', async () => {
    const queue = new TurnQueue({ running: 1, runningPerWorkspace: 1, waitingPerWorkspace: 5, waitingTotal: 5 });
    const failing = queue.offer('T1', async () => {
      throw new Error('boom');
    });
    const next = queue.offer('T1', async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe('next');
  });
});

describe('TurnQueue and acknowledgements', () => {
  it('holds turns back while an ack is being prepared, and starts them once it is sent', async () => {
    const queue = new TurnQueue({ running: 4, runningPerWorkspace: 4, waitingPerWorkspace: 4, waitingTotal: 4 });
    const log: string[] = [];
    const sent = queue.acking();
    const done = queue.offer('T1', async () => void log.push('turn'));
    await tick();
    await tick();
    expect(log).toEqual([]);
    sent();
    sent(); // twice is once
    await done;
    expect(log).toEqual(['turn']);
  });

  it('keeps turns held across a gap of a few milliseconds between the acks of one burst', async () => {
    const queue = new TurnQueue({ running: 4, runningPerWorkspace: 4, waitingPerWorkspace: 4, waitingTotal: 4 });
    const log: string[] = [];
    const first = queue.acking();
    const done = queue.offer('T1', async () => void log.push('turn'));
    first();
    // The next request of the burst is verified 8 ms later, as on a busy two-core machine. (Timers
    // run in the order they fall due, so a late 8 ms timer still runs before the quiet one.)
    await new Promise((resolve) => setTimeout(resolve, 8));
    expect(log).toEqual([]);
    const second = queue.acking();
    await tick();
    expect(log).toEqual([]);
    second();
    await done;
    expect(log).toEqual(['turn']);
  });

  it('does not hold back an urgent turn (one whose own ack waits for it)', async () => {
    const queue = new TurnQueue({ running: 4, runningPerWorkspace: 4, waitingPerWorkspace: 4, waitingTotal: 4 });
    const sent = queue.acking();
    expect(await queue.offer('T1', async () => 'urgent', { urgent: true })).toBe('urgent');
    sent();
  });

  it('starts held turns after a while even if acks keep coming', async () => {
    const queue = new TurnQueue({ running: 4, runningPerWorkspace: 4, waitingPerWorkspace: 4, waitingTotal: 4 });
    queue.acking(); // never sent
    expect(await queue.offer('T1', async () => 'started')).toBe('started');
  });
});

describe('TurnQueue, per person', () => {
  const limits = { running: 8, runningPerWorkspace: 4, waitingPerWorkspace: 20, waitingTotal: 200, runningPerPerson: 1, waitingPerPerson: 2 };

  it("lets a colleague in the same workspace start while one person's turns are stuck", async () => {
    const queue = new TurnQueue(limits);
    const log: string[] = [];
    const stuck = [0, 1, 2].map((i) => gate(log, `jamie${i}`));
    const offered = stuck.map((g) => queue.offer('T1', g.job, { person: 'jamie' }));
    expect(offered.every((o) => o !== null)).toBe(true);
    // Jamie may have only two turns waiting behind the stuck one; the next is refused for Jamie alone.
    expect(queue.offer('T1', async () => 'jamie3', { person: 'jamie' })).toBeNull();
    const colleague = queue.offer('T1', async () => 'sam', { person: 'sam' });
    expect(colleague).not.toBeNull();
    expect(await colleague).toBe('sam');
    expect(log).toEqual(['jamie0']);
    for (const g of stuck) g.open();
    await queue.idle();
    expect(log).toEqual(['jamie0', 'jamie1', 'jamie2']);
  });

  it("runs one person's turns in the order they were sent", async () => {
    const queue = new TurnQueue(limits);
    const log: string[] = [];
    const first = gate(log, 'a');
    void queue.offer('T1', first.job, { person: 'p' });
    void queue.offer('T1', async () => void log.push('b'), { person: 'p' });
    void queue.offer('T1', async () => void log.push('other'), { person: 'q' });
    await tick();
    await tick();
    expect(log).toEqual(['a', 'other']);
    first.open();
    await queue.idle();
    expect(log).toEqual(['a', 'other', 'b']);
  });
});
