import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The highest nice value: the lowest priority. */
const LOWEST = 19;

/** The digest process's nice value: 10 below this process's (a server run at nice 5 gets 15). */
export function digestProcessNice(by = 10): number {
  return Math.min(LOWEST, getPriority() + by);
}

/**
 * Sets a process just started to `nice`, from the process that started it, as soon as fork returns:
 * on Linux that sets its first thread, and every thread it starts from then on (V8's, libuv's)
 * inherits it, so even Node's own start (and tsx's, from source) runs at the lower priority. On its
 * own the digest process could lower itself only once its first line of JavaScript ran, and its
 * start-up competed with the first acks of every planning run (issue 15). A thread Node started
 * before this, rare, is set by the process itself (lowerThisProcessesPriority). False when it
 * could not be set.
 */
export function startAtPriority(pid: number | undefined, nice: number): boolean {
  if (pid === undefined) return false;
  try {
    setPriority(pid, nice);
    return true;
  } catch {
    return false;
  }
}

/**
 * Lowers the CPU priority (nice 10 below the process that started it) of every thread of this
 * process: its JavaScript thread and also V8's garbage-collection and compiler threads and libuv's
 * pool. The digest process calls it first thing, with the nice value the pool chose and already
 * set on its first thread (startAtPriority), to catch any thread started before that: on a
 * two-core machine a planning run over every area competes with the process that acks Slack and
 * Teams, and an ack must win. Lowering only the JavaScript thread was not enough
 * (issue 15): the collector's helper threads did much of a digest's work at full priority. At nice
 * 10 the kernel gives the request process about nine tenths of a contended core, and the digest
 * process still gets every idle cycle, so a planning run takes no longer on a quiet machine.
 *
 * Linux applies a priority per thread and lists a process's threads in /proc/self/task; threads
 * started later inherit the priority of the thread that starts them. Elsewhere the process's own
 * priority is set. Without a nice value given, 10 below what it inherited. Returns how many
 * threads were set (0 when none could be).
 */
export function lowerThisProcessesPriority(to?: number): number {
  const nice = to ?? digestProcessNice();
  let threads: number[];
  try {
    threads = readdirSync('/proc/self/task').map(Number).filter((tid) => Number.isInteger(tid) && tid > 0);
  } catch {
    return lowerWhole(nice);
  }
  let lowered = 0;
  for (const tid of threads) {
    try {
      setPriority(tid, nice);
      lowered++;
    } catch {
      // A thread that ended between listing and renicing: nothing to lower.
    }
  }
  return lowered;
}

function lowerWhole(nice: number): number {
  try {
    setPriority(nice);
    return 1;
  } catch {
    return 0;
  }
}
