import { DateTime } from 'luxon';
import { parseMilestoneStatement } from '../domain/parse-milestone.js';

/**
 * `npm run --silent parse -- [--today yyyy-mm-dd] "<text>"` prints one JSON line: the records
 * understood, or the refusal code. A refusal is an answer (exit 0); only a usage mistake exits 2.
 * `--explain` also prints the refusal's message on stderr.
 */
const USAGE = 'usage: npm run --silent parse -- [--today YYYY-MM-DD] [--explain] "<text>"';
const TIME_ZONE = 'Europe/London';

function usageError(problem: string): never {
  process.stderr.write(`${problem}\n${USAGE}\n`);
  process.exit(2);
}

function readArgs(argv: string[]): { today: string; explain: boolean; text: string } {
  let today: string | undefined;
  let explain = false;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--today') {
      today = argv[++i];
      if (!today) usageError('--today needs a date');
    } else if (arg.startsWith('--today=')) {
      today = arg.slice('--today='.length);
    } else if (arg === '--explain') {
      explain = true;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else {
      words.push(arg);
    }
  }
  if (today !== undefined) {
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(today) && DateTime.fromISO(today).isValid;
    if (!valid) usageError(`--today must be a real date as YYYY-MM-DD, got "${today}"`);
  }
  const text = words.join(' ').trim();
  if (!text) usageError('no text to parse');
  return { today: today ?? DateTime.now().setZone(TIME_ZONE).toISODate()!, explain, text };
}

const { today, explain, text } = readArgs(process.argv.slice(2));
const result = parseMilestoneStatement(text, { today, timeZone: TIME_ZONE });
if (result.ok) {
  // Key order is part of the contract.
  const records = result.records.map((r) => ({
    caseRef: r.caseRef,
    milestone: r.milestone,
    date: r.date,
    planned: r.planned,
  }));
  process.stdout.write(`${JSON.stringify({ records })}\n`);
} else {
  process.stdout.write(`${JSON.stringify({ error: result.error })}\n`);
  if (explain) process.stderr.write(`${result.message}\n`);
}
