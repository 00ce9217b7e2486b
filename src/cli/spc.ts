import { text } from 'node:stream/consumers';
import { analyseControlChart } from '../domain/spc/analyse-control-chart.js';
import { parseSpcInput } from '../domain/spc/parse-spc-input.js';
import { spcSummary } from '../domain/spc/spc-summary.js';
import { AppError } from '../errors.js';

/**
 * Reads one JSON object from stdin ({"chart", "values", "denominators"?, "freeze"?, "parts"?,
 * "exclude"?}) and prints one line: {"chart", "phases":[…]} on success, or {"error":"…"} with exit
 * code 1 (docs/spc.md). Never a stack trace.
 */
async function main(): Promise<void> {
  const raw = await text(process.stdin);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    fail(
      raw.trim() === ''
        ? 'expected one JSON object on stdin, got nothing'
        : 'stdin is not valid JSON',
    );
    return;
  }
  try {
    const summary = spcSummary(analyseControlChart(parseSpcInput(parsed)));
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } catch (error) {
    fail(error instanceof AppError ? error.userMessage : 'the analysis failed unexpectedly');
  }
}

function fail(message: string): void {
  process.stdout.write(`${JSON.stringify({ error: message })}\n`);
  process.exitCode = 1;
}

await main();
