import { readFileSync } from 'node:fs';

/** Linux's clock ticks per second for /proc's CPU times (`getconf CLK_TCK`); 100 on every kernel we run. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user and system, every thread) that another process has used so far, from
 * /proc/<pid>/stat, in milliseconds (10 ms steps); 0 when there is no such process. The planning
 * runs compose digests in a child process, whose CPU `process.cpuUsage()` does not count.
 */
export function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // Fields after the command name (in parentheses, which may hold spaces): utime is the 14th
  // field of the line, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / TICKS_PER_SECOND;
}
