import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function runCli(stdin: string) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/runchart.ts'], {
    cwd: root,
    input: stdin,
    encoding: 'utf8',
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

const KEYS = [
  'median',
  'nUseful',
  'longestRun',
  'longestRunMax',
  'crossings',
  'crossingsMin',
  'anhoejSignal',
  'shift',
  'trend',
  'longestTrend',
  'runs',
  'runsLower',
  'runsUpper',
  'tooFewRuns',
  'tooManyRuns',
  'enoughData',
];

describe('npm run runchart', () => {
  it('prints one line with exactly the contract keys, in order, per phase', () => {
    const values = [...new Array(12).fill(20), ...new Array(12).fill(10), null];
    const { code, stdout } = runCli(JSON.stringify({ values, parts: [12], exclude: [25] }));
    expect(code).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const { phases } = JSON.parse(stdout) as { phases: Record<string, unknown>[] };
    expect(phases).toHaveLength(2);
    for (const phase of phases) expect(Object.keys(phase)).toEqual(KEYS);
    expect(phases[0]).toMatchObject({
      median: 20,
      nUseful: 0,
      longestRun: null,
      enoughData: false,
    });
  });

  it('answers worked example 2 exactly', () => {
    const values = [...new Array(12).fill(20), ...new Array(12).fill(10)];
    const { code, stdout } = runCli(JSON.stringify({ values }));
    expect(code).toBe(0);
    expect(stdout).toBe(
      '{"phases":[{"median":15,"nUseful":24,"longestRun":12,"longestRunMax":8,"crossings":1,' +
        '"crossingsMin":8,"anhoejSignal":true,"shift":true,"trend":false,"longestTrend":2,"runs":2,' +
        '"runsLower":8,"runsUpper":18,"tooFewRuns":true,"tooManyRuns":false,"enoughData":true}]}\n',
    );
  });

  it.each([
    ['{"values":[1,2,3],"freeze":9}', 'freeze: 9 is beyond the 3 values'],
    ['{"values":[1,2', 'stdin is not valid JSON'],
    ['', 'expected one JSON object on stdin, got nothing'],
  ])('bad input %s → {"error"} and exit code 1, no stack trace', (stdin, message) => {
    const { code, stdout, stderr } = runCli(stdin);
    expect(code).toBe(1);
    expect(stdout).toBe(`${JSON.stringify({ error: message })}\n`);
    expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
