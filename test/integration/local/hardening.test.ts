import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import {
  DEV_SECRETS,
  discordSignatureHeaders,
  slackSignatureHeaders,
} from '../../../src/local/dev-secrets.ts';
import { type LocalBot, startLocalBot } from '../../../src/local/local-bot.ts';
import { dynamoTargets } from '../../support/dynamo.ts';
import { slashCommandBody, TEST_SLACK_SECRET } from '../../support/platform-requests.ts';
import { testConfig } from '../../support/test-config.ts';

/**
 * The local server behind a tunnel and in a browser: an over-size body closes its connection,
 * a platform still on the development key refuses every request unless the whole playground is
 * on, and the playground takes requests only from this machine. Real sockets to `npm start`'s server.
 */
const target = dynamoTargets[0]!;
const ping = JSON.stringify({ type: 1, id: '1', application_id: '1', token: 't', version: 1 });
const now = () => Math.floor(Date.now() / 1000);

/** Sends raw bytes on a fresh connection; resolves with what came back and whether the server closed it. */
function raw(url: string, request: string, body: Buffer): Promise<{ response: string; closed: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let response = '';
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ response, closed });
    };
    // Generous: a server that keeps the connection open waits for the rest of the body forever.
    const timer = setTimeout(() => finish(false), 5000);
    socket.on('data', (d) => {
      response += d.toString('latin1');
    });
    socket.on('close', () => finish(true));
    socket.on('end', () => finish(true));
    socket.on('error', (err) => (done ? undefined : reject(err)));
    socket.write(request);
    socket.write(body);
  });
}

describe('the local server, half configured, with only Slack set', () => {
  let local: LocalBot;
  beforeAll(async () => {
    const config = loadConfig(
      {
        PORT: '0',
        DYNAMODB_ENDPOINT: target.endpoint,
        DYNAMODB_TABLE: `t-half-${process.pid}`,
        SLACK_SIGNING_SECRET: TEST_SLACK_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
      },
      { devDefaults: DEV_SECRETS },
    );
    local = await startLocalBot(config, { persist: false, playground: true });
  });
  afterAll(async () => local?.close());

  it('refuses a Discord request signed with the development key (whose seed is in this repository)', async () => {
    expect(local.playground).toBe(false);
    const res = await fetch(`${local.url}/discord/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...discordSignatureHeaders(ping, now()) },
      body: ping,
    });
    expect(res.status).toBe(401);
  });

  it('still answers Slack, which is configured', async () => {
    const body = slashCommandBody({ text: 'help' });
    const res = await fetch(`${local.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...slackSignatureHeaders(body, now(), TEST_SLACK_SECRET),
      },
      body,
    });
    expect(res.status).toBe(200);
  });

  it('and refuses Slack requests signed with the development secret', async () => {
    const body = slashCommandBody({ text: 'help' });
    const res = await fetch(`${local.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(body, now()) },
      body,
    });
    expect(res.status).toBe(401);
  });
});

describe('the local server, fully on development secrets (the playground)', () => {
  let local: LocalBot;
  beforeAll(async () => {
    const config = loadConfig(
      { PORT: '0', DYNAMODB_ENDPOINT: target.endpoint, DYNAMODB_TABLE: `t-dev-${process.pid}` },
      { devDefaults: DEV_SECRETS },
    );
    local = await startLocalBot(config, { persist: false, playground: true });
  });
  afterAll(async () => local?.close());

  it('takes development-signed requests on both platforms, as the playground sends them', async () => {
    expect(local.playground).toBe(true);
    const res = await fetch(`${local.url}/discord/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...discordSignatureHeaders(ping, now()) },
      body: ping,
    });
    expect(res.status).toBe(200);
  });

  const send = (
    headers: Record<string, string>,
    body = JSON.stringify({ platform: 'slack', person: 'ada', text: '/studybot help' }),
  ) => fetch(`${local.url}/playground/send`, { method: 'POST', headers, body });

  it('refuses a cross-site text/plain POST to /playground/send (it would act as a pretend person)', async () => {
    const res = await send({ 'content-type': 'text/plain', origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await send({ 'content-type': 'text/plain' }).then((r) => r.status)).toBe(403);
    expect(
      await send({ 'content-type': 'application/json', origin: 'https://evil.example' }).then(
        (r) => r.status,
      ),
    ).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding) on the page and on /playground/events', async () => {
    for (const path of ['/', '/playground/events', '/playground/config']) {
      const { response } = await raw(
        local.url,
        `GET ${path} HTTP/1.1\r\nHost: rebind.evil.example:3000\r\nConnection: close\r\n\r\n`,
        Buffer.alloc(0),
      );
      expect(response.split('\r\n')[0], path).toMatch(/^HTTP\/1\.1 403/);
    }
  });

  it('serves the page itself, from this machine', async () => {
    const res = await send({ 'content-type': 'application/json', origin: local.url });
    expect(res.status).toBe(200);
    expect((await fetch(`${local.url}/playground/events`)).status).toBe(200);
  });
});

describe('an over-size body', () => {
  let local: LocalBot;
  beforeAll(async () => {
    local = await startLocalBot(testConfig(target), { persist: false });
  });
  afterAll(async () => local?.close());

  const head = (length: number | 'chunked') =>
    `POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${
      length === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${length}`
    }\r\nConnection: keep-alive\r\n\r\n`;

  it('declared over 1 MiB: 413 before the body is read, and the connection closes', async () => {
    const { response, closed } = await raw(local.url, head(2 * 1024 * 1024), Buffer.alloc(64 * 1024, 'a'));
    expect(response.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
    expect(response.toLowerCase()).toContain('connection: close');
    expect(closed).toBe(true);
  });

  it('growing past 1 MiB without a length: 413, and the connection closes', async () => {
    const chunk = Buffer.alloc(256 * 1024, 'a');
    const chunked = Buffer.concat(
      Array.from({ length: 5 }, () =>
        Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]),
      ),
    );
    const { response, closed } = await raw(local.url, head('chunked'), chunked);
    expect(response.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
    expect(closed).toBe(true);
  });
});
