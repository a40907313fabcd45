/**
 * `npm run bench soak`: does `npm start` hold its memory under load? The local bot runs as its own
 * `node` process (what `npm start` runs, on the embedded store in a fresh DATA_DIR on disk, with
 * fake Slack and Discord APIs in this process), so its RSS is its own. After a warm-up it gets
 * SOAK_REQUESTS (20,000) mixed signed requests on loopback from a seeded mix of 100 people in 8
 * channels: slash commands (quiz, study, progress, leaderboard) and clicks on the posted questions
 * and on the study cards each person was dealt, half through Slack and half through Discord.
 * The figure is the bot's RSS at the end over its RSS after the warm-up; the target is at most 1.5
 * (issue 13: 230 MB → 1,569 MB, iterators the embedded store never closed; see
 * src/local/level-iterator-fix.ts, and comment out its call in embedded-dynamo.ts for the figure
 * without it).
 *
 * Bounded: a fixed request count, CONCURRENCY in flight, 15 s per request, and a deadline after
 * which it stops sending and says how far it got. Nothing leaves 127.0.0.1. About 4 minutes on
 * two cores.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { questionsById } from '../src/content/index.ts';
import { PICKER_BLOCK_ID, PICKER_CHECKBOXES_ID } from '../src/platforms/slack/render.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../test/support/fake-discord-api.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../test/support/fake-slack-api.ts';
import {
  blockActionsBody,
  type DiscordKeys,
  discordCommand,
  discordHeaders,
  discordKeys,
  slackHeaders,
  slashCommandBody,
} from '../test/support/platform-requests.ts';
import { prng } from '../test/support/prng.ts';
import type { Figure } from './run.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const REQUESTS = Number(process.env.SOAK_REQUESTS ?? 20_000);
const WARMUP = Math.min(1_000, Math.ceil(REQUESTS / 10));
const CONCURRENCY = 4;
const REQUEST_TIMEOUT_MS = 15_000;
const DEADLINE_MS = 12 * 60_000;
/** Quiet time before each RSS reading, so in-flight work and timers settle the same way both times. */
const SETTLE_MS = 3_000;
const SAMPLE_EVERY = 2_000;
const SECRET = 'soak-slack-signing-secret-0123456789';
const SLACK_TOKEN = 'xoxb-soak';
const TEAMS = ['T0SOAK1', 'T0SOAK2'];
const GUILDS = ['400000000000000001', '400000000000000002'];
const CHANNELS_PER_TENANT = 2;
const PEOPLE_PER_TENANT = 25;

/**
 * Something a person can click: a question posted to a channel (`q:<post>:<question>`) or the
 * study card they were dealt (`r:<question>:<version>:<mac>`); a single-choice one takes the
 * choice as a last segment, a multiple-choice one the picks as values.
 */
interface Target {
  base: string;
  questionId: string;
  multi: boolean;
  /** Slack message ts or Discord message id (channel posts). */
  messageId?: string;
}

/** The target behind a component's id: the id without its choice (4 parts for `q`, 5 for `r`). */
function targetOf(id: string, multi: boolean, messageId?: string): Target | undefined {
  const parts = id.split(':');
  const verb = parts[0];
  if (verb !== 'q' && verb !== 'r') return undefined;
  const size = verb === 'q' ? 3 : 4;
  if (parts.length < size) return undefined;
  return {
    base: parts.slice(0, size).join(':'),
    questionId: parts[verb === 'q' ? 2 : 1]!,
    multi,
    ...(messageId ? { messageId } : {}),
  };
}

type SlackElement = { type: string; action_id?: string };
function slackTarget(blocks: unknown, messageId?: string): Target | undefined {
  const list = (Array.isArray(blocks) ? blocks : []) as {
    elements?: SlackElement[];
    accessory?: SlackElement;
  }[];
  const elements = list.flatMap((b) => [...(b.accessory ? [b.accessory] : []), ...(b.elements ?? [])]);
  const first = elements.find((e) => /^[qr]:/.test(e.action_id ?? ''))?.action_id;
  return first
    ? targetOf(
        first,
        elements.some((e) => e.type === 'checkboxes'),
        messageId,
      )
    : undefined;
}

