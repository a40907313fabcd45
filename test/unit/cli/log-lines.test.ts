import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureLog, log } from '../../../src/log.ts';

/** What `studybot daily run` prints for a problem: one line, the error's message, never its stack. */
describe('the log in line format', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    configureLog({ format: 'json', level: 'info' });
  });

  function captured(): string[] {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => lines.push(line));
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    return lines;
  }

  it('writes an error with causes as one line of messages, fields first, secrets redacted', () => {
    const lines = captured();
    configureLog({ format: 'line' });
    const cause = new Error('connect ECONNREFUSED\n127.0.0.1:9');
    log.warn('daily: post failed; a later pass retries', {
      channel: 'slack:T1:C1',
      botToken: 'xoxb-secret',
      err: new Error('Slack chat.postMessage failed: request_failed', { cause }),
    });
    expect(lines).toEqual([
      'warn: daily: post failed; a later pass retries (channel=slack:T1:C1, botToken=[redacted]): ' +
        'Slack chat.postMessage failed: request_failed: connect ECONNREFUSED 127.0.0.1:9',
    ]);
  });

  it('keeps JSON lines, stack included, unless told otherwise (CloudWatch)', () => {
    const lines = captured();
    log.error('x', { err: new Error('boom') });
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', msg: 'x', err: { message: 'boom' } });
    expect(lines[0]).toContain('stack');
  });

  it('leaves out entries below the configured level', () => {
    const lines = captured();
    configureLog({ format: 'line', level: 'warn' });
    log.info('daily: pass done', { due: 0 });
    log.error('daily: no client for platform', { platform: 'discord' });
    expect(lines).toEqual(['error: daily: no client for platform (platform=discord)']);
  });
});
