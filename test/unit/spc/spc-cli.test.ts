import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the command exactly as the contract states: `npm run --silent spc`, stdin in, stdout out. */
function runSpc(stdin: string) {
  const child = spawnSync('npm', ['run', '--silent', 'spc'], { cwd: root, input: stdin, encoding: 'utf8' });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('npm run --silent spc', () => {
  it('answers worked example 1 (I chart) with the contract keys on the last line', () => {
    const values = [10.2, 10.8, 11.1, 10.9, 11.4, 11.0, 12.5, 9.1];
    const { code, stdout } = runSpc(JSON.stringify({ chart: 'i', values }));
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    const out = JSON.parse(lines[lines.length - 1]!) as {
      chart: string;
      phases: { centre: number; points: { y: number; lcl: number; ucl: number; outside: boolean }[]; sigmaSignal: boolean; runsSignal: boolean }[];
    };
    expect(out.chart).toBe('i');
    expect(out.phases).toHaveLength(1);
    const [phase] = out.phases;
    expect(Object.keys(phase!)).toEqual(['centre', 'points', 'sigmaSignal', 'runsSignal']);
    expect(phase!.centre).toBeCloseTo(10.875, 9);
    expect(phase!.points.map((p) => p.outside)).toEqual([false, false, false, false, false, false, true, true]);
    expect(phase!.points[0]!.lcl).toBeCloseTo(9.323582, 6);
    expect(phase!.points[0]!.ucl).toBeCloseTo(12.426418, 6);
    expect(phase!.sigmaSignal).toBe(true);
    expect(phase!.runsSignal).toBe(false);
  });

  it('answers worked example 3 (G chart) and splits phases with parts', () => {
    const { code, stdout } = runSpc(JSON.stringify({ chart: 'g', values: [11, 20, 23, 12, 1, 1, 9, 18] }));
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { phases: { centre: number; points: { ucl: number; lcl: number }[] }[] };
    expect(out.phases[0]!.centre).toBe(11.5);
    expect(out.phases[0]!.points[0]!.ucl).toBeCloseTo(48.969685, 6);

    const phased = runSpc(JSON.stringify({ chart: 'c', values: [1, 2, 3, 10, 11, 12], parts: [3], exclude: [1] }));
    const two = JSON.parse(phased.stdout) as { phases: { centre: number; points: unknown[] }[] };
    expect(two.phases.map((p) => [p.centre, p.points.length])).toEqual([[2.5, 3], [11, 3]]);
  });

  it('prints null, never NaN or Infinity, where there are no limits', () => {
    const { code, stdout } = runSpc(JSON.stringify({ chart: 'p', values: [0, null, 3], denominators: [0, 5, 4], freeze: 2 }));
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(stdout)).toEqual({
      chart: 'p',
      phases: [{
        centre: null,
        points: [
          { y: null, lcl: null, ucl: null, outside: false },
          { y: null, lcl: null, ucl: null, outside: false },
          { y: 0.75, lcl: null, ucl: null, outside: false },
        ],
        sigmaSignal: false,
        runsSignal: false,
      }],
    });
  });

  it.each([
    ['', 'expected one JSON object on stdin, got nothing'],
    ['{"chart":"i","values":[1,2', 'stdin is not valid JSON'],
    ['[1,2]', 'expected a JSON object'],
    ['{"chart":"i","values":[1],"median":3}', 'unknown field "median"'],
    ['{"values":[1,2]}', 'chart: is missing'],
    ['{"chart":"xbar","values":[1,2]}', 'chart: must be one of'],
    ['{"chart":"i","values":[]}', 'values: has no points'],
    ['{"chart":"i","values":[1,"2"]}', 'values[1]: must be a number or null'],
    ['{"chart":"p","values":[1,2]}', 'denominators: are needed for a p chart'],
    ['{"chart":"c","values":[1,2],"denominators":[3,3]}', 'denominators: are only for p and u charts'],
    ['{"chart":"u","values":[1,2],"denominators":[3]}', 'denominators: has 1 numbers but values has 2'],
    ['{"chart":"u","values":[1,2],"denominators":[3,-1]}', 'denominators[1]: must be a number of 0 or more'],
    ['{"chart":"g","values":[1,-2]}', 'values[1]: -2 is negative'],
    ['{"chart":"p","values":[4,2],"denominators":[3,3]}', 'values[0]: 4 is more than its denominator 3'],
    ['{"chart":"u","values":[1,2],"denominators":[0,3]}', 'values[0]: 1 events over a denominator of 0'],
    ['{"chart":"i","values":[1,2,3],"freeze":4}', 'freeze: 4 is beyond the 3 values'],
    ['{"chart":"i","values":[1,2,3],"parts":[2,1]}', 'parts[1]: must be increasing'],
    ['{"chart":"i","values":[1,2,3],"parts":[3]}', 'parts[0]: a phase cannot start after point 3'],
    ['{"chart":"i","values":[1,2,3],"exclude":[0]}', 'exclude[0]: positions count from 1'],
    ['{"chart":"i","values":[1,2,3],"freeze":1.5}', 'freeze: must be a whole number'],
  ])('bad input %s → {"error"} naming the field, exit code 1, no stack trace', (stdin, message) => {
    const { code, stdout, stderr } = runSpc(stdin);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    const out = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['error']);
    expect(out.error).toContain(message);
    expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
