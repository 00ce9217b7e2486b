import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { compileCaseRefPattern, findCaseReferences } from '../src/domain/case-reference.js';
import { parseMilestoneStatement } from '../src/domain/parse-milestone.js';
import { runIfMain } from './cli.js';
import { type CaseStats, measure, percentile } from './harness.js';
import {
  type BenchOptions,
  type BenchReport,
  markdownTable,
  ms,
  STATS_HEADERS,
  statsCells,
} from './report.js';

interface Fixture {
  today: string;
  cases: { text: string; expect: { records?: unknown[]; error?: string } }[];
}

const COLD_PROCESSES = 3;

/**
 * `parseMilestoneStatement` over every sentence of test/fixtures/utterances.json, against a plain
 * scan of the same sentences for case references: the first thing the parser does, so the ratio
 * is what finding milestones and reading dates (chrono) add. The first calls in a fresh process
 * are timed apart, in child processes: chrono's cold start is what the first user after a deploy
 * sees.
 */
export async function benchParseMilestone(options: BenchOptions): Promise<BenchReport> {
  const rounds = options.rounds ?? 40;
  const warmUp = options.warmUp ?? 5;
  const fixture = JSON.parse(
    await readFile(new URL('../test/fixtures/utterances.json', import.meta.url), 'utf8'),
  ) as Fixture;
  const { today } = fixture;
  const all = fixture.cases.map((c) => c.text);
  const understood = fixture.cases.filter((c) => c.expect.records).map((c) => c.text);
  const refused = fixture.cases.filter((c) => !c.expect.records).map((c) => c.text);
  const pattern = compileCaseRefPattern();
  const perSentence = (sentences: string[], parse: (text: string) => unknown) => () => {
    for (const text of sentences) parse(text);
  };
  const groups: [name: string, sentences: string[], parse: (text: string) => unknown][] = [
    ['baseline: findCaseReferences, all', all, (text) => findCaseReferences(text, pattern)],
    ['parseMilestoneStatement, all', all, (text) => parseMilestoneStatement(text, { today })],
    ['of which understood', understood, (text) => parseMilestoneStatement(text, { today })],
    ['of which refused', refused, (text) => parseMilestoneStatement(text, { today })],
  ];
  const stats = await measure(
    groups.map(([name, sentences, parse]) => ({ name, run: perSentence(sentences, parse) })),
    { rounds, warmUp, minSampleMs: 0.25 },
  );
  const bySentence = stats.map((s, i) => perCall(s, groups[i][1].length));
  const cold = await coldStarts(today, all[0]);
  return {
    title: 'Milestone sentence parsing',
    intro:
      `Time per sentence over the ${all.length} sentences of \`test/fixtures/utterances.json\` ` +
      `(${understood.length} understood, ${refused.length} refused), \`today\` fixed, ${rounds} ` +
      `rounds after ${warmUp} warm-up. Baseline: \`findCaseReferences\` over the same ` +
      "sentences — a regex scan for references, the parser's own first step.",
    table: markdownTable(
      ['case', ...STATS_HEADERS],
      bySentence.map((s, i) => [
        `${s.name} (${groups[i][1].length})`,
        ...statsCells(s, bySentence[0]),
      ]),
    ),
    notes: [cold],
  };
}

function perCall(stats: CaseStats, calls: number): CaseStats {
  return {
    ...stats,
    medianMs: stats.medianMs / calls,
    p95Ms: stats.p95Ms / calls,
    cpuMedianMs: stats.cpuMedianMs / calls,
  };
}

interface ColdStart {
  importMs: number;
  calls: { wall: number; cpu: number }[];
}

/** Medians over fresh processes of the import and of each of the first calls. */
async function coldStarts(today: string, sentence: string): Promise<string> {
  const script = fileURLToPath(new URL('./parse-milestone-cold.ts', import.meta.url));
  const runs: ColdStart[] = [];
  for (let i = 0; i < COLD_PROCESSES; i++) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), script, today, sentence],
      { encoding: 'utf8' },
    );
    runs.push(JSON.parse(stdout) as ColdStart);
  }
  const mid = (pick: (run: ColdStart) => number) => ms(percentile(runs.map(pick), 0.5));
  const call = (n: number) =>
    `${mid((r) => r.calls[n].wall)} ms (CPU ${mid((r) => r.calls[n].cpu)} ms)`;
  return (
    `Cold start, median of ${COLD_PROCESSES} fresh processes (\`bench/parse-milestone-cold.ts\`, ` +
    `"${sentence}"): import of the parser with chrono and luxon ${mid((r) => r.importMs)} ms; ` +
    `first call ${call(0)}; second call ${call(1)}; third call ${call(2)}. The second call is ` +
    "V8 compiling chrono's regular expressions to machine code after their first use (it " +
    'vanishes under `--no-regexp-tier-up`, which moves the cost to the first call).'
  );
}

await runIfMain(import.meta.url, benchParseMilestone);
