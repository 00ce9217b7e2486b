import { text } from 'node:stream/consumers';
import { analyseRunChart } from '../domain/runchart/analyse-run-chart.js';
import { parseRunChartInput } from '../domain/runchart/parse-run-chart-input.js';
import { phaseSummary } from '../domain/runchart/phase-summary.js';
import { AppError } from '../errors.js';

/**
 * Reads one JSON object from stdin ({"values", "freeze"?, "parts"?, "exclude"?}) and prints one line:
 * {"phases":[…]} on success, or {"error":"…"} with exit code 1. Never a stack trace.
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
    const analysis = analyseRunChart(parseRunChartInput(parsed));
    process.stdout.write(`${JSON.stringify({ phases: analysis.phases.map(phaseSummary) })}\n`);
  } catch (error) {
    fail(error instanceof AppError ? error.userMessage : 'the analysis failed unexpectedly');
  }
}

function fail(message: string): void {
  process.stdout.write(`${JSON.stringify({ error: message })}\n`);
  process.exitCode = 1;
}

await main();
