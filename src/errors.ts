/**
 * Typed errors with a message a user may see. Core code throws these; only the boundaries
 * (platform adapters, restify, Agenda) catch, log once with `code`, and answer with `userMessage`.
 */
export class AppError extends Error {
  readonly code: string;
  readonly userMessage: string;
  /** Whether the boundary should log this at error level (a bug or an outage) rather than info. */
  readonly reportable: boolean;

  constructor(code: string, userMessage: string, options: { cause?: unknown; reportable?: boolean } = {}) {
    super(userMessage, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.userMessage = userMessage;
    this.reportable = options.reportable ?? false;
  }
}

/** Input that does not fit: the message says what was wrong and how to say it right. */
export class ValidationError extends AppError {
  /** The form field or input the problem belongs to, so a form can show it inline. */
  readonly field?: string;
  constructor(code: string, userMessage: string, options: { field?: string; cause?: unknown } = {}) {
    super(code, userMessage, options);
    this.field = options.field;
  }
}

export class NotFoundError extends AppError {
  constructor(userMessage: string, code = 'not_found') {
    super(code, userMessage);
  }
}

export class ForbiddenError extends AppError {
  /**
   * Whether the refusal is about a role an admin can give: the conversation then names the
   * programme's admins after the message, so the person knows whom to ask.
   */
  readonly askAdmins: boolean;
  constructor(userMessage: string, code = 'forbidden', options: { askAdmins?: boolean } = {}) {
    super(code, userMessage);
    this.askAdmins = options.askAdmins ?? false;
  }
}

/** A platform or service we call failed (Slack Web API, Bot Connector, MongoDB). */
export class UpstreamError extends AppError {
  constructor(code: string, userMessage: string, cause?: unknown) {
    super(code, userMessage, { cause, reportable: true });
  }
}

export class ConfigError extends AppError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super('config_invalid', problems.join('\n'), { reportable: false });
    this.problems = problems;
  }
}

/** Start-up failed in one phase: opening the store, or listening on the port. main.ts explains it in one line. */
export class StartupError extends Error {
  readonly phase: 'store' | 'listen';
  constructor(phase: 'store' | 'listen', cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'StartupError';
    this.phase = phase;
  }
}

/** Wraps anything thrown into an AppError without losing the original as `cause`. */
export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError('internal_error', 'Sorry — something went wrong on our side. Please try again in a minute.', {
    cause: error,
    reportable: true,
  });
}