function discordTarget(components: unknown, messageId?: string): Target | undefined {
  const rows = (Array.isArray(components) ? components : []) as {
    components?: { type: number; custom_id?: string }[];
  }[];
  const first = rows.flatMap((r) => r.components ?? []).find((c) => /^[qr]:/.test(c.custom_id ?? ''));
  return first?.custom_id ? targetOf(first.custom_id, first.type === 3, messageId) : undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Signed as Slack signs (platform-requests.ts), with a time limit. */
function postSlack(url: string, body: string): Promise<Response> {
  return fetch(`${url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...slackHeaders(body, Math.floor(Date.now() / 1000), SECRET),
    },
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

/** Signed as Discord signs (platform-requests.ts), with a time limit. */
function postDiscord(url: string, interaction: unknown, keys: DiscordKeys): Promise<Response> {
  const body = JSON.stringify(interaction);
  return fetch(`${url}/discord/interactions`, {
    method: 'POST',
    headers: discordHeaders(body, Math.floor(Date.now() / 1000), keys),
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

/**
 * Resident set, its peak, and the part of it that is mapped files (LevelDB maps its table files,
 * so a growing store shows up there without any leak), in MB, from /proc (Linux) or `ps`.
 */
function memoryOf(pid: number): { rss: number; peak: number; file: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024, file: kb('RssFile') / 1024 };
  } catch {
    const kb = Number(
      execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
        .toString()
        .trim(),
    );
    return { rss: kb / 1024, peak: Number.NaN, file: Number.NaN };
  }
}

/** The bot as `npm start` runs it (`node --import tsx src/local/main.ts`), until it says where it is. */
async function startBot(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/local/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-8_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start in 60 s: ${output}`)), 60_000);
    const look = () => {
      const m = /StudyBot is running at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited ${code} before starting: ${output}`));
    });
  });
  return { child, url };
}

/** Right about half the time, otherwise a wrong pick of the same size. */
function chooseFor(questionId: string, random: () => number): string[] {
  const q = questionsById.get(questionId);
  if (!q) return ['a'];
  if (random() < 0.5) return [...q.answer];
  const wrong = q.choices.map((c) => c.id).filter((id) => !q.answer.includes(id));
  return wrong.length ? wrong.slice(0, Math.max(1, q.answer.length)) : [...q.answer];
}

export async function bench(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'studybot-soak-'));
  const keys = discordKeys();
  const random = prng(13);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const slack: FakeSlackApi = await startFakeSlackApi({ token: SLACK_TOKEN });
  const discord: FakeDiscordApi = await startFakeDiscordApi();

  // What each channel shows and each person was dealt, newest last, to click on as people would.
  const targets = new Map<string, Target[]>();
  const remember = (where: string, target: Target | undefined) => {
    if (!target) return;
    const list = targets.get(where) ?? [];
    list.push(target);
    if (list.length > 6) list.shift();
    targets.set(where, list);
  };
  let slackTs = 1_700_000_000;
  const captureSlackPosts = () =>
    slack.respondWith('chat.postMessage', (call) => {
      const ts = `${slackTs++}.000100`;
      remember(`slack:${String(call.args.channel)}`, slackTarget(call.args.blocks, ts));
      return { channel: call.args.channel, ts, message: { text: call.args.text } };
    });
  captureSlackPosts();
  let discordId = 1_500_000_000_000_000_000n;
  discord.on('POST /channels/:channel/messages', (call, params) => {
    const id = String(++discordId);
    remember(
      `discord:${params.channel}`,
      discordTarget((call.body as { components?: unknown })?.components, id),
    );
    return {
      status: 200,
      body: {
        id,
        channel_id: params.channel,
        type: 0,
        author: { id: 'bot', bot: true },
        ...(call.body as object),
      },
    };
  });

  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'error',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_APPLICATION_ID: '100000000000000001',
    DISCORD_BOT_TOKEN: 'discord-soak',
    DISCORD_API_URL: discord.api,
  };
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }

  const statuses = new Map<string, number>();
  let interactions = 0;
  let bot: { child: ChildProcess; url: string } | undefined;
  const killBot = () => {
    if (bot?.child.exitCode === null) bot.child.kill('SIGKILL');
  };
  process.once('exit', killBot);
  try {
    bot = await startBot(env);
    const { url } = bot;
    const pid = bot.child.pid!;

    /** One request of the mix, tallied by platform, kind and status. */
    const one = async (): Promise<void> => {
      const platform = random() < 0.5 ? 'slack' : 'discord';
      const onSlack = platform === 'slack';
      const t = Math.floor(random() * TEAMS.length);
      const tenant = (onSlack ? TEAMS : GUILDS)[t]!;
      const c = Math.floor(random() * CHANNELS_PER_TENANT);
      const channel = onSlack ? `C0SOAK${t}${c}` : `50000000000000000${t}${c}`;
      const p = String(Math.floor(random() * PEOPLE_PER_TENANT)).padStart(3, '0');
      const userId = onSlack ? `U0SOAK${t}${p}` : `6000000000000${t}${p}`;
      const userName = `soak${t}-${p}`;
      const posted = targets.get(`${platform}:${channel}`) ?? [];
      const dealt = targets.get(`${platform}:${tenant}:${userId}`) ?? [];
      const roll = random();
      const kind =
        roll < 0.3 && posted.length
          ? 'answer'
          : roll < 0.4 && dealt.length
            ? 'review'
            : pick(['quiz', 'study', 'study', 'progress', 'leaderboard', 'leaderboard week']);
      const target = kind === 'answer' ? pick(posted) : kind === 'review' ? dealt.pop() : undefined;
      const chosen = target ? chooseFor(target.questionId, random) : [];
      const clickId = target ? (target.multi ? target.base : `${target.base}:${chosen[0]}`) : '';

      let res: Response;
      let dealtNow: Target | undefined;
      if (onSlack && target) {
        const body = blockActionsBody({
          action: { type: 'button', action_id: clickId },
          responseUrl: slack.responseUrl(userId),
          user: { id: userId, username: userName },
          teamId: tenant,
          channelId: channel,
          ...(target.messageId ? { messageTs: target.messageId } : { ephemeral: true }),
          ...(target.multi
            ? {
                state: {
                  [PICKER_BLOCK_ID]: {
                    [PICKER_CHECKBOXES_ID]: {
                      type: 'checkboxes',
                      selected_options: chosen.map((value) => ({ value })),
                    },
                  },
                },
              }
            : {}),
        });
        res = await postSlack(url, body);
        await res.arrayBuffer();
      } else if (onSlack) {
        const body = slashCommandBody({
          team_id: tenant,
          channel_id: channel,
          user_id: userId,
          user_name: userName,
          text: kind,
          response_url: slack.responseUrl(userId),
        });
        res = await postSlack(url, body);
        const answer = (await res.json().catch(() => ({}))) as { blocks?: unknown };
        if (kind === 'study') dealtNow = slackTarget(answer.blocks);
      } else {
        const member = { user: { id: userId, username: userName }, permissions: '0' };
        const where = { guild_id: tenant, channel_id: channel, member };
        if (target) {
          const interaction = {
            id: `13${String(++interactions).padStart(17, '0')}`,
            application_id: '100000000000000001',
            type: 3,
            token: 'soak-token',
            version: 1,
            ...where,
            message: { id: target.messageId ?? '1', flags: target.messageId ? 0 : 64 },
            data: target.multi
              ? { custom_id: clickId, component_type: 3, values: chosen }
              : { custom_id: clickId, component_type: 2 },
          };
          res = await postDiscord(url, interaction, keys);
          await res.arrayBuffer();
        } else {
          const [sub = 'help', period] = kind.split(' ');
          const options = period ? [{ name: 'period', type: 3, value: period }] : [];
          res = await postDiscord(url, discordCommand(sub, options, where), keys);
          const answer = (await res.json().catch(() => ({}))) as { data?: { components?: unknown } };
          if (kind === 'study') dealtNow = discordTarget(answer.data?.components);
        }
      }
      remember(`${platform}:${tenant}:${userId}`, dealtNow);
      const tag = `${platform} ${kind.split(' ')[0]} ${res.status}`;
      statuses.set(tag, (statuses.get(tag) ?? 0) + 1);
    };

    /** Sends `count` requests CONCURRENCY at a time; stops early at the deadline. */
    const deadline = Date.now() + DEADLINE_MS;
    const samples: { at: number; rss: number }[] = [];
    const drive = async (count: number, sample: boolean): Promise<number> => {
      let done = 0;
      let next = 0;
      const worker = async () => {
        while (next < count && Date.now() < deadline) {
          next++;
          try {
            await one();
          } catch (err) {
            const tag = `error ${(err as Error).name}`;
            statuses.set(tag, (statuses.get(tag) ?? 0) + 1);
          }
          done++;
          if (done % 2_000 === 0) {
            // Keep this process's own record of calls from growing without end.
            slack.reset();
            captureSlackPosts();
            discord.calls.length = 0;
          }
          if (sample && done % SAMPLE_EVERY === 0) samples.push({ at: done, rss: memoryOf(pid).rss });
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      return done;
    };

    await drive(WARMUP, false);
    await sleep(SETTLE_MS);
    const start = memoryOf(pid);
    const startedAt = performance.now();
    const completed = await drive(REQUESTS, true);
    const seconds = (performance.now() - startedAt) / 1000;
    await sleep(SETTLE_MS);
    const end = memoryOf(pid);

    const failed = [...statuses].filter(([tag]) => !/ 2\d\d$/.test(tag));
    const failures = failed.reduce((n, [, c]) => n + c, 0);
    const trail = samples.map((s) => Math.round(s.rss)).join(' → ');
    return [
      {
        name: 'soak: mixed signed requests answered',
        value: completed,
        unit: 'requests',
        note: `${CONCURRENCY} at a time in ${seconds.toFixed(0)} s after ${WARMUP} warm-up${completed < REQUESTS ? `; stopped at the ${DEADLINE_MS / 60_000} min deadline` : ''}`,
      },
      {
        name: 'soak: requests answered with a non-2xx status',
        value: failures,
        unit: 'requests',
        ...(failed.length ? { note: failed.map(([t, c]) => `${t}: ${c}`).join(', ') } : {}),
      },
      { name: 'soak: bot RSS after warm-up', value: Math.round(start.rss), unit: 'MB' },
      {
        name: 'soak: bot RSS at the end',
        value: Math.round(end.rss),
        unit: 'MB',
        note: `every ${SAMPLE_EVERY}: ${trail}`,
      },
      {
        name: 'soak: bot RSS end / start',
        value: end.rss / start.rss,
        unit: '×',
        note: 'target ≤ 1.5 (issue 13)',
      },
      { name: 'soak: bot peak RSS', value: Math.round(end.peak), unit: 'MB' },
      {
        name: 'soak: of the end RSS, mapped files',
        value: Math.round(end.file),
        unit: 'MB',
        note: `${Math.round(start.file)} MB after warm-up; code and LevelDB's table files`,
      },
    ];
  } finally {
    // The bot stops on SIGTERM as after Ctrl-C (closing its store); SIGKILL if it does not.
    const child = bot?.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const late = setTimeout(killBot, 10_000);
      await exited;
      clearTimeout(late);
    }
    process.removeListener('exit', killBot);
    await slack.close();
    await discord.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
