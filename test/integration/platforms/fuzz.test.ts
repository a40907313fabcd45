import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionsById } from '../../../src/content/index.ts';
import { configureLog } from '../../../src/log.ts';
import { dynamoTargets } from '../../support/dynamo.ts';
import { type PlatformHarness, startPlatformHarness } from '../../support/platform-harness.ts';
import { postDiscord, postSlack } from '../../support/platform-requests.ts';
import { prng } from '../../support/prng.ts';

/**
 * 10,000 seeded, validly signed Slack and Discord payloads, each a real payload with some fields
 * dropped, retyped, oversized or replaced: none may get a 5xx. A failure prints its seed and case
 * number, so it replays exactly.
 */
const SEED = 20261203;
const CASES = { slack: 5000, discord: 5000 };
const NOW = new Date('2026-03-04T10:00:00Z');
const TS = Math.floor(NOW.getTime() / 1000);
const QUESTION = [...questionsById.keys()][0]!;

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** A value of any JSON type, sometimes huge. */
function junk(rnd: Rnd): unknown {
  return pick(rnd, [
    () => null,
    () => 42,
    () => -1.5,
    () => true,
    () => '',
    () => 'x'.repeat(1 + Math.floor(rnd() * 200_000)),
    () => [1, 'a', null],
    () => ({ nested: { deeper: [] } }),
    () => 'q:::',
    () => `r:${QUESTION}:-1:zz`,
    () => '\u0000\uffff🙂',
  ])();
}

/** Drops, retypes or replaces a few fields, anywhere in the object. */
function mutate(value: unknown, rnd: Rnd, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 4) return rnd() < 0.15 ? junk(rnd) : value;
  if (Array.isArray(value)) {
    if (rnd() < 0.1) return junk(rnd);
    return value.map((v) => mutate(v, rnd, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const r = rnd();
    if (r < 0.08) continue; // dropped
    out[k] = r < 0.16 ? junk(rnd) : mutate(v, rnd, depth + 1);
  }
  if (rnd() < 0.05) out[`extra${Math.floor(rnd() * 9)}`] = junk(rnd);
  return out;
}

const ACTIONS = [
  `q:p1:${QUESTION}:a`,
  `q:p1:${QUESTION}`,
  `r:${QUESTION}:0:a`,
  `r:${QUESTION}:3`,
  'next',
  'share:abc',
  'zzz',
];
const TEXTS = [
  '',
  'help',
  'quiz',
  'quiz autoscaling',
  'study retention 0.85',
  'leaderboard all',
  'progress',
  'subscribe 25:99 Mars/Base',
  'recommend 20 MB docs within 30 min',
  'unsubscribe',
];

function slackCase(rnd: Rnd, responseUrl: string): { body: string; contentType: string } {
  const kind = rnd();
  if (kind < 0.35) {
    const fields = mutate(
      {
        command: '/studybot',
        text: pick(rnd, TEXTS),
        team_id: 'T0001',
        channel_id: 'C0FUZZ',
        user_id: 'U0FUZZ',
        user_name: 'fuzz',
        response_url: 'https://hooks.slack.com/commands/T0001/1/abc',
        trigger_id: `1.${Math.floor(rnd() * 1e9)}`,
      },
      rnd,
    ) as Record<string, unknown>;
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(fields ?? {}))
      form.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  if (kind < 0.8) {
    const payload = mutate(
      {
        type: 'block_actions',
        user: { id: 'U0FUZZ', username: 'fuzz', team_id: 'T0001' },
        team: { id: 'T0001' },
        channel: { id: 'C0FUZZ' },
        container: { type: 'message', message_ts: '1.2', channel_id: 'C0FUZZ', is_ephemeral: rnd() < 0.5 },
        response_url: responseUrl,
        trigger_id: '1.2.3',
        state: {
          values: { picker: { 'picker-checkboxes': { selected_options: [{ value: 'a' }, { value: 'b' }] } } },
        },
        actions: [{ type: 'button', action_id: pick(rnd, ACTIONS), block_id: 'b' }],
      },
      rnd,
    );
    const raw = rnd() < 0.05 ? '{not json' : JSON.stringify(payload);
    return {
      body: new URLSearchParams({ payload: raw }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    };
  }
  const event = mutate(
    {
      type: pick(rnd, ['event_callback', 'url_verification', 'block_actions', 'view_submission']),
      team_id: 'T0001',
      challenge: 'c',
      event: { type: 'app_home_opened', user: 'U0FUZZ', channel: 'D0', tab: 'home' },
    },
    rnd,
  );
  return { body: rnd() < 0.05 ? '[]' : JSON.stringify(event), contentType: 'application/json' };
}

function discordCase(rnd: Rnd, n: number): string {
  const command = rnd() < 0.5;
  const base = command
    ? {
        id: `11${String(n).padStart(16, '0')}`,
        application_id: '100000000000000001',
        type: pick(rnd, [2, 2, 2, 4, 1, 99]),
        token: 'tok',
        guild_id: 'G0001',
        channel_id: 'C0FUZZ',
        member: {
          user: { id: 'D0FUZZ', username: 'fuzz', global_name: 'Fuzz' },
          nick: null,
          permissions: '16',
        },
        data: {
          name: 'studybot',
          options: [
            {
              name: pick(rnd, ['quiz', 'study', 'recommend', 'leaderboard', 'progress', 'subscribe', 'nope']),
              type: 1,
              options: [
                {
                  name: pick(rnd, ['topic', 'text', 'period', 'retention', 'time']),
                  type: 3,
                  value: pick(rnd, TEXTS),
                  focused: rnd() < 0.2,
                },
              ],
            },
          ],
        },
      }
    : {
        id: `13${String(n).padStart(16, '0')}`,
        application_id: '100000000000000001',
        type: 3,
        token: 'tok',
        guild_id: 'G0001',
        channel_id: 'C0FUZZ',
        member: { user: { id: 'D0FUZZ', username: 'fuzz' }, permissions: '0' },
        message: { id: 'M1', flags: rnd() < 0.5 ? 64 : 0 },
        data: { custom_id: pick(rnd, ACTIONS), component_type: 2, values: ['a', 'b'] },
      };
  return rnd() < 0.03 ? '{"type":' : JSON.stringify(mutate(base, rnd));
}

describe('fuzzed signed payloads', () => {
  let h: PlatformHarness;

  beforeAll(async () => {
    h = await startPlatformHarness(dynamoTargets[0]!, { now: () => NOW });
    // Thousands of refused payloads are each a warning; the test reads statuses, not the log.
    configureLog({ level: 'error' });
  });
  afterAll(async () => {
    configureLog({ level: 'info' });
    await h?.close();
  });

  it(`gives no 5xx to ${CASES.slack} Slack payloads (seed ${SEED})`, { timeout: 240_000 }, async () => {
    const rnd = prng(SEED);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < CASES.slack; i++) {
      const c = slackCase(rnd, h.slack.responseUrl('fuzz'));
      const res = await postSlack(h.local.url, c.body, { timestamp: TS, contentType: c.contentType });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) failures.push(`case ${i}: ${res.status} ${c.body.slice(0, 300)}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // Both paths were exercised: refusals and real answers.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
  });

  it(`gives no 5xx to ${CASES.discord} Discord payloads (seed ${SEED})`, { timeout: 240_000 }, async () => {
    const rnd = prng(SEED + 1);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < CASES.discord; i++) {
      const body = discordCase(rnd, i);
      const res = await postDiscord(h.local.url, body, h.keys, { timestamp: TS });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) failures.push(`case ${i}: ${res.status} ${body.slice(0, 300)}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
  });
});
