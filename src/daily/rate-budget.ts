import type { StudyStore } from '../store/store.ts';

/** Something a request waits on before it goes out. */
export interface RequestGate {
  take(): Promise<void>;
}

export interface SharedRateBudgetOptions {
  /** Names the budget (one per platform limit), e.g. `discord`. */
  key: string;
  /** Requests allowed per one-second window in all processes together. */
  perSecond: number;
  /** Requests one process reserves per store write (fewer writes; unused ones lapse with the window). */
  block?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Discord allows a bot 50 requests a second in all, and every daily worker Lambda has its own
 * @discordjs/rest limiter, which only knows its own requests. This budget is shared through the
 * store: each one-second window is one item whose `used` count a conditional write raises by a
 * block of requests, so however many workers run, together they never take more than `perSecond`
 * in a window. A process that finds the window spent waits for the next one.
 */
export class SharedRateBudget implements RequestGate {
  private readonly block: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private window = -1;
  private left = 0;
  /** Takes are served one after another in a process, so a block is used before another is asked for. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Pick<StudyStore, 'takeRateBudget'>,
    private readonly options: SharedRateBudgetOptions,
  ) {
    this.block = options.block ?? 5;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  take(): Promise<void> {
    const turn = this.queue.then(() => this.takeOne());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async takeOne(): Promise<void> {
    for (;;) {
      const now = this.now();
      const window = Math.floor(now / 1000) * 1000;
      // Nothing starts in a window's last moments: a request taken then could land in the next
      // second on top of that window's full budget.
      if (now - window > 1000 - LATE_MS) {
        await this.sleep(window + 1000 - now + 1);
        continue;
      }
      if (window === this.window && this.left > 0) {
        this.left--;
        return;
      }
      const granted = await this.store.takeRateBudget(
        this.options.key,
        window,
        this.block,
        this.options.perSecond,
      );
      // A grant is only good early in the window it was asked for; a slow write may miss it.
      if (granted > 0 && this.now() - window <= 1000 - LATE_MS) {
        this.window = window;
        this.left = granted - 1;
        return;
      }
      if (granted === 0) await this.sleep(window + 1000 - this.now() + 1);
    }
  }
}

/** How long before a window ends it stops handing out requests (longer than a send takes to leave). */
const LATE_MS = 300;

/** Discord's global limit is 50 requests/s; a margin covers requests that land a moment late. */
export const DISCORD_REQUESTS_PER_SECOND = 40;
