/** What a person is told when their turn cannot be taken on: nothing was done with it. */
export const BUSY_MESSAGE =
  "I'm busy right now, so I haven't done anything with that. Please try again in a minute.";

export interface TurnQueueLimits {
  /** Turns being worked on at once, across all workspaces. */
  running: number;
  /** Turns being worked on at once for one workspace, so one busy workspace leaves room for others. */
  runningPerWorkspace: number;
  /** Turns of one workspace waiting for a free place; over this the turn is refused as busy. */
  waitingPerWorkspace: number;
  /** Turns waiting across all workspaces; over this the turn is refused as busy. */
  waitingTotal: number;
  /**
   * Turns of one person (or conversation) worked on at once. A person whose platform calls hang
   * must not take all of their workspace's places, so colleagues are still answered (issue 15);
   * with 1, a person's turns also run in the order they were sent.
   */
  runningPerPerson?: number;
  /** Turns of one person waiting; over this only that person is told the bot is busy. */
  waitingPerPerson?: number;
}

export interface OfferOptions {
  /** The turn's own ack waits for it: it is not held back behind other acks, nor by the person limit. */
  urgent?: boolean;
  /** Who sent the turn (a user or conversation id within the workspace), for the per-person limits. */
  person?: string;
}

/**
 * How long a turn due to start may be held back for acknowledgements being prepared. Acks come
 * first, but a steady stream of requests must not keep turns from ever starting. A person waits a
 * second or more for a reply anyway; Slack gives up on an ack after three.
 */
const ACK_HOLD_MS = 300;
/**
 * Requests of a burst arrive a few milliseconds apart, further apart when the machine is busy:
 * turns wait this long with no ack being prepared before they start, so the gaps between one
 * request and the next do not let them in. At 3 ms, on a two-core machine composing digests,
 * a burst's turns started between its acks and some acks waited three times as long (issue 15).
 */
const ACK_QUIET_MS = 20;

interface Waiting {
  start: () => void;
  person: string | undefined;
}

interface Workspace {
  running: number;
  waiting: Waiting[];
}

/**
 * The turns an instance has acknowledged and not yet finished, bounded per workspace and in total.
 * Platforms want an answer within seconds and retry or give up otherwise, so work is acknowledged
 * first and done here; without a bound a flood of requests queued replies in memory until the
 * process fell over (issue 15). `offer` either takes the turn (it will run) or says no at once, and
 * the adapter tells the person they can try again: nothing acknowledged is silently dropped.
 *
 * Workspaces with waiting turns take free places in turn, so one workspace's flood does not delay
 * another's replies. Acknowledgements come first: a turn starts on a later pass of the event loop
 * (setImmediate), and while an adapter is preparing acks (`acking`) turns due to start are held
 * back until they are sent and a short quiet spell has passed (at most ACK_HOLD_MS in all), so a
 * burst of requests is answered before the work it brought competes with it for the event loop
 * (issue 15: acks queued behind turns).
 */
export class TurnQueue {
  private readonly workspaces = new Map<string, Workspace>();
  /** Running and waiting turns per person, keyed by workspace and person. */
  private readonly people = new Map<string, { running: number; waiting: number }>();
  private running = 0;
  private waiting = 0;
  private idleWaiters: (() => void)[] = [];
  private acksPending = 0;
  private held: (() => void)[] = [];
  private holdTimer: NodeJS.Timeout | undefined;
  private quietTimer: NodeJS.Timeout | undefined;

  constructor(private readonly limits: TurnQueueLimits) {}

