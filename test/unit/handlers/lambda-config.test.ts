import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../../src/errors.ts';
import { once, wiredOnFirstRequest } from '../../../src/handlers/first-request.ts';
import { loadLambdaConfigViaExtension } from '../../../src/handlers/lambda-config.ts';
import { log } from '../../../src/log.ts';
import {
  type FakeParametersExtension,
  startFakeParametersExtension,
} from '../../support/fake-parameters-extension.ts';

const PREFIX = '/studybot/test';
const SIGNING_SECRET = 'slack-signing-secret-value-0123';
const BOT_TOKEN = 'xoxb-bot-token-value-4567';

describe('secrets through the Parameters and Secrets extension', () => {
  let ext: FakeParametersExtension | undefined;
  afterEach(async () => {
    await ext?.close();
    ext = undefined;
  });

  async function start(parameters: Record<string, string>) {
    ext = await startFakeParametersExtension({ token: 'session-token', parameters });
    return {
      SSM_PREFIX: PREFIX,
      AWS_SESSION_TOKEN: 'session-token',
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(ext.port),
    };
  }

  it('reads each required secret once, decrypted, with the session token', async () => {
    const env = await start({
      [`${PREFIX}/slack-signing-secret`]: SIGNING_SECRET,
      [`${PREFIX}/slack-bot-token`]: BOT_TOKEN,
    });
    const config = await loadLambdaConfigViaExtension(['slackSigningSecret', 'slackBotToken'], env);
    expect(config.slackSigningSecret).toBe(SIGNING_SECRET);
    expect(config.slackBotToken).toBe(BOT_TOKEN);
    expect(ext?.requests().sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: `${PREFIX}/slack-bot-token`, authorized: true, withDecryption: true },
      { name: `${PREFIX}/slack-signing-secret`, authorized: true, withDecryption: true },
    ]);
  });

  it('names a missing parameter and says where to store it, without any secret value', async () => {
    const env = await start({ [`${PREFIX}/slack-signing-secret`]: SIGNING_SECRET });
    const attempt = loadLambdaConfigViaExtension(['slackSigningSecret', 'slackBotToken'], env);
    await expect(attempt).rejects.toThrow(ConfigError);
    const err = (await attempt.catch((e: unknown) => e)) as Error;
    expect(err.message).toContain(`${PREFIX}/slack-bot-token`);
    expect(err.message).toContain('HTTP 400');
    expect(err.message).toContain('docs/deploy.md');
    expect(err.message).not.toContain(SIGNING_SECRET);
  });

  it('is refused without the right session token, and says so before asking when there is none', async () => {
    const env = await start({ [`${PREFIX}/slack-signing-secret`]: SIGNING_SECRET });
    await expect(
      loadLambdaConfigViaExtension(['slackSigningSecret'], { ...env, AWS_SESSION_TOKEN: 'stale' }),
    ).rejects.toThrow(/HTTP 401/);
    const before = ext?.requests().length;
    await expect(
      loadLambdaConfigViaExtension(['slackSigningSecret'], { ...env, AWS_SESSION_TOKEN: '' }),
    ).rejects.toThrow(/AWS_SESSION_TOKEN is not set/);
    expect(ext?.requests().length).toBe(before);
  });

  it('fails in bounded time with a sentence when no extension is listening', async () => {
    const env = await start({});
    const port = String(ext?.port);
    await ext?.close();
    ext = undefined;
    await expect(
      loadLambdaConfigViaExtension(['slackSigningSecret'], {
        SSM_PREFIX: PREFIX,
        AWS_SESSION_TOKEN: env.AWS_SESSION_TOKEN,
        PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: port,
      }),
    ).rejects.toThrow(/could not be read .*unreachable/);
  });

  it('takes the secrets from the environment when SSM_PREFIX is unset (tests, local)', async () => {
    const config = await loadLambdaConfigViaExtension(['slackSigningSecret'], {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
    });
    expect(config.slackSigningSecret).toBe(SIGNING_SECRET);
  });
});

describe('wiring on the first request', () => {
  it('builds once for requests that arrive together, and again after a failure', async () => {
    let builds = 0;
    let fail = true;
    const get = once(async () => {
      builds++;
      if (fail) throw new Error('extension not ready');
      return builds;
    });
    await expect(Promise.all([get(), get()])).rejects.toThrow('extension not ready');
    expect(builds).toBe(1);
    fail = false;
    expect(await Promise.all([get(), get()])).toEqual([2, 2]);
    expect(builds).toBe(2);
  });

  it('answers 500 while the wiring fails, logs the reason, and serves once it works', async () => {
    const logged = vi.spyOn(log, 'error').mockImplementation(() => {});
    let ready = false;
    const handler = wiredOnFirstRequest(async () => {
      if (!ready)
        throw new ConfigError('SSM parameter /studybot/test/slack-bot-token could not be read (HTTP 400).');
      return async () => ({ statusCode: 200, body: 'ok' });
    });
    const event = {} as Parameters<typeof handler>[0];
    expect(await handler(event)).toMatchObject({ statusCode: 500 });
    expect(logged).toHaveBeenCalledWith('lambda wiring failed', expect.anything());
    ready = true;
    expect(await handler(event)).toMatchObject({ statusCode: 200, body: 'ok' });
    logged.mockRestore();
  });
});
