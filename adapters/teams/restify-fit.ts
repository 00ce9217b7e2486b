import type { Request as BotRequest, Response as BotResponse } from 'botbuilder';
import type { Request as RestifyRequest, Response as RestifyResponse } from 'restify';

/** Compiles only when `Actual` can be passed where `Expected` is wanted. */
type AssertAssignable<Expected, Actual extends Expected> = Actual;

/**
 * Compile-time proof that restify's request and response satisfy what `CloudAdapter.process` reads
 * and calls (`body`, `headers`, `method`; `status`, `send`, `end`, `header`, `socket`), so the route
 * hands them over without a cast. A botbuilder or restify upgrade that breaks the fit fails `tsc`.
 */
export type RestifyRequestFits = AssertAssignable<BotRequest, RestifyRequest>;
export type RestifyResponseFits = AssertAssignable<BotResponse, RestifyResponse>;
