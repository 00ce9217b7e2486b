/** One thing to time. `run` is called once per call; its result is ignored. */
export interface BenchCase {
  name: string;
  run: () => unknown;
}

export interface MeasureOptions {
  /** Timed rounds; each round times every case once (one sample each). */
  rounds: number;
  /** Untimed rounds first, so JIT, caches and connections are warm. */
  warmUp: number;
  /**
   * Calls shorter than this are repeated within one sample until the sample lasts about this long,
   * so timer resolution does not swamp sub-millisecond work. 0 keeps one call per sample.
   */
  minSampleMs?: number;
}

export interface CaseStats {
  name: string;
  /** Median wall-clock time per call, over the samples. */
  medianMs: number;
  /** 95th percentile wall-clock time per call (nearest rank), over the samples. */
  p95Ms: number;
  /**
   * Median CPU time of this process per call (user + system, all threads). Time spent waiting —
   * for the disk, or for a turn on a busy CPU — does not count, so on a loaded machine it is the
   * steadier figure; the wall clock is what a user waits.
   */
  cpuMedianMs: number;
  samples: number;
  /** Calls per sample. */
  batch: number;
}

interface Sample {
  wall: number;
  cpu: number;
}

/**
 * Times each case over `rounds` samples. Rounds interleave the cases, so a burst of load on the
 * machine hits the baseline and the cases alike and their ratio stays meaningful; the order rotates
 * from round to round, so what one case leaves behind (garbage, timers) does not always land on the
 * same next case.
 */
export async function measure(cases: BenchCase[], options: MeasureOptions): Promise<CaseStats[]> {
  for (let round = 0; round < options.warmUp; round++) {
    for (const c of cases) await timeCalls(c.run, 1);
  }
  const target = options.minSampleMs ?? 0;
  const batches: number[] = [];
  for (const c of cases) batches.push(target > 0 ? await calibrate(c.run, target) : 1);
  const samples = cases.map(() => [] as Sample[]);
  for (let round = 0; round < options.rounds; round++) {
    // Each round starts one case later, so no case always follows the same neighbour.
    for (let step = 0; step < cases.length; step++) {
      const i = (round + step) % cases.length;
      samples[i].push(await timeCalls(cases[i].run, batches[i]));
    }
  }
  return cases.map((c, i) => {
    const wall = samples[i].map((s) => s.wall / batches[i]);
    const cpu = samples[i].map((s) => s.cpu / batches[i]);
    return {
      name: c.name,
      medianMs: percentile(wall, 0.5),
      p95Ms: percentile(wall, 0.95),
      cpuMedianMs: percentile(cpu, 0.5),
      samples: wall.length,
      batch: batches[i],
    };
  });
}

/**
 * Doubles the calls per sample until one sample lasts `targetMs`. Each size is judged by the
 * fastest of three tries, so a moment of being descheduled on a loaded machine does not stop it
 * early.
 */
async function calibrate(run: () => unknown, targetMs: number): Promise<number> {
  let calls = 1;
  while (calls < MAX_BATCH) {
    const tries = [];
    for (let i = 0; i < 3; i++) tries.push((await timeCalls(run, calls)).wall);
    if (Math.min(...tries) >= targetMs) break;
    calls *= 2;
  }
  return calls;
}

const MAX_BATCH = 1 << 16;

async function timeCalls(run: () => unknown, calls: number): Promise<Sample> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let call = 0; call < calls; call++) {
    // Awaiting only real promises keeps a microtask hop out of the timing of synchronous work.
    const result = run();
    if (result instanceof Promise) await result;
  }
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** The median for q = 0.5 (mean of the middle two for an even count), else the nearest rank. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  if (q === 0.5) {
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
