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
});
