import { StudyBotError } from '../../errors.ts';
import { log } from '../../log.ts';

/** A Slack Web API answer with `ok: false`, or a call that could not reach Slack in time. */
export class SlackApiError extends StudyBotError {
  constructor(
    readonly method: string,
    readonly error: string,
    options?: { cause?: unknown },
  ) {
    super('slack_api', `Slack ${method} failed: ${error}`, userSentence(error), options);
  }
}

function userSentence(error: string): string {
  switch (error) {
    case 'channel_not_found':
    case 'not_in_channel':
      return "I can't post in this channel yet. Invite me with `/invite @StudyBot` and try again.";
    case 'is_archived':
      return 'This channel is archived, so I cannot post in it.';
    case 'ratelimited':
      return 'Slack asked me to slow down. Please try again in a minute.';
    default:
      return 'Slack did not accept my message. Please try again in a moment.';
  }
}

export interface SlackWebApiOptions {
  token: string;
  /** Base URL ending in `/api/` (SLACK_API_URL); tests point it at a local fake. */
  apiUrl: string;
  /** How many times a 429 is retried after its Retry-After. */
  maxRetries?: number;
  /**
   * The longest Retry-After worth waiting for. Inside a Slack request (3-second window) waiting
   * 30 s helps nobody, so the default is short; the daily scheduler may allow more.
   */
  maxRetryWaitMs?: number;
  /** Per-attempt timeout; Slack must hear back from us within 3 s in total. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export type SlackArgs = Record<string, unknown>;

/** Per-call limits, tighter than the client's, for a call whose answer is only nice to have. */
export interface SlackCallOptions {
  timeoutMs?: number;
  maxRetries?: number;
  maxRetryWaitMs?: number;
}
export type SlackResult = Record<string, unknown> & { ok: boolean; error?: string };

/**
 * The few Slack Web API calls the bot makes, over fetch. Bolt's WebClient would do, but its
 * default retry policy waits up to thirty minutes; here a 429 is retried only while the wait
 * fits the caller's budget, and every failure is one SlackApiError with Slack's error code.
 */
export class SlackWebApi {
  private readonly base: string;
  private readonly maxRetries: number;
  private readonly maxRetryWaitMs: number;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: SlackWebApiOptions) {
    this.base = options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`;
    this.maxRetries = options.maxRetries ?? 2;
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? 2000;
    this.timeoutMs = options.timeoutMs ?? 2500;
    this.fetchImpl = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Calls `method` form-encoded (some read methods such as users.info accept nothing else). */
  async call(method: string, args: SlackArgs = {}, limits: SlackCallOptions = {}): Promise<SlackResult> {
    const maxRetries = limits.maxRetries ?? this.maxRetries;
    const maxRetryWaitMs = limits.maxRetryWaitMs ?? this.maxRetryWaitMs;
    const timeoutMs = limits.timeoutMs ?? this.timeoutMs;
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(args)) {
      if (v === undefined) continue;
      body.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    }
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await this.fetchImpl(`${this.base}${method}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${this.options.token}`,
            'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        throw new SlackApiError(method, 'request_failed', { cause: err });
      }
      if (res.status === 429) {
        // Retry-After is in seconds; a missing or unreadable one means "soon".
        const waitMs = Math.max(0, Number(res.headers.get('retry-after') ?? '1') || 1) * 1000;
        await res.body?.cancel();
        if (attempt >= maxRetries || waitMs > maxRetryWaitMs) {
          throw new SlackApiError(method, 'ratelimited');
        }
        log.warn('slack rate limited; retrying', { method, waitMs, attempt });
        await this.sleep(waitMs);
        continue;
      }
      let result: SlackResult;
      try {
        result = (await res.json()) as SlackResult;
      } catch (err) {
        throw new SlackApiError(method, `http_${res.status}`, { cause: err });
      }
      if (!result.ok) throw new SlackApiError(method, result.error ?? `http_${res.status}`);
      return result;
    }
  }

  /**
   * Posts to an interaction's response_url (not a Web API method: no token, JSON body). It is
   * the one way to replace an ephemeral message, and it works in channels the bot has not joined.
   */
  async respond(responseUrl: string, message: SlackArgs): Promise<void> {
    let res: Response;
    try {
      res = await this.fetchImpl(responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new SlackApiError('response_url', 'request_failed', { cause: err });
    }
    await res.body?.cancel();
    if (!res.ok) throw new SlackApiError('response_url', `http_${res.status}`);
  }
}
