import {
  type Activity,
  CloudAdapter,
  type ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';

/** botframework-connector's result type; botbuilder does not re-export it by name. */
export type AuthenticatedRequest = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

/**
 * CloudAdapter with its two halves apart, so the route owns the HTTP answer: `CloudAdapter.process`
 * answers a refused token with a 500 for most forgeries and the library's error text as the body,
 * and prints the error to stderr (platforms.md §2.1). The route checks the token here, answers a
 * refusal itself, and only then runs the turn.
 */
export class TeamsCloudAdapter extends CloudAdapter {
  /** The Bot Framework JWT check; throws what botframework-connector throws. */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticatedRequest> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** One turn for an authenticated request; resolves with the invoke's answer, if it has one. */
  runTurn(
    auth: AuthenticatedRequest,
    activity: Activity,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}
