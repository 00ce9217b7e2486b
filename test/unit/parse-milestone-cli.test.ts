import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function runCli(args: string[]) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/parse.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('npm run parse', () => {
  it('prints the records on one line with keys in contract order and planned as a boolean', () => {
    const { code, stdout } = runCli([
      '--today',
      '2026-11-19',
      'LAC reviews held on Monday for C1042 and C1077',
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      '{"records":[' +
        '{"caseRef":"C1042","milestone":"first_lac_review","date":"2026-11-16","planned":false},' +
        '{"caseRef":"C1077","milestone":"first_lac_review","date":"2026-11-16","planned":false}]}\n',
    );
  });

  it('marks a booked date as planned', () => {
    const { stdout } = runCli(['--today', '2026-11-19', 'panel booked for C1077 on 12 December']);
    expect(JSON.parse(stdout)).toEqual({
      records: [
        { caseRef: 'C1077', milestone: 'permanence_panel', date: '2026-12-12', planned: true },
      ],
    });
  });

  it('answers a refusal with its code and exit 0', () => {
    const { code, stdout, stderr } = runCli([
      '--today',
      '2026-11-19',
      'Jamie was accommodated yesterday',
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe('{"error":"no_case_reference"}\n');
    expect(stderr).toBe('');
  });

  it('joins unquoted words and explains a refusal on stderr when asked', () => {
    const { stdout, stderr } = runCli([
      '--today=2026-11-19',
      '--explain',
      'C1042',
      'accommodated',
      '31/02/2026',
    ]);
    expect(stdout).toBe('{"error":"invalid_date"}\n');
    expect(stderr).toContain('“31/02/2026” isn’t a real date');
  });

  it('uses today in Europe/London without --today', () => {
    const { code, stdout } = runCli(['C1042 accommodated today']);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
      new Date(),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).records[0].date).toBe(today);
  });

  it('exits 2 with a message on stderr for a usage mistake', () => {
    for (const args of [
      [],
      ['--today', '2026-11-19'],
      ['--today', '19/11/2026', 'C1042 accommodated today'],
    ]) {
      const { code, stdout, stderr } = runCli(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('usage:');
    }
  });
});
