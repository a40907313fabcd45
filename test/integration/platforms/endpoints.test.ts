import { verifyKey } from 'discord-interactions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalBot, startLocalBot } from '../../../src/local/local-bot.ts';
import { dynamoTargets } from '../../support/dynamo.ts';
import {
  discordCommand,
  discordHeaders,
  discordKeys,
  postDiscord,
  postSlack,
  slashCommandBody,
} from '../../support/platform-requests.ts';
import { testConfig } from '../../support/test-config.ts';

const keys = discordKeys();

describe.each(dynamoTargets)('local server endpoints on $name', (target) => {
  let bot: LocalBot;
  beforeAll(async () => {
    const config = testConfig(target, { DISCORD_PUBLIC_KEY: keys.publicKeyHex });
    bot = await startLocalBot(config, { persist: false });
  });
  afterAll(() => bot.close());

  it('answers /healthz', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('answers a signed Slack /studybot help with the command list, only to the person', async () => {
    const res = await postSlack(bot.url, slashCommandBody({ text: 'help' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_type: string; blocks: unknown };
    expect(body.response_type).toBe('ephemeral');
    expect(JSON.stringify(body.blocks)).toContain('/studybot recommend');
  });

  it('answers an unknown Slack subcommand with the same help and the reason', async () => {
    const res = await postSlack(bot.url, slashCommandBody({ text: 'frobnicate now' }));
    const body = (await res.json()) as { text: string; blocks: unknown };
    expect(body.text).toContain('I don\'t know "frobnicate"');
    expect(JSON.stringify(body.blocks)).toContain('/studybot quiz');
  });

  it.each([
    ['a wrong secret', { secret: 'not-the-secret' }],
    ['a stale timestamp', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ['a timestamp from the future', { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 }],
  ])('refuses a Slack request with %s', async (_label, options) => {
    const res = await postSlack(bot.url, slashCommandBody({ text: 'help' }), options);
    expect(res.status).toBe(401);
  });

  it('refuses a Slack request with no signature', async () => {
    const res = await fetch(`${bot.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: slashCommandBody({ text: 'help' }),
    });
    expect(res.status).toBe(401);
  });

  it('answers a Discord PING with PONG, and the signature checks out with discord-interactions too', async () => {
    const body = JSON.stringify({ id: '1', application_id: '1', type: 1, token: 't', version: 1 });
    const ts = Math.floor(Date.now() / 1000);
    const headers = discordHeaders(body, ts, keys);
    expect(await verifyKey(body, headers['x-signature-ed25519']!, String(ts), keys.publicKeyHex)).toBe(true);
    const res = await fetch(`${bot.url}/discord/interactions`, { method: 'POST', headers, body });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 1 });
  });

  it('answers a signed Discord /studybot help privately', async () => {
    const res = await postDiscord(bot.url, discordCommand('help'), keys);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      type: number;
      data: { flags: number; embeds: { description: string }[] };
    };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0]?.description).toContain('/studybot recommend');
  });

  it.each([
    ['another key pair', { keys: discordKeys() }],
    ['a stale timestamp', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])('refuses a Discord request signed with %s', async (_label, o) => {
    const res = await postDiscord(
      bot.url,
      { type: 1 },
      'keys' in o ? o.keys : keys,
      'timestamp' in o ? { timestamp: o.timestamp } : {},
    );
    expect(res.status).toBe(401);
  });

  it('refuses a Discord request whose body was changed after signing', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const headers = discordHeaders(JSON.stringify({ type: 1 }), ts, keys);
    const res = await fetch(`${bot.url}/discord/interactions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ type: 2 }),
    });
    expect(res.status).toBe(401);
  });
});
