import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The highest nice value: the lowest priority. */
const LOWEST = 19;

/**
 * Lowers the CPU priority (nice 10 below the process that started it) of every thread of this process: its JavaScript thread and
 * also V8's garbage-collection and compiler threads and libuv's pool. The digest process calls it
 * first thing: on a two-core machine a planning run over every area competes with the process that
 * acks Slack and Teams, and an ack must win. Lowering only the JavaScript thread was not enough
 * (issue 15): the collector's helper threads did much of a digest's work at full priority. At nice
 * 10 the kernel gives the request process about nine tenths of a contended core, and the digest
 * process still gets every idle cycle, so a planning run takes no longer on a quiet machine.
 *
 * Linux applies a priority per thread and lists a process's threads in /proc/self/task; threads
 * started later inherit the priority of the thread that starts them. Elsewhere the process's own
 * priority is set. Relative to what it inherited, so a server itself run at nice 5 gets a digest
 * process at 15, still below it. Returns how many threads were lowered (0 when none could be).
 */
export function lowerThisProcessesPriority(by = 10): number {
  const nice = Math.min(LOWEST, getPriority() + by);
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
