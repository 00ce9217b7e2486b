import { MongoServerError } from 'mongodb';
import { stdSerializers } from 'pino';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { createLogger } from '../../src/log.js';
import { openTestDb } from '../helpers/test-db.js';

// Errors are logged at error level (scheduler's job failures, the server's request failures), where
// no case reference may appear. A duplicate-key error names the duplicate value in its message,
// its stack's first line, `keyValue` and `errorResponse`: a case reference when it is a case.

/** A real pino logger writing each JSON line here. */
function capturingLogger() {
  const lines: string[] = [];
  const logger = createLogger('info', { destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines, logged: () => JSON.parse(lines.at(-1)!) as { msg: string; err: Record<string, unknown> } };
}

/** What the driver throws for an insert that hit the unique case-reference index (its server reply). */
function duplicateCase(): MongoServerError {
  return new MongoServerError({
    index: 0,
    code: 11000,
    errmsg: 'E11000 duplicate key error collection: pacebot.cases index: workspace_case_ref dup key: { workspaceId: "T-1", caseRef: "C1042" }',
    keyPattern: { workspaceId: 1, caseRef: 1 },
    keyValue: { workspaceId: 'T-1', caseRef: 'C1042' },
  });
}

const REDACTED = 'E11000 duplicate key error collection: pacebot.cases index: workspace_case_ref dup key: [redacted]';

describe('the err serializer', () => {
  it('logs a duplicate-key error with its type, code and stack frames, and not the duplicate value', () => {
    const { logger, lines, logged } = capturingLogger();
    const error = duplicateCase();
    logger.error({ err: error, job: 'retention' }, 'job failed');
    expect(lines.at(-1)).not.toMatch(/C1042/);
    const { err } = logged();
    expect(err).toMatchObject({ type: 'MongoServerError', code: 11000, index: 0, message: REDACTED });
    expect(err).not.toHaveProperty('keyValue');
    expect(err).not.toHaveProperty('keyPattern');
    expect(err.errorResponse).toEqual({ index: 0, code: 11000, errmsg: REDACTED });
    const frames = error.stack!.split('\n').slice(1);
    expect(frames.length).toBeGreaterThan(0);
    expect(err.stack).toBe([`MongoServerError: ${REDACTED}`, ...frames].join('\n'));
    // Logged as the error itself, or by a child logger, it goes through the same serializer.
    logger.child({ job: 'retention' }).error(error);
    expect(lines.at(-1)).not.toMatch(/C1042/);
    expect(logged()).toMatchObject({ job: 'retention', msg: REDACTED, err: { message: REDACTED } });
  });

  it('redacts a duplicate-key error carried as the cause of ours', () => {
    const { logger, lines, logged } = capturingLogger();
    const error = new ValidationError('case_exists', 'That case reference is already held.', { cause: duplicateCase() });
    logger.error({ err: error }, 'request failed');
    expect(lines.at(-1)).not.toMatch(/C1042/);
    const { err } = logged();
    expect(err.type).toBe('ValidationError');
    expect(err.code).toBe('case_exists');
    // Ours is logged by its code; the cause's words follow, cut at "dup key:".
    expect(err.message).toMatch(/^\[case_exists\]: E11000 .* dup key: \[redacted\]$/);
    expect(err.stack).toMatch(/\ncaused by: MongoServerError: E11000 .* dup key: \[redacted\]\n {4}at /);
  });

  it('logs a bulk write that hit the index without the documents it tried to write', async () => {
    const { db, drop } = await openTestDb('log_errors');
    try {
      const cases = db.collection('cases');
      await cases.createIndex({ workspaceId: 1, caseRef: 1 }, { unique: true });
      await cases.insertOne({ workspaceId: 'T-1', caseRef: 'C1042' });
      const written = cases.insertMany([{ workspaceId: 'T-1', caseRef: 'C1042', milestones: { accommodated: { actual: '2026-10-03' } } }], { ordered: false });
      const error = await written.then(() => null, (e: unknown) => e);
      expect(error).toMatchObject({ name: 'MongoBulkWriteError', code: 11000 });
      const { logger, lines, logged } = capturingLogger();
      logger.error({ err: error }, 'import failed');
      expect(lines.at(-1)).not.toMatch(/C1042|2026-10-03/);
      expect(logged().err).toMatchObject({ type: 'MongoBulkWriteError', code: 11000, writeErrors: [{ code: 11000, index: 0 }] });
    } finally {
      await drop();
    }
  });

  it('logs our own errors, whose words are for the person who typed, by type and code only', () => {
    const { logger, lines, logged } = capturingLogger();
    const error = new ValidationError('changed_since', 'Someone changed C1042 since you asked. Nothing was saved.');
    logger.error({ err: error }, 'job failed');
    expect(lines.join('')).not.toMatch(/C1042/);
    expect(logged().err).toMatchObject({ type: 'ValidationError', code: 'changed_since', message: '[changed_since]' });
    expect(String(logged().err.stack)).toMatch(/^ValidationError: \[changed_since\]\n\s+at /);
  });

  it('keeps our words out however an error of ours is logged: alone, as a cause, over several lines (a review)', () => {
    const { logger, lines, logged } = capturingLogger();
    logger.error(new ValidationError('changed_since', 'Someone changed C1042 since you asked.'));
    expect(lines.at(-1)).not.toMatch(/C1042/);
    expect(logged().msg).toBe('[changed_since]');
    const ours = new ValidationError('two_lines', 'First line about C1042.\nSecond line about C1043.');
    logger.error({ err: new Error('the job stopped', { cause: ours }) }, 'job failed');
    expect(lines.at(-1)).not.toMatch(/C104[23]/);
    expect(String(logged().err.stack)).toMatch(/caused by: ValidationError: \[two_lines\]/);
  });

  it('logs any other error as pino does', () => {
    const { logger, logged } = capturingLogger();
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), { code: 'ECONNREFUSED', syscall: 'connect' });
    logger.error({ err: error }, 'scheduler error');
    const standard = JSON.parse(JSON.stringify(stdSerializers.err(error)));
    expect(logged().err).toEqual(standard);
    logger.error(error);
    expect(logged()).toMatchObject({ msg: 'connect ECONNREFUSED 127.0.0.1:27017', err: standard });
    logger.error({ err: 'not an error' }, 'odd');
    expect(logged().err).toBe('not an error');
  });
});