  /**
   * Takes `job` for `workspaceId`, returning a promise of its result, or null when the workspace or
   * the instance already has as many turns waiting as it may (the caller says "busy").
   */
  offer<T>(workspaceId: string, job: () => Promise<T>, options: OfferOptions = {}): Promise<T> | null {
    const workspace = this.workspaces.get(workspaceId) ?? { running: 0, waiting: [] };
    const person = options.person === undefined || options.urgent ? undefined : personKey(workspaceId, options.person);
    const load = person === undefined ? undefined : (this.people.get(person) ?? { running: 0, waiting: 0 });
    const startsNow =
      this.running < this.limits.running &&
      workspace.running < this.limits.runningPerWorkspace &&
      (load === undefined || load.running < this.runningPerPerson);
    if (!startsNow) {
      const full =
        workspace.waiting.length >= this.limits.waitingPerWorkspace ||
        this.waiting >= this.limits.waitingTotal ||
        (load !== undefined && load.waiting >= this.waitingPerPerson);
      if (full) return null;
    }
    this.workspaces.set(workspaceId, workspace);
    if (person !== undefined && load !== undefined) this.people.set(person, load);
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        workspace.running++;
        this.running++;
        if (load !== undefined) load.running++;
        this.afterAcks(options.urgent === true, () => {
          // The place is free again before the caller hears the turn is done.
          Promise.resolve().then(job).then(
            (value) => {
              this.finished(workspaceId, workspace, person);
              resolve(value);
            },
            (error: unknown) => {
              this.finished(workspaceId, workspace, person);
              reject(error);
            },
          );
        });
      };
      if (startsNow) start();
      else {
        workspace.waiting.push({ start, person });
        this.waiting++;
        if (load !== undefined) load.waiting++;
      }
    });
  }

  private get runningPerPerson(): number {
    return this.limits.runningPerPerson ?? Infinity;
  }

  private get waitingPerPerson(): number {
    return this.limits.waitingPerPerson ?? Infinity;
  }

  /**
   * An adapter is preparing an acknowledgement: turns wait to start until it is sent. Returns the
   * function to call once it is (calling it again does nothing).
   */
  acking(): () => void {
    this.acksPending++;
    let sent = false;
    return () => {
      if (sent) return;
      sent = true;
      this.acksPending--;
      if (this.acksPending === 0 && this.held.length > 0) {
        clearTimeout(this.quietTimer);
        this.quietTimer = setTimeout(() => {
          if (this.acksPending === 0) this.releaseHeld();
        }, ACK_QUIET_MS);
      }
    };
  }

  /** Runs `start` on a later pass of the event loop, once no acknowledgement is being prepared. */
  private afterAcks(urgent: boolean, start: () => void): void {
    if (urgent || this.acksPending === 0) {
      setImmediate(start);
      return;
    }
    this.held.push(start);
    this.holdTimer ??= setTimeout(() => this.releaseHeld(), ACK_HOLD_MS);
  }

  private releaseHeld(): void {
    clearTimeout(this.holdTimer);
    clearTimeout(this.quietTimer);
    this.holdTimer = undefined;
    this.quietTimer = undefined;
    for (const start of this.held.splice(0)) setImmediate(start);
  }

  /** Turns running and waiting now, for /metrics and tests. */
  stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting };
  }

  /** Resolves once nothing is running or waiting (a clean stop finishes what it acknowledged). */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private finished(workspaceId: string, workspace: Workspace, person: string | undefined): void {
    workspace.running--;
    this.running--;
    if (person !== undefined) {
      const load = this.people.get(person);
      if (load) {
        load.running--;
        if (load.running === 0 && load.waiting === 0) this.people.delete(person);
      }
    }
    if (workspace.running === 0 && workspace.waiting.length === 0) this.workspaces.delete(workspaceId);
    this.startNext();
    if (this.running === 0 && this.waiting === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /** May this waiting turn start now, as far as its person's limit goes? */
  private personHasRoom(entry: Waiting): boolean {
    if (entry.person === undefined) return true;
    return (this.people.get(entry.person)?.running ?? 0) < this.runningPerPerson;
  }

  /**
   * Fills free places from the workspaces in turn: the one served moves to the back of the line.
   * Within a workspace the first waiting turn whose person has room starts, so a person whose turns
   * are stuck does not hold up the colleagues queued behind them.
   */
  private startNext(): void {
    while (this.running < this.limits.running && this.waiting > 0) {
      let chosen: { id: string; workspace: Workspace; index: number } | undefined;
      for (const [id, workspace] of this.workspaces) {
        if (workspace.running >= this.limits.runningPerWorkspace) continue;
        const index = workspace.waiting.findIndex((entry) => this.personHasRoom(entry));
        if (index >= 0) {
          chosen = { id, workspace, index };
          break;
        }
      }
      if (!chosen) return;
      const { id, workspace, index } = chosen;
      this.workspaces.delete(id);
      this.workspaces.set(id, workspace);
      this.waiting--;
      const [entry] = workspace.waiting.splice(index, 1);
      if (entry!.person !== undefined) {
        const load = this.people.get(entry!.person);
        if (load) load.waiting--;
      }
      entry!.start();
    }
  }
}

function personKey(workspaceId: string, person: string): string {
  return `${workspaceId}\u0000${person}`;
}
