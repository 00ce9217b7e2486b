import type { IncomingMessage, ServerResponse } from 'node:http';
import { type App, AuthorizationError, HTTPModuleFunctions as http, HTTPResponseAck, type Receiver } from '@slack/bolt';
import { ackDuration } from '../../src/metrics/metrics.js';
import type { Logger } from '@slack/logger';
import type { Server } from 'restify';

/** Slack sends small bodies; a view submission with every input filled stays far below this. */
export const SLACK_BODY_LIMIT_BYTES = 1024 * 1024;
/** Slack's replay window: refuse requests more than five minutes from local time, either way. */
const MAX_SKEW_SECONDS = 5 * 60;

export interface RestifyReceiverOptions {
  signingSecret: string;
  logger: Logger;
  path?: string;
  bodyLimit?: number;
  /** Now in milliseconds, for the future-timestamp check. */
  nowMs?: () => number;
  /**
   * Says an acknowledgement is being prepared, returning the call for when it is sent; the turn
   * queue holds back turns meanwhile (TurnQueue.acking), so a burst is acknowledged first.
   */
  acking?: () => () => void;
}

/**
 * A Bolt `Receiver` on the shared restify server, after bolt-js examples/custom-receiver
 * (KoaReceiver): verify the raw bytes, parse, answer ssl_check and url_verification, then hand the
 * request to `app.processEvent` with an `HTTPResponseAck` that answers within 3 s. The route has
 * no body parser: the signature is over the exact bytes Slack sent (platforms.md §1.1).
 */
export class RestifyReceiver implements Receiver {
  private app?: App;
  private readonly path: string;
  private readonly bodyLimit: number;
  private readonly nowMs: () => number;

  constructor(private readonly options: RestifyReceiverOptions) {
    this.path = options.path ?? '/slack/events';
    this.bodyLimit = options.bodyLimit ?? SLACK_BODY_LIMIT_BYTES;
    this.nowMs = options.nowMs ?? Date.now;
  }

  init(app: App): void {
    this.app = app;
  }

  /** The restify server is shared and started by the app, so there is nothing to start here. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** Adds `POST /slack/events` to the shared server. */
  register(server: Server): void {
    server.post(this.path, async (req, res) => {
      await this.handle(req, res);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    res.once('finish', () => ackDuration.observe({ platform: 'slack' }, (performance.now() - started) / 1000));
    const { logger } = this.options;
    // Bolt checks only staleness; Slack's rule is "more than five minutes from local time".
    if (isFromTheFuture(req, this.nowMs())) {
      logger.warn('Slack request refused: timestamp in the future');
      return http.buildNoBodyResponse(res, 401);
    }
    let buffered: Awaited<ReturnType<typeof http.parseAndVerifyHTTPRequest>>;
    try {
      buffered = await http.parseAndVerifyHTTPRequest(
        { signingSecret: this.options.signingSecret, bodyLimit: this.bodyLimit },
        req,
      );
    } catch (error) {
      const tooLarge =
        http.isRawBodyError(error) && (error.type === 'entity.too.large' || error.statusCode === 413);
      if (tooLarge) {
        logger.warn('Slack request refused: body too large');
        return http.buildNoBodyResponse(res, 413);
      }
      // Bolt's messages here name the failed check (signature, timestamp), never the body.
      logger.warn(`Slack request refused: ${(error as Error).message}`);
      return http.buildNoBodyResponse(res, 401);
    }
    // Signed, so from Slack: turns wait for this ack (an unsigned or slow sender cannot hold them).
    const sent = this.options.acking?.() ?? (() => {});
    res.once('finish', sent);
    res.once('close', sent);
    let body: unknown;
    try {
      body = http.parseHTTPRequestBody(buffered);
    } catch {
      // JSON.parse quotes the text around the fault, so its message would put the body in the log.
      logger.warn('Slack request refused: signed body is not JSON or form data');
      return http.buildNoBodyResponse(res, 400);
    }
    if (!isRecord(body)) {
      logger.warn('Slack request refused: signed body is not an object');
      return http.buildNoBodyResponse(res, 400);
    }
    // https://docs.slack.dev/interactivity/implementing-slash-commands/#responding_basic_receipt
    if (body.ssl_check === '1') return http.buildSSLCheckResponse(res);
    if (body.type === 'url_verification') return http.buildUrlVerificationResponse(res, body);
    return this.dispatch(req, res, buffered, body, sent);
  }

  /**
   * Hands a verified body to Bolt. Whatever happens, Slack gets a 2xx or a 4xx, never a 500 (a
   * 500 makes Slack send the event again, and again): a body Bolt chokes on before any listener
   * acknowledged it is a 400, and one no listener took (a type we do not handle) is acknowledged
   * with an empty 200 and ignored.
   */
  private async dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    buffered: Awaited<ReturnType<typeof http.parseAndVerifyHTTPRequest>>,
    body: Record<string, unknown>,
    sent: () => void,
  ): Promise<void> {
    const { logger } = this.options;
    const ack = new HTTPResponseAck({
      logger,
      processBeforeResponse: false,
      httpRequest: buffered,
      httpRequestBody: body,
      httpResponse: res,
    });
    const bound = ack.bind();
    let acked = false;
    const ackOnce: typeof bound = async (response) => {
      acked = true;
      await bound(response);
      sent();
    };
    try {
      await this.app?.processEvent({
        body,
        ack: ackOnce,
        retryNum: http.extractRetryNumFromHTTPRequest(req),
        retryReason: http.extractRetryReasonFromHTTPRequest(req),
      });
    } catch (error) {
      if (acked || res.headersSent) {
        logger.error('Slack request failed after its ack');
        return;
      }
      if (error instanceof AuthorizationError) {
        await http.defaultProcessEventErrorHandler({ error, logger, request: req, response: res, storedResponse: undefined });
        return;
      }
      // Bolt reads the body's shape before any listener runs (an `event` that is not an object,
      // say): what it cannot read is a bad request, named without quoting it.
      logger.warn(`Slack request refused: signed body of an unreadable shape (${typeName(error)})`);
      acked = true;
      ack.ack(); // stops Bolt's 3-second "not acknowledged" timer
      return http.buildNoBodyResponse(res, 400);
    }
    if (!acked && !res.headersSent) {
      logger.debug('Slack request ignored: no listener for it');
      await ackOnce();
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function isFromTheFuture(req: IncomingMessage, nowMs: number): boolean {
  const header = req.headers['x-slack-request-timestamp'];
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  // A missing or unreadable timestamp is left to Bolt's verification, which refuses it.
  return Number.isFinite(seconds) && seconds - Math.floor(nowMs / 1000) > MAX_SKEW_SECONDS;
}
