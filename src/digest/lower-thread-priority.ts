import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers the calling thread's CPU priority (Linux nice 10), leaving the process's other threads as
 * they are. The digest worker calls it: on a two-core machine a planning run over every area
 * competes with the thread that acks Slack and Teams, and an ack must win. At nice 10 the kernel
 * gives the request thread about nine tenths of a contended core, and the worker still gets every
 * idle cycle, so a planning run takes no longer on a quiet machine. Linux names a thread's own id
 * in /proc/thread-self; setpriority on that id changes that thread only. Elsewhere it does nothing.
 */
export function lowerThisThreadsPriority(nice = 10): boolean {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
