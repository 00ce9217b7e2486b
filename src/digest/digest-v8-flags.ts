import { execFile } from 'node:child_process';

/**
 * V8 flags for the digest process. V8 sends a function to its optimising compiler once it has run
 * `--interrupt-budget` bytes of bytecode (66 KB by default on Node 20). A digest runs thousands of
 * functions only a few times each, so a fresh digest process kept compiling functions all through
 * its planning run, most of them after their last busy moment: about 100 ms of compiler time per
 * digest still at the 16th digest (issue 15). At eight times the budget only the really hot ones
 * are compiled: 32 digests in a fresh digest process took 10.0–10.6 s of CPU against 11.1–11.2 s
 * (alternated runs; budgets from 4× to 31× measured the same within noise), and the first digest
 * 1.2 s against 1.5 s (bench/RESULTS.md, "Issue 15: before and after"). Nothing else changes.
 *
 * A young generation of up to 64 MB a semi-space (16 MB by default): a digest's charts, layouts and
 * pack are garbage within the digest, and with room to die young far less of it is copied, promoted
 * and marked again. A 32-area planning run's digest process took less CPU in 7 of 8 alternated pairs
 * (median 10.1 s against 11.1 s, compiled), for a peak of 353 MB resident against 265 MB while it
 * runs; it ends a minute after its last digest (bench/RESULTS.md, "Session of 6 December, 21:20–").
 */
export const DIGEST_V8_FLAGS: readonly string[] = ['--interrupt-budget=540672', '--max-semi-space-size=64'];

/**
 * Those of `flags` that this Node accepts, each tried by starting Node with it. Node refuses to
 * start at all with a V8 flag it does not know ("bad option", exit code 9), and a digest process
 * that cannot start fails every digest: a flag a later Node drops is left out (digests then cost a
 * little more CPU) rather than stopping them.
 */
export function checkV8Flags(flags: readonly string[]): Promise<string[]> {
  const tried = flags.map(
    (flag) =>
      new Promise<string | null>((resolve) => {
        execFile(process.execPath, [flag, '-e', ''], { timeout: 10_000 }, (error) => resolve(error ? null : flag));
      }),
  );
  return Promise.all(tried).then((accepted) => accepted.filter((flag): flag is string => flag !== null));
}

let accepted: Promise<string[]> | undefined;

/** DIGEST_V8_FLAGS as this Node accepts them, checked once per process, without blocking it. */
export function acceptedDigestV8Flags(): Promise<string[]> {
  accepted ??= checkV8Flags(DIGEST_V8_FLAGS);
  return accepted;
}
