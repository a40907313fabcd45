import { afterEach, describe, expect, it, vi } from 'vitest';
import { log, MAX_LOGGED_STRING } from '../../src/log.ts';

/** What one log call writes, as the line a log reader gets. */
function written(call: () => void): string {
  const lines: string[] = [];
  const capture = (line: unknown) => lines.push(String(line));
  vi.spyOn(console, 'error').mockImplementation(capture);
  vi.spyOn(console, 'log').mockImplementation(capture);
  call();
  return lines.join('\n');
}

afterEach(() => vi.restoreAllMocks());

describe('the log', () => {
  it('replaces values under secret-looking keys, at any depth', () => {
    const line = written(() =>
      log.warn('x', {
        botToken: 'xoxb-real-token',
        nested: {
          signingSecret: 's3cret',
          headers: { authorization: 'Bot abc', 'x-signature-ed25519': 'ff' },
        },
        list: [{ password: 'p' }],
      }),
    );
    for (const secret of ['xoxb-real-token', 's3cret', 'Bot abc', '"ff"', '"p"'])
      expect(line).not.toContain(secret);
    expect(line).toContain('[redacted]');
  });

  it('clips an attacker-sized string (a 1 MB response_url) to a short prefix and its length', () => {
    const huge = `https://hooks.slack.com/${'a'.repeat(1_000_000)}`;
    const line = written(() =>
      log.warn('slack payload refused', { responseUrl: huge, err: new Error(huge) }),
    );
    expect(line.length).toBeLessThan(4 * MAX_LOGGED_STRING + 1000);
    expect(line).toContain(`(${huge.length} chars)`);
  });

  it('keeps at most 50 items of a list', () => {
    const line = written(() => log.info('x', { ids: Array.from({ length: 10_000 }, (_, i) => i) }));
    expect(JSON.parse(line).ids).toHaveLength(50);
  });

  it("replaces secrets in an error's cause and under keys of any case", () => {
    const line = written(() =>
      log.error('slack call failed', {
        err: new Error('request failed', { cause: { Authorization: 'Bearer xoxb-in-cause', status: 401 } }),
        request: { headers: { 'X-Slack-Signature': 'v0=abc123' }, SLACK_BOT_TOKEN: 'xoxb-env' },
      }),
    );
    for (const secret of ['xoxb-in-cause', 'v0=abc123', 'xoxb-env']) expect(line).not.toContain(secret);
    expect(JSON.parse(line).err.cause).toEqual({ Authorization: '[redacted]', status: 401 });
  });

  it('reads no environment itself: LOG_LEVEL takes effect through the config (src/config.ts)', async () => {
    vi.stubEnv('LOG_LEVEL', 'error');
    vi.resetModules();
    try {
      const fresh = await import('../../src/log.ts');
      expect(written(() => fresh.log.info('before the config is read'))).toContain('before the config');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
