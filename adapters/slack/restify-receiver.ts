import type { IncomingMessage, ServerResponse } from 'node:http';
import { type App, HTTPModuleFunctions as http, HTTPResponseAck, type Receiver } from '@slack/bolt';
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
      logger.warn(`Slack request refused: ${(error as Error).message}`);
      return http.buildNoBodyResponse(res, 401);
    }
    let body: Record<string, unknown>;
    try {
      body = http.parseHTTPRequestBody(buffered);
      if (typeof body !== 'object' || body === null) throw new Error('body is not an object');
    } catch (error) {
      logger.warn(`Slack request refused: malformed body (${(error as Error).message})`);
      return http.buildNoBodyResponse(res, 400);
    }
    // https://docs.slack.dev/interactivity/implementing-slash-commands/#responding_basic_receipt
    if (body.ssl_check === '1') return http.buildSSLCheckResponse(res);
    if (body.type === 'url_verification') return http.buildUrlVerificationResponse(res, body);

    const ack = new HTTPResponseAck({
      logger,
      processBeforeResponse: false,
      httpRequest: buffered,
      httpRequestBody: body,
      httpResponse: res,
    });
    try {
      await this.app?.processEvent({
        body,
        ack: ack.bind(),
        retryNum: http.extractRetryNumFromHTTPRequest(req),
        retryReason: http.extractRetryReasonFromHTTPRequest(req),
      });
    } catch (error) {
      await http.defaultProcessEventErrorHandler({
        error: error as Error,
        logger,
        request: req,
        response: res,
        storedResponse: ack.storedResponse,
      });
    }
  }
}

function isFromTheFuture(req: IncomingMessage, nowMs: number): boolean {
  const header = req.headers['x-slack-request-timestamp'];
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  // A missing or unreadable timestamp is left to Bolt's verification, which refuses it.
  return Number.isFinite(seconds) && seconds - Math.floor(nowMs / 1000) > MAX_SKEW_SECONDS;
}
