import { text } from 'node:stream/consumers';
import { AppError } from '../errors.js';

/**
 * The contract the analysis commands share: one JSON object on stdin, one line on stdout — what
 * `answer` returns, or {"error":"…"} with exit code 1. Never a stack trace.
 */
export async function answerJsonFromStdin(answer: (input: unknown) => unknown): Promise<void> {
  const raw = await text(process.stdin);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    fail(raw.trim() === '' ? 'expected one JSON object on stdin, got nothing' : 'stdin is not valid JSON');
    return;
  }
  try {
    process.stdout.write(`${JSON.stringify(answer(parsed))}\n`);
  } catch (error) {
    fail(error instanceof AppError ? error.userMessage : 'the analysis failed unexpectedly');
  }
}

function fail(message: string): void {
  process.stdout.write(`${JSON.stringify({ error: message })}\n`);
  process.exitCode = 1;
}
