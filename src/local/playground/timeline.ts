/**
 * Everything the bot said in the playground, in order: messages it posted, edits, private
 * replies, and the other API calls it made. The page replays these to draw the channel.
 */
export type PlaygroundPlatform = 'slack' | 'discord';

export interface PlaygroundEvent {
  seq: number;
  at: string;
  platform: PlaygroundPlatform;
  channelId: string;
  /**
   * message: a new message; update: a new version of `messageId`; delete: it is gone;
   * command: what a pretend person typed; call: any other API call (shown in the request log).
   */
  kind: 'message' | 'update' | 'delete' | 'command' | 'call';
  /** Slack ts or Discord message id of the message this event creates or changes. */
  messageId?: string;
  /** Set for private messages: the only user id that sees it. */
  visibleTo?: string;
  /** How it reached the playground, e.g. `chat.postMessage` or `POST /channels/{id}/messages`. */
  via: string;
  /** The Slack `{text, blocks}` or Discord `{content, embeds, components, flags}` as sent. */
  body?: unknown;
  /** For a command: the text typed, and by whom. */
  text?: string;
  userId?: string;
}

const MAX_EVENTS = 2000;

export class Timeline {
  private events: PlaygroundEvent[] = [];
  private seq = 0;

  constructor(private readonly now: () => Date) {}

  add(event: Omit<PlaygroundEvent, 'seq' | 'at'>): PlaygroundEvent {
    const full = { ...event, seq: ++this.seq, at: this.now().toISOString() };
    this.events.push(full);
    // A long session must not grow without bound; the page only needs the recent channel.
    if (this.events.length > MAX_EVENTS) this.events = this.events.slice(-MAX_EVENTS);
    return full;
  }

  since(seq: number): PlaygroundEvent[] {
    return this.events.filter((e) => e.seq > seq);
  }

  get last(): number {
    return this.seq;
  }
}
