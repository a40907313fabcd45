import {
  type DailyPlatforms,
  DiscordDailyPlatform,
  SlackDailyPlatform,
} from '../../../src/daily/platforms.ts';
import { SlackWebApi } from '../../../src/platforms/slack/web-api.ts';
import { type FakeDiscordApi, rateLimited, startFakeDiscordApi } from '../../support/fake-discord-api.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/fake-slack-api.ts';

import { prng } from '../../support/prng.ts';

/** Fake Slack and Discord Web APIs that rate-limit, fail at random (seeded) and record what was delivered. */

export interface Delivered {
  platform: 'slack' | 'discord';
  channelId: string;
  postId: string;
  text: string;
}

export interface ChaosOptions {
  seed?: number;
  /** Chance that a post answers 429 / 500. */
  rate429?: number;
  rate500?: number;
  /** Channels that are gone for good: Slack error code or Discord JSON error code. */
  goneSlack?: Map<string, string>;
  goneDiscord?: Map<string, number>;
}

export interface Fakes {
  slack: FakeSlackApi;
  discord: FakeDiscordApi;
  delivered: Delivered[];
  platforms: DailyPlatforms;
  /** Post attempts per channel (failed ones included). */
  attempts: Map<string, number>;
  close(): Promise<void>;
}

const POST_ID = /"q:(d\d{8}):/;

export async function startChaosFakes(options: ChaosOptions = {}): Promise<Fakes> {
  const rnd = prng(options.seed ?? 42);
  const slack = await startFakeSlackApi({ token: 'xoxb-test' });
  const discord = await startFakeDiscordApi();
  const delivered: Delivered[] = [];
  const attempts = new Map<string, number>();
  const lastSlackPost = new Map<string, number>();
  const count = (key: string) => attempts.set(key, (attempts.get(key) ?? 0) + 1);

  slack.failWhen('chat.postMessage', (call) => {
    const channel = String(call.args.channel);
    count(`slack:${channel}`);
    const gone = options.goneSlack?.get(channel);
    if (gone) return { error: gone };
    // Slack's chat.postMessage limit: about one message a second per channel.
    const last = lastSlackPost.get(channel);
    if (last !== undefined && call.at - last < 1000) return { status: 429, retryAfter: 1 };
    const r = rnd();
    if (r < (options.rate429 ?? 0)) return { status: 429, retryAfter: 1 };
    if (r < (options.rate429 ?? 0) + (options.rate500 ?? 0)) return { status: 500, body: 'internal error' };
    lastSlackPost.set(channel, call.at);
    return undefined;
  });
  let ts = 1_700_000_000;
  slack.respondWith('chat.postMessage', (call) => {
    const text = JSON.stringify(call.args.blocks);
    delivered.push({
      platform: 'slack',
      channelId: String(call.args.channel),
      postId: POST_ID.exec(text)?.[1] ?? '?',
      text,
    });
    return { channel: call.args.channel, ts: `${ts++}.000100` };
  });

  // Discord: enforce_nonce returns the first message for a repeated nonce instead of posting again.
  const byNonce = new Map<string, string>();
  let id = 1_400_000_000_000_000_000n;
  discord.on('POST /channels/:channel/messages', (call, params) => {
    const channel = params.channel!;
    count(`discord:${channel}`);
    const code = options.goneDiscord?.get(channel);
    if (code) return { status: code === 10003 ? 404 : 403, body: { message: 'refused', code } };
    const r = rnd();
    if (r < (options.rate429 ?? 0)) return rateLimited(0.05, { bucket: `b-${channel}` });
    if (r < (options.rate429 ?? 0) + (options.rate500 ?? 0))
      return { status: 500, body: { message: 'Internal Server Error', code: 0 } };
    const body = call.body as { nonce?: string; enforce_nonce?: boolean; components?: unknown };
    const nonceKey = body.nonce && body.enforce_nonce ? `${channel}:${body.nonce}` : undefined;
    const existing = nonceKey ? byNonce.get(nonceKey) : undefined;
    if (existing) return { status: 200, body: { id: existing, channel_id: channel, nonce: body.nonce } };
    id += 1n;
    const messageId = id.toString();
    if (nonceKey) byNonce.set(nonceKey, messageId);
    const text = JSON.stringify(body.components);
    delivered.push({ platform: 'discord', channelId: channel, postId: POST_ID.exec(text)?.[1] ?? '?', text });
    return { status: 200, body: { id: messageId, channel_id: channel, ...body } };
  });

  const platforms: DailyPlatforms = {
    slack: new SlackDailyPlatform(
      new SlackWebApi({
        token: 'xoxb-test',
        apiUrl: slack.apiUrl,
        maxRetries: 3,
        maxRetryWaitMs: 5000,
        timeoutMs: 5000,
      }),
    ),
    discord: DiscordDailyPlatform.create({ botToken: 'bot-test', apiUrl: discord.api }),
  };
  return {
    slack,
    discord,
    delivered,
    platforms,
    attempts,
    close: async () => {
      await slack.close();
      await discord.close();
    },
  };
}
